import OpikCore

/// How a span is shaped in a response (see docs/SERVER.md#exclude and docs/SERVER.md#response-conventions).
struct SpanRenderOptions {
    /// Set for `GET /spans/{id}`, which fills `project_name`; lists and streams leave it out.
    var projectName: String?
    var exclude: Set<String> = []
    var truncate = false

    static let stream = SpanRenderOptions()
}

extension SpanRecord {
    /// Responses cut `input`/`output` longer than this into a string when `truncate` is on.
    static let truncationSize = 10001

    func render(_ options: SpanRenderOptions) -> JSONValue {
        var members: [(String, JSONValue)] = [("id", .string(id))]
        func add(_ name: String, _ value: JSONValue?) {
            guard let value, !value.isNull, !options.exclude.contains(name) else { return }
            members.append((name, value))
        }
        if let projectName = options.projectName { members.append(("project_name", .string(projectName))) }
        members.append(("project_id", .string(projectID)))
        for name in ["trace_id", "parent_span_id"] { if let value = fields[name], !value.isNull { members.append((name, value)) } }
        // Blank names, models and providers read back as absent.
        func nonBlank(_ name: String) -> JSONValue? {
            fields[name].flatMap { $0.stringValue?.trimmed(" \t\n").isEmpty == true ? nil : $0 }
        }
        for name in ["name", "type", "start_time", "end_time"] { add(name, name == "name" ? nonBlank(name) : fields[name]) }
        for name in ["input", "output", "metadata"] {
            var value = fields[name]
            if options.truncate, let raw = value {
                value = Self.replacingImages(raw)
                if name != "metadata", let replaced = value {
                    let text = JSONWriter.compact(replaced)
                    if text.count > Self.truncationSize { value = .string(String(text.prefix(Self.truncationSize))) }
                }
            }
            if name == "metadata" {
                // Added even when `metadata` itself is excluded.
                if let enriched = withProvider(value, options) { members.append((name, enriched)) }
                continue
            }
            add(name, value)
        }
        for name in ["model", "provider"] { add(name, nonBlank(name)) }
        for name in ["tags", "usage", "error_info"] { add(name, fields[name]) }
        add("created_at", .string(createdAt))
        add("last_updated_at", .string(lastUpdatedAt))
        add("created_by", .string(author))
        add("last_updated_by", .string(author))
        if !scores.isEmpty { add("feedback_scores", .array(mergedScores)) }
        if !comments.isEmpty { add("comments", .array(comments.map(\.json))) }
        // A zero cost and a blank version read back as absent.
        add("total_estimated_cost", fields["total_estimated_cost"].flatMap { ($0.doubleValue ?? 0) > 0 ? $0 : nil })
        add("total_estimated_cost_version", fields["total_estimated_cost_version"].flatMap { $0.stringValue?.isEmpty == false ? $0 : nil })
        add("duration", durationMillis.map { .number(NumberText.decimal($0)) })
        for name in ["ttft", "source", "environment"] { add(name, fields[name]) }
        return .object(members)
    }

    /// Reads put the span's provider first in `metadata` (see docs/SERVER.md): an object keeps
    /// its members (its own `provider` wins, in first place), anything else becomes
    /// `{"provider": …}`; no provider (or `provider` excluded) leaves it as stored.
    private func withProvider(_ metadata: JSONValue?, _ options: SpanRenderOptions) -> JSONValue? {
        let base = options.exclude.contains("metadata") ? nil : metadata
        guard !options.exclude.contains("provider"), let provider = fields["provider"]?.stringValue,
            !provider.trimmed(" \t\n").isEmpty
        else { return base }
        var members: [(String, JSONValue)] = [("provider", .string(provider))]
        if case let .object(stored)? = base {
            for (key, value) in stored {
                if key == "provider" { members[0].1 = value } else { members.append((key, value)) }
            }
        }
        return .object(members)
    }

    /// The default stream form, from the cache when present.
    mutating func streamForm() -> [UInt8] {
        if let streamBytes { return streamBytes }
        var bytes: [UInt8] = []
        JSONWriter.write(render(.stream), into: &bytes, indent: nil)
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
