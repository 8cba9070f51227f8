import OpikCore

/// How a row is shaped in a response (see docs/SERVER.md#exclude and docs/SERVER.md#response-conventions).
struct RenderOptions {
    /// Set for `GET /spans/{id}`, which fills `project_name`; lists, streams and traces leave it out.
    var projectName: String?
    var exclude: Set<String> = []
    var truncate = false
    /// `GET /traces/{id}` keys span scores by author and span id; lists by author only.
    var single = false

    static let stream = RenderOptions()
}

extension Row {
    /// Responses cut `input`/`output` longer than this into a string when `truncate` is on.
    static let truncationSize = 10001

    /// The row as `options` shape it; only `DataStore.render`, which gives a trace its aggregate,
    /// and the span stream form call this.
    fileprivate func render(_ options: RenderOptions, aggregate: SpanAggregate?) -> JSONValue {
        var members: [(String, JSONValue)] = [("id", .string(id))]
        func add(_ name: String, _ value: JSONValue?) {
            guard let value, !value.isNull, !options.exclude.contains(name) else { return }
            members.append((name, value))
        }
        if let projectName = options.projectName { members.append(("project_name", .string(projectName))) }
        members.append(("project_id", .string(projectID)))
        // Spans have no aggregate; the trace-only fields below never come up for them.
        let aggregate = aggregate ?? SpanAggregate([])
        for name in kind.readOrder {
            switch name {
            case "trace_id", "parent_span_id":
                // Identity fields cannot be excluded.
                if let value = fields[name], !value.isNull { members.append((name, value)) }
            case "name", "model", "provider", "thread_id":
                // Blank names, models, providers and thread ids read back as absent.
                add(name, fields[name].flatMap { $0.stringValue?.trimmed(" \t\n").isEmpty == true ? nil : $0 })
            case "input", "output":
                add(name, truncated(name, options))
            case "metadata":
                // Added even when `metadata` itself is excluded.
                if let enriched = withProviders(truncated(name, options), options, aggregate) { members.append((name, enriched)) }
            case "created_at": add(name, .string(createdAt))
            case "last_updated_at": add(name, .string(lastUpdatedAt))
            case "created_by", "last_updated_by": add(name, .string(author))
            case "feedback_scores": if !scores.isEmpty { add(name, .array(mergedScores)) }
            case "comments": if !comments.isEmpty { add(name, .array(comments.map(\.json))) }
            case "total_estimated_cost":
                // A zero cost reads back as absent.
                add(name, kind == .trace ? aggregate.costJSON : fields[name].flatMap { ($0.doubleValue ?? 0) > 0 ? $0 : nil })
            case "total_estimated_cost_version": add(name, fields[name].flatMap { $0.stringValue?.isEmpty == false ? $0 : nil })
            case "duration": add(name, durationMillis.map { .number(NumberText.decimal($0)) })
            case "usage": add(name, kind == .trace ? aggregate.usageJSON : fields[name])
            case "span_feedback_scores": add(name, aggregate.spanFeedbackScores(single: options.single))
            // Primitive fields on the server: always present, 0 or false when excluded.
            case "span_count": members.append((name, .int(options.exclude.contains(name) ? 0 : aggregate.spanCount)))
            case "llm_span_count": members.append((name, .int(options.exclude.contains(name) ? 0 : aggregate.llmSpanCount)))
            case "has_tool_spans": members.append((name, .bool(!options.exclude.contains(name) && aggregate.hasToolSpans)))
            // Read whatever `exclude` says (see docs/SERVER.md#trace-exclude).
            case "providers": if !aggregate.providers.isEmpty { members.append((name, .array(aggregate.providers.map { .string($0) }))) }
            default: add(name, fields[name])
            }
        }
        return .object(members)
    }

    /// `input`, `output` or `metadata`, with images and (but for metadata) long texts cut when truncating.
    private func truncated(_ name: String, _ options: RenderOptions) -> JSONValue? {
        guard options.truncate, let raw = fields[name] else { return fields[name] }
        let value = Self.replacingImages(raw)
        guard name != "metadata" else { return value }
        let text = JSONWriter.compact(value)
        return text.count > Self.truncationSize ? .string(String(text.prefix(Self.truncationSize))) : value
    }

    /// Reads put the span's provider (a trace's providers) first in `metadata` (see
    /// docs/SERVER.md): an object keeps its members (its own entry of that name wins, in first
    /// place), anything else becomes `{"provider": …}`; no provider (or, on spans, `provider`
    /// excluded) leaves it as stored.
    private func withProviders(_ metadata: JSONValue?, _ options: RenderOptions, _ aggregate: SpanAggregate) -> JSONValue? {
        let base = options.exclude.contains("metadata") ? nil : metadata
        let first: (String, JSONValue)
        switch kind {
        case .span:
            guard !options.exclude.contains("provider"), let provider = fields["provider"]?.stringValue,
                !provider.trimmed(" \t\n").isEmpty
            else { return base }
            first = ("provider", .string(provider))
        case .trace:
            let providers = aggregate.providers
            guard !providers.isEmpty else { return base }
            first = ("providers", .array(providers.map { .string($0) }))
        }
        var members = [first]
        if case let .object(stored)? = base {
            for (key, value) in stored {
                if key == first.0 { members[0].1 = value } else { members.append((key, value)) }
            }
        }
        return .object(members)
    }

    /// A span's default stream form, from the cache when present. A trace's depends on its
    /// spans, so it has none to cache.
    mutating func streamForm() -> [UInt8] {
        precondition(kind == .span, "a trace is rendered with its aggregate, through DataStore.render")
        if let streamBytes { return streamBytes }
        var bytes: [UInt8] = []
        JSONWriter.write(render(.stream, aggregate: nil), into: &bytes, indent: nil)
        streamBytes = bytes
        return bytes
    }

    /// Base64 data URLs become `[image]`, as the server's truncation does.
    static func replacingImages(_ value: JSONValue) -> JSONValue {
        switch value {
        case let .string(text) where text.hasPrefix("data:image/") && text.contains(";base64,"):
            return .string("[image]")
        case let .array(items): return .array(items.map(replacingImages))
        case let .object(members): return .object(members.map { ($0.0, replacingImages($0.1)) })
        default: return value
        }
    }
}

extension DataStore {
    /// A row as a response shows it: the one way to render, which gives a trace its span
    /// aggregate (from `aggregates` when the request already has it).
    func render(_ row: Row, _ options: RenderOptions, aggregates: AggregateCache = AggregateCache()) -> JSONValue {
        row.render(options, aggregate: row.kind == .trace ? aggregates.of(row, in: self) : nil)
    }
}
