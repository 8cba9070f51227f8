import OpikCore

/// Project lookups and trace deletion.
extension OpikAPI {
    static func routeProjects(_ r: ServerRequest, _ method: String, _ p: [String], _ store: inout DataStore) throws(APIFailure) -> ServerResponse {
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

    /// `POST /traces/delete`: `ids` (1–1000) and an optional `project_id`.
    static func deleteTraces(_ request: ServerRequest, _ store: inout DataStore) throws(APIFailure) -> ServerResponse {
        let body = try APIFailure.json(request)
        guard let ids = body["ids"]?.arrayValue?.compactMap(\.stringValue), (1...1000).contains(ids.count) else {
            throw .errors(422, "ids size must be between 1 and 1000")
        }
        return deleteTraces(ids.map { $0.lowercased() }, projectID: body["project_id"]?.stringValue?.lowercased(), &store)
    }

    /// Deletes traces with their spans, scores and comments; unknown ids are ignored. The real
    /// server removes the spans later (see docs/SERVER.md#how-traces-differ-from-spans); this one
    /// does it at once, and, as the server at the commit read, also deletes the spans of ids
    /// that have no trace row.
    static func deleteTraces(_ ids: [String], projectID: String?, _ store: inout DataStore) -> ServerResponse {
        store.deleteTraces(Set(ids), projectID: projectID)
        return .empty(204)
    }
}
