import OpikCore

extension TraceDeletion {
    /// The traces a deletion would remove, found by id or through a filter, and the ids that
    /// name no trace.
    struct Targets {
        /// A trace that exists: its project, name and how many spans go with it.
        struct Trace {
            var id: String
            var projectId: String?
            var name: String?
            var spanCount: Int
        }

        var found: [Trace] = []
        var missing: [String] = []
        /// The project of a filtered selection, for messages: `project 'my-app'`.
        var place: String?

        /// Looks each id up (`GET /traces/{id}`, which needs no project and is not rate
        /// limited), several at a time. With `scope`, a trace in another project is refused
        /// and nothing is deleted.
        init(ids: [String], scope: (id: String, name: String)?, session: Session, context: Context) throws {
            let records = try RecordExistence(entity: .trace, ids: ids, work: ParallelWork(session: session, context: context)).run()
            for id in ids {
                guard let record = records[id] else {
                    missing.append(id)
                    continue
                }
                if let scope, let project = record.projectId, project.lowercased() != scope.id.lowercased() {
                    throw OpikError.invalidInput("trace \(id) belongs to another project (id \(project)), not \(scope.name); nothing deleted",
                                                 hint: "leave out -p and --project-id to delete traces in any project")
                }
                let spans = try record.spanCount ?? Self.countSpans(of: id, projectId: record.projectId, client: session.client)
                found.append(Trace(id: id, projectId: record.projectId, name: record.name, spanCount: spans))
            }
        }

        /// The traces of the project that match every `--filter`, through the trace search
        /// stream; as `traces list` shows them (hidden traces only when a filter names
        /// visibility_mode).
        init(filtering invocation: Invocation, session: Session, context: Context) throws {
            let selection = try Selection(invocation, group: .traces, session: session, now: context.now())
            place = selection.projectDescription
            var body = selection.searchBody
            // Only ids, names, projects and span counts are needed (span_count is sent even when
            // excluded, as 0, so it stays).
            let heavy = ["input", "output", "metadata", "feedback_scores", "span_feedback_scores", "comments", "guardrails_validations"]
            body += [("exclude", .array(heavy.map { .string($0) })), ("truncate", .bool(true))]
            var last: String?
            var found: [Trace] = []
            try SearchStream(.trace, body: body, limit: nil, after: nil).run(client: session.client, lastId: &last) { trace, _ in
                guard let id = trace["id"]?.stringValue else { return }
                found.append(Trace(id: id, projectId: trace["project_id"]?.stringValue, name: trace["name"]?.stringValue,
                                   spanCount: trace["span_count"]?.intValue ?? 0))
            }
            self.found = found
        }

        /// Counts a trace's spans in its project with the paged list, whose `total` needs no
        /// paging through: for a server whose trace has no `span_count`.
        static func countSpans(of trace: String, projectId: String?, client: OpikClient) throws -> Int {
            guard let projectId else {
                throw OpikError.badResponse(what: "get trace \(trace)", message: "the response has neither span_count nor project_id")
            }
            return try TraceSpans.count(ofTrace: trace, project: ("project_id", projectId), client: client)
        }

        /// What would go, for the question and the messages:
        /// `2 traces ("rag", "checkout") with 5 spans in project 'my-app'`.
        var summary: String {
            let shown = 3
            var names = found.prefix(shown).compactMap(\.name).map { "\"\(Self.oneLine($0))\"" }
            if found.count > shown && !names.isEmpty { names.append("…") }
            let spans = found.reduce(0) { $0 + $1.spanCount }
            return Plural.count(found.count, "trace") + (names.isEmpty ? "" : " (\(names.joined(separator: ", ")))")
                + " with \(Plural.count(spans, "span"))" + (place.map { " in \($0)" } ?? "")
        }

        /// A name on one line, at most 40 characters: it goes into a one-line question.
        static func oneLine(_ name: String) -> String {
            let flat = String(name.map { $0.isNewline ? " " : $0 })
            return flat.count > 40 ? flat.prefix(39) + "…" : flat
        }
    }
}
