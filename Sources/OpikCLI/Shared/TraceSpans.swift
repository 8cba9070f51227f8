import OpikCore

/// The spans of one trace, for `traces get`: fetched through the span search stream of the
/// trace's project (see docs/SERVER.md#traces: spans in other projects do not belong to it),
/// ordered as a tree, and drawn on a terminal.
enum TraceSpans {
    static let option = OptionSpec(
        "spans", help: "With --format json or ndjson, print each trace with every span of it: {\"trace\": ..., \"spans\": [...]}.")

    /// Every span of `trace` in its project, newest first as the stream sends them: whole, or
    /// `forTree` with only what the tree shows (the cells of the span list's default table),
    /// so that large inputs and outputs never travel.
    static func fetch(of trace: JSONValue, client: OpikClient, forTree: Bool) throws -> [JSONValue] {
        guard let id = trace["id"]?.stringValue, let project = trace["project_id"]?.stringValue else { return [] }
        var body: [(String, JSONValue)] = [
            ("project_id", .string(project)), ("trace_id", .string(id)), ("truncate", .bool(forTree)),
        ]
        if forTree {
            body.append(("exclude", .array(FieldSelection.defaultTableExclude(for: .span).map { .string($0) })))
        }
        var spans: [JSONValue] = []
        var last: String?
        try SearchStream(.span, body: body, limit: nil, after: nil).run(client: client, lastId: &last) { span, _ in
            spans.append(span)
        }
        return spans
    }

    /// The spans in tree order: each span once, children after their parent.
    static func treeOrder(_ spans: [JSONValue], of trace: JSONValue) -> [JSONValue] {
        SpanTree(traceId: trace["id"]?.stringValue ?? "", spans: spans).orderedSpans
    }

    /// The terminal view of a trace: header, previews and span tree; warnings on stderr.
    /// `projectNames` keeps the names already looked up, so traces of one project ask once.
    static func writeTree(of trace: JSONValue, session: Session, context: Context, projectNames: inout [String: String?]) throws {
        let spans = try fetch(of: trace, client: session.client, forTree: true)
        let tree = SpanTree(traceId: trace["id"]?.stringValue ?? "", spans: spans)
        // Reads carry only the project's id (see docs/SERVER.md#traces); the name reads better,
        // and the id is shown when it cannot be had. Ctrl-C still stops.
        var projectName: String?
        if let id = trace["project_id"]?.stringValue {
            if let known = projectNames[id] {
                projectName = known
            } else {
                do {
                    projectName = try ProjectLookup.name(ofId: id, client: session.client)
                } catch let error as OpikError {
                    if case .interrupted = error { throw error }
                }
                projectNames[id] = projectName
            }
        }
        try TraceView.write(trace: trace, tree: tree, projectName: projectName, to: context.stdout,
                            useColor: session.useColor, width: context.terminalWidth, now: context.now())
        for warning in TraceView.warnings(trace: trace, tree: tree) { session.notices.warn(warning) }
    }

    /// How many spans of a project carry `traceId` (`project` is its `project_id` or
    /// `project_name` query item), from the paged list's `total`: no paging through needed.
    static func count(ofTrace traceId: String, project: (String, String), client: OpikClient) throws -> Int {
        let exclude = JSONWriter.compact(.array(["input", "output", "metadata"]))
        let request = client.request("GET", Entity.span.paths.list, query: [
            project, ("trace_id", traceId), ("size", "1"), ("exclude", exclude), ("strip_attachments", "true"),
        ])
        let what = "count spans of trace \(traceId)"
        let page = try client.json(request, what: what, repetition: .safe)
        guard let total = page?["total"]?.intValue else {
            throw client.unexpected(what, expected: "a page of spans with a total", received: page)
        }
        return total
    }

    /// For a trace id the server does not know: a hint naming how many spans of the project
    /// carry it (spans written without their trace, which no trace view shows; see
    /// docs/SERVER.md#how-traces-differ-from-spans), or nil when none do or the project is
    /// unknown. Ctrl-C still stops.
    static func neverCreatedHint(_ traceId: String, projectName: String, client: OpikClient) throws -> String? {
        let count: Int
        do {
            count = try self.count(ofTrace: traceId, project: ("project_name", projectName), client: client)
        } catch let error as OpikError {
            if case .interrupted = error { throw error }
            return nil
        }
        guard count > 0 else { return nil }
        let (verb, pronoun) = count == 1 ? ("names", "it") : ("name", "them")
        return "\(Plural.count(count, "span")) in project '\(projectName)' \(verb) this trace, which was never created, "
            + "so no trace view shows \(pronoun); 'opik traces create --file' with this id creates the trace"
    }
}
