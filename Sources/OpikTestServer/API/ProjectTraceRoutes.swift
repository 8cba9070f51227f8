import OpikCore

/// Project lookups, the two trace reads the CLI needs and the trace writes the SDK sends.
extension OpikAPI {
    static func routeProjects(_ r: ServerRequest, _ method: String, _ p: [String], _ store: inout SpanStore) throws(APIFailure) -> ServerResponse {
        switch (method, p.count, p.first ?? "") {
        case ("GET", 0, _), ("GET", 1, ""):
            let page = max(1, Int(r.queryValue("page") ?? "1") ?? 1)
            let size = max(1, Int(r.queryValue("size") ?? "10") ?? 10)
            let name = r.queryValue("name")?.lowercased()
            // Newest project first, as the server lists them by default.
            let all = store.projectOrder.reversed().compactMap { store.projects[$0] }
                .filter { name == nil || name!.isEmpty || $0.name.lowercased().contains(name!) }
            let content = all[pageRange(page: page, size: size, count: all.count)].map(\.json)
            return .json(200, .object([
                ("page", .int(page)), ("size", .int(content.count)), ("total", .int(all.count)),
                ("content", .array(content)),
                ("sortableBy", ["id", "name", "created_at", "last_updated_at", "last_updated_trace_at"]),
            ]))
        case ("POST", 1, "retrieve"):
            let body = try APIFailure.json(r)
            guard let name = body["name"]?.stringValue, !name.trimmed(" ").isEmpty else {
                throw .errors(422, "name must not be blank")
            }
            guard let id = store.projectID(named: name), let project = store.projects[id] else {
                throw .errors(404, "Project not found")
            }
            return .json(200, project.json)
        case ("GET", 1, _):
            guard let project = store.projects[p[0].lowercased()] else { throw .errors(404, "Project not found") }
            return .json(200, project.json)
        default:
            throw .notFound
        }
    }

    static func routeTraces(_ r: ServerRequest, _ method: String, _ p: [String], _ store: inout SpanStore) throws(APIFailure) -> ServerResponse {
        switch (method, p.count, p.first ?? "") {
        // Trace writes are accepted and not kept (traces are read back from their spans), so
        // that the Python SDK, which creates a trace for a span without one, can log spans.
        case ("POST", 1, "batch"):
            guard let items = try APIFailure.json(r)["traces"]?.arrayValue, (1...1000).contains(items.count) else {
                throw .errors(422, "traces size must be between 1 and 1000")
            }
            return .empty(204)
        case ("POST", 0, _):
            let id = try APIFailure.json(r)["id"]?.stringValue ?? store.newID()
            return .empty(201, headers: [("Location", location(r, "/v1/private/traces/\(id)"))])
        case ("PATCH", 1, _) where p[0] != "batch":
            _ = try spanID(p[0])
            _ = try APIFailure.json(r)
            return .empty(204)
        case ("POST", 1, "delete"):
            let body = try APIFailure.json(r)
            guard let ids = body["ids"]?.arrayValue?.compactMap(\.stringValue), (1...1000).contains(ids.count) else {
                throw .errors(422, "ids size must be between 1 and 1000")
            }
            let traces = Set(ids.map { $0.lowercased() })
            let doomed = store.spans.values.filter { traces.contains($0["trace_id"]?.stringValue ?? "") }.map(\.id)
            for id in doomed { store.remove(spanID: id) }
            return .empty(204)
        case ("GET", 1, _):
            let id = try spanID(p[0])
            let spans = store.spans.values.filter { $0["trace_id"]?.stringValue == id }
            guard let first = spans.min(by: { ($0.startMicros ?? 0) < ($1.startMicros ?? 0) }) else {
                throw .code(404, "Trace id: \(p[0]) not found")
            }
            var members: [(String, JSONValue)] = [("id", .string(id)), ("project_id", .string(first.projectID))]
            if let root = spans.first(where: { $0["parent_span_id"] == nil }), let name = root["name"] { members.append(("name", name)) }
            if let start = first["start_time"] { members.append(("start_time", start)) }
            members.append(("span_count", .int(spans.count)))
            return .json(200, .object(members))
        default:
            throw .notFound
        }
    }
}
