import OpikCore

/// The reads of spans and traces: list, one by id, exists and the search stream.
extension OpikAPI {
    static func flag(_ request: ServerRequest, _ name: String) -> Bool {
        request.queryValue(name)?.lowercased() == "true"
    }

    static func exclude(_ kind: RowKind, query text: String?) throws(APIFailure) -> Set<String> {
        guard let text, !text.isEmpty else { return [] }
        guard let names = (try? JSONParser.parse(text)).flatMap({ excludeNames(kind, $0) })
        else { throw .code(400, "Invalid query param exclude '\(text)'") }
        return names
    }

    /// The names of an `exclude` array, nil unless every item is a name `kind` accepts.
    static func excludeNames(_ kind: RowKind, _ json: JSONValue) -> Set<String>? {
        guard let names = json.arrayValue?.compactMap(\.stringValue), names.count == json.arrayValue?.count,
            names.allSatisfy(kind.excludable.contains)
        else { return nil }
        return Set(names)
    }

    static func list(_ kind: RowKind, _ request: ServerRequest, _ store: inout DataStore) throws(APIFailure) -> ServerResponse {
        let query = try RowQuery(kind, query: request, store: store)
        let exclude = try exclude(kind, query: request.queryValue("exclude"))
        let page = try positive(request, "page", default: 1)
        let size = try positive(request, "size", default: 10)
        let sorting = try RowSorting(kind, query: request.queryValue("sorting"))
        let aggregates = AggregateCache()
        var ids = query.matchingIDs(in: store, aggregates: aggregates)
        let table = store.table(kind)
        if let sorting {
            ids = sorting.sorted(ids.map { table[$0]! }, in: store, aggregates: aggregates).map(\.id)
        } else {
            ids = RowSorting.defaultOrder(kind, ids, table)
        }
        let pageIDs = ids[pageRange(page: page, size: size, count: ids.count)]
        let truncate = flag(request, "truncate")
        let options = RenderOptions(exclude: exclude, truncate: truncate)
        let content = pageIDs.map { id in store.render(table[id]!, options, aggregates: aggregates) }
        // A project with no rows of the kind has no sortable columns yet (see docs/SERVER.md).
        let hasRows = !table.ids(in: query.projectID).isEmpty
        return .json(200, .object([
            ("page", .int(page)), ("size", .int(content.count)), ("total", .int(ids.count)),
            ("content", .array(content)), ("sortableBy", .array(hasRows ? kind.sortableBy.map { .string($0) } : [])),
        ]))
    }

    /// The indices of page `page` (from 1) of `size` items among `count`, empty past the end;
    /// never overflows, whatever `page` and `size` are.
    static func pageRange(page: Int, size: Int, count: Int) -> Range<Int> {
        let (skip, overflow) = (page - 1).multipliedReportingOverflow(by: size)
        guard !overflow, skip < count else { return count..<count }
        return skip..<(size >= count - skip ? count : skip + size)
    }

    private static func positive(_ request: ServerRequest, _ name: String, default value: Int) throws(APIFailure) -> Int {
        guard let text = request.queryValue(name) else { return value }
        guard let number = Int(text) else { throw .notFound }
        guard number >= 1 else { throw .errors(400, "query param \(name) must be greater than or equal to 1") }
        return number
    }

    static func get(_ kind: RowKind, _ id: String, _ store: inout DataStore) throws(APIFailure) -> ServerResponse {
        guard let row = store[kind, id] else { throw .code(404, "\(kind.title) id: \(id) not found") }
        // Only a span read names its project; trace reads never do.
        let options = RenderOptions(projectName: kind == .span ? store.projects[row.projectID]?.name : nil, single: true)
        return .json(200, store.render(row, options))
    }

    static func exists(_ kind: RowKind, _ request: ServerRequest, _ store: inout DataStore) throws(APIFailure) -> ServerResponse {
        let projectID = try RowQuery.project(
            id: request.queryValue("project_id"), name: request.queryValue("project_name"), in: store)
        let source = request.queryValue("source")
        if let source, !RowKind.sources.contains(source) {
            // Spans take an enum parameter (Jersey's 404); traces check the text themselves.
            throw kind == .span ? .notFound : .code(400, "Invalid source '\(source)'")
        }
        let threadOnly = kind == .trace && flag(request, "thread_only")
        let table = store.table(kind)
        let exists = table.ids(in: projectID).contains { id in
            guard let row = table[id] else { return false }
            if threadOnly && (row["thread_id"]?.stringValue ?? "").isEmpty { return false }
            guard let source else { return true }
            return (row["source"]?.stringValue ?? "sdk") == source
        }
        return .json(200, ["exists": .bool(exists)])
    }

    static func search(_ kind: RowKind, _ request: ServerRequest, _ store: inout DataStore) throws(APIFailure) -> ServerResponse {
        let body = try APIFailure.json(request)
        guard case .object = body else { throw .code(400, "Unable to process JSON. Expected an object") }
        let query = try RowQuery(kind, body: body, store: store)
        var limit = 500
        if let value = body["limit"], !value.isNull {
            // Jackson reads an int (a fraction is cut off): a number outside its range is a parse error.
            guard let double = value.doubleValue, double > -2_147_483_649, double < 2_147_483_648 else {
                throw .code(400, "Unable to process JSON. Invalid limit")
            }
            let number = Int(double)
            guard number >= 1 else { throw .errors(422, "limit must be greater than or equal to 1") }
            guard number <= 2000 else { throw .errors(422, "limit must be less than or equal to 2000") }
            limit = number
        }
        var exclude: Set<String> = []
        if let names = body["exclude"], !names.isNull {
            guard let valid = excludeNames(kind, names) else {
                throw .code(400, "Unable to process JSON. Invalid exclude \(JSONWriter.compact(names))")
            }
            exclude = valid
        }
        let truncate = body["truncate"] == .bool(true)
        let cursor = body["last_retrieved_id"]?.stringValue?.lowercased()
        let table = store.table(kind)
        let ids = table.ids(in: query.projectID)
        var index = (cursor.map { table.lowerBound($0, in: query.projectID) } ?? ids.count) - 1
        let aggregates = AggregateCache()
        let options = RenderOptions(exclude: exclude, truncate: truncate)
        var objects: [[UInt8]] = []
        objects.reserveCapacity(min(limit, ids.count))
        while index >= 0 && objects.count < limit {
            let id = ids[index]
            index -= 1
            guard let row = table[id], query.matches(row, in: store, aggregates: aggregates) else { continue }
            // A span's default form is cached; a trace's depends on its spans, so is made each time.
            if kind == .span && exclude.isEmpty && (!truncate || !row.needsTruncation) {
                objects.append(store.spanStreamForm(id))
            } else {
                var bytes: [UInt8] = []
                JSONWriter.write(store.render(row, options, aggregates: aggregates), into: &bytes, indent: nil)
                objects.append(bytes)
            }
        }
        return ServerResponse(status: 200, headers: [("Content-Type", "application/octet-stream")], body: .stream(objects))
    }
}

extension Row {
    /// Whether `truncate` would change this span (a data-URL image, or a long input/output).
    var needsTruncation: Bool {
        for name in ["input", "output", "metadata"] {
            guard let value = fields[name] else { continue }
            let text = JSONWriter.compact(value)
            if text.contains("data:image/") || (name != "metadata" && text.count > Self.truncationSize) { return true }
        }
        return false
    }
}
