import OpikCore

/// The selection shared by list, stats and search: project, trace and type (spans), filters,
/// search text and the id time window (see docs/SERVER.md#project-name-and-project-id,
/// docs/SERVER.md#filters, docs/SERVER.md#time-window).
struct RowQuery {
    var kind: RowKind
    var projectID: String
    var traceID: String?
    var type: String?
    var filters: [RowFilter] = []
    var search: String?
    /// Inclusive id bounds derived from `from_time`/`to_time`.
    var lowestID: String?
    var highestID: String?

    /// Resolves `project_id` (which wins) or `project_name`; never creates a project.
    static func project(id: String?, name: String?, in store: DataStore) throws(APIFailure) -> String {
        if let id, !id.isEmpty {
            guard store.projects[id.lowercased()] != nil else { throw .code(404, "Project id: \(id) not found") }
            return id.lowercased()
        }
        if let name, !name.trimmed(" ").isEmpty {
            guard let found = store.projectID(named: name) else { throw .code(404, "Project name: \(name) not found") }
            return found
        }
        throw .code(400, "Either 'project_name' or 'project_id' query params must be provided")
    }

    /// Reads the query-string form used by the list and the stats.
    init(_ kind: RowKind, query request: ServerRequest, store: DataStore) throws(APIFailure) {
        self.kind = kind
        projectID = try Self.project(id: request.queryValue("project_id"), name: request.queryValue("project_name"), in: store)
        traceID = kind == .span ? request.queryValue("trace_id").map { $0.lowercased() } : nil
        if kind == .span, let type = request.queryValue("type") {
            // Jersey answers 404 when a query parameter cannot be converted to its enum.
            guard RowKind.spanTypes.contains(type) else { throw .notFound }
            self.type = type
        }
        if let text = request.queryValue("filters"), !text.trimmed(" ").isEmpty {
            let unreadable = "Invalid filters query parameter '\(text)'"
            guard let json = try? JSONParser.parse(text) else { throw .code(400, unreadable) }
            filters = try Self.filters(json, kind: kind, distinct: true, unreadable: unreadable)
        }
        search = request.queryValue("search").flatMap { $0.isEmpty ? nil : $0.lowercased() }
        try setTimeWindow(from: request.queryValue("from_time"), to: request.queryValue("to_time"))
    }

    /// Reads the body form of the search stream.
    init(_ kind: RowKind, body: JSONValue, store: DataStore) throws(APIFailure) {
        self.kind = kind
        projectID = try Self.project(id: body["project_id"]?.stringValue, name: body["project_name"]?.stringValue, in: store)
        traceID = kind == .span ? body["trace_id"]?.stringValue?.lowercased() : nil
        if kind == .span, let type = body["type"], !type.isNull {
            guard let text = type.stringValue, RowKind.spanTypes.contains(text) else {
                throw .code(400, "Unable to process JSON. Cannot deserialize value of type `SpanType` from String \(JSONWriter.compact(type))")
            }
            self.type = text
        }
        if let json = body["filters"], !json.isNull {
            filters = try Self.filters(json, kind: kind, distinct: false,
                                       unreadable: "Unable to process JSON. Invalid filters \(JSONWriter.compact(json))")
        }
        try setTimeWindow(from: body["from_time"]?.stringValue, to: body["to_time"]?.stringValue)
    }

    /// Parses filters, each failure as the API answers it; `unreadable` is the message of a
    /// filter array that cannot be read at all.
    private static func filters(_ json: JSONValue, kind: RowKind, distinct: Bool, unreadable: String) throws(APIFailure) -> [RowFilter] {
        do {
            return try RowFilter.parse(json, kind: kind, distinct: distinct)
        } catch {
            switch error {
            case .unreadable: throw .code(400, unreadable)
            case let .invalid(message): throw .code(400, message)
            case .failsInDatabase: throw .internalError
            }
        }
    }

    private mutating func setTimeWindow(from: String?, to: String?) throws(APIFailure) {
        func millis(_ text: String) throws(APIFailure) -> Int64 {
            if let epoch = Int64(text) { return epoch }
            guard let micros = Timestamp.micros(text) else { throw .code(400, "Invalid time format '\(text)'") }
            return micros >= 0 ? micros / 1000 : (micros - 999) / 1000
        }
        let fromMillis = try from.map(millis)
        let toMillis = try to.map(millis)
        if let fromMillis, let toMillis, fromMillis >= toMillis {
            throw .code(400, "Parameter 'from_time' must be before 'to_time'")
        }
        lowestID = fromMillis.map { UUIDv7.bound(millis: $0, upper: false) }
        highestID = toMillis.map { UUIDv7.bound(millis: $0, upper: true) }
    }

    /// Whether a row passes; a trace's span aggregates are computed only when a filter needs them.
    func matches(_ row: Row, in store: DataStore, aggregates: AggregateCache) -> Bool {
        if let traceID, row["trace_id"]?.stringValue?.lowercased() != traceID { return false }
        if let type, row["type"]?.stringValue != type { return false }
        if let lowestID, row.id < lowestID { return false }
        if let highestID, row.id > highestID { return false }
        if let search, !searchText(row).contains(search) { return false }
        guard !filters.isEmpty else { return true }
        let aggregate = kind == .trace && filters.contains(where: \.needsAggregate) ? aggregates.of(row, in: store) : nil
        return filters.allSatisfy { $0.matches(row, aggregate: aggregate) }
    }

    /// The columns `search` looks in, lower-cased.
    private func searchText(_ row: Row) -> String {
        var parts = [row.id]
        for name in kind.searchFields.text { parts.append(row[name]?.stringValue ?? "") }
        for name in kind.searchFields.json { parts.append(row[name].map(JSONWriter.compact) ?? "") }
        return parts.joined(separator: "\u{1}").lowercased()
    }

    /// Matching rows of the project, newest id first.
    func matchingIDs(in store: DataStore, aggregates: AggregateCache) -> [String] {
        let table = store.table(kind)
        return table.ids(in: projectID).reversed().filter { id in table[id].map { matches($0, in: store, aggregates: aggregates) } ?? false }
    }
}
