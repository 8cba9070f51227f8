import OpikCore

/// `GET /spans`, `GET /spans/{id}`, `GET /spans/exists` and `POST /spans/search`.
extension OpikAPI {
    static let excludable: Set<String> = [
        "name", "type", "start_time", "end_time", "input", "output", "metadata", "model", "provider", "tags",
        "usage", "error_info", "created_at", "created_by", "last_updated_by", "feedback_scores", "comments",
        "total_estimated_cost", "total_estimated_cost_version", "duration", "ttft", "source", "environment",
    ]

    static let sortableBy: [JSONValue] = [
        "id", "name", "type", "trace_id", "parent_span_id", "input", "output", "metadata", "start_time", "end_time",
        "duration", "ttft", "tags", "created_at", "last_updated_at", "model", "provider", "total_estimated_cost",
        "error_info", "created_by", "environment", "usage.*", "feedback_scores.*",
    ]

    static func flag(_ request: ServerRequest, _ name: String) -> Bool {
        request.queryValue(name)?.lowercased() == "true"
    }

    static func exclude(query text: String?) throws(APIFailure) -> Set<String> {
        guard let text, !text.isEmpty else { return [] }
        guard let names = (try? JSONParser.parse(text))?.arrayValue?.map(\.stringValue),
            names.allSatisfy({ $0.map(excludable.contains) ?? false })
        else { throw .code(400, "Invalid query param exclude '\(text)'") }
        return Set(names.compactMap { $0 })
    }

    static func listSpans(_ request: ServerRequest, _ store: inout SpanStore) throws(APIFailure) -> ServerResponse {
        let query = try SpanQuery(query: request, store: store)
        let exclude = try exclude(query: request.queryValue("exclude"))
        let page = try positive(request, "page", default: 1)
        let size = try positive(request, "size", default: 10)
        let sorting = try SpanSorting(query: request.queryValue("sorting"))
        var ids = query.matchingIDs(in: store)
        let spans = store.spans
        if let sorting {
            ids = sorting.sorted(ids.map { spans[$0]! }).map(\.id)
        } else {
            ids = SpanSorting.defaultOrder(ids.map { spans[$0]! }).map(\.id)
        }
        let pageIDs = ids[pageRange(page: page, size: size, count: ids.count)]
        let options = SpanRenderOptions(exclude: exclude, truncate: flag(request, "truncate"))
        let content = pageIDs.map { spans[$0]!.render(options) }
        // A project with no spans has no sortable columns yet (see docs/SERVER.md).
        let hasSpans = !(store.projects[query.projectID]?.spanIDs.isEmpty ?? true)
        return .json(200, .object([
            ("page", .int(page)), ("size", .int(content.count)), ("total", .int(ids.count)),
            ("content", .array(content)), ("sortableBy", .array(hasSpans ? sortableBy : [])),
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

    static func getSpan(_ request: ServerRequest, _ id: String, _ store: inout SpanStore) throws(APIFailure) -> ServerResponse {
        guard let span = store.spans[id] else { throw .code(404, "Span id: \(id) not found") }
        let projectName = store.projects[span.projectID]?.name
        return .json(200, span.render(SpanRenderOptions(projectName: projectName)))
    }

    static func spansExist(_ request: ServerRequest, _ store: inout SpanStore) throws(APIFailure) -> ServerResponse {
        let projectID = try SpanQuery.project(
            id: request.queryValue("project_id"), name: request.queryValue("project_name"), in: store)
        let source = request.queryValue("source")
        let sources: Set<String> = ["sdk", "experiment", "playground", "optimization", "evaluator"]
        if let source, !sources.contains(source) { throw .notFound }
        let exists = (store.projects[projectID]?.spanIDs ?? []).contains { id in
            guard let source else { return true }
            let actual = store.spans[id]?["source"]?.stringValue ?? "sdk"
            return actual == source
        }
        return .json(200, ["exists": .bool(exists)])
    }

    static func searchSpans(_ request: ServerRequest, _ store: inout SpanStore) throws(APIFailure) -> ServerResponse {
        let body = try APIFailure.json(request)
        guard case .object = body else { throw .code(400, "Unable to process JSON. Expected an object") }
        let query = try SpanQuery(body: body, store: store)
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
            guard let items = names.arrayValue?.map(\.stringValue), items.allSatisfy({ $0.map(excludable.contains) ?? false })
            else { throw .code(400, "Unable to process JSON. Invalid exclude \(JSONWriter.compact(names))") }
            exclude = Set(items.compactMap { $0 })
        }
        let truncate = body["truncate"] == .bool(true)
        let cursor = body["last_retrieved_id"]?.stringValue?.lowercased()
        let ids = store.projects[query.projectID]?.spanIDs ?? []
        var index = (cursor.map { store.lowerBound($0, in: query.projectID) } ?? ids.count) - 1
        var objects: [[UInt8]] = []
        objects.reserveCapacity(min(limit, ids.count))
        while index >= 0 && objects.count < limit {
            let id = ids[index]
            index -= 1
            guard let span = store.spans[id], query.matches(span) else { continue }
            if exclude.isEmpty && (!truncate || !span.needsTruncation) {
                objects.append(store.streamForm(id))
            } else {
                var bytes: [UInt8] = []
                JSONWriter.write(span.render(SpanRenderOptions(exclude: exclude, truncate: truncate)), into: &bytes, indent: nil)
                objects.append(bytes)
            }
        }
        return ServerResponse(status: 200, headers: [("Content-Type", "application/octet-stream")], body: .stream(objects))
    }
}

extension SpanRecord {
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
