import OpikCore

/// `GET /v1/private/spans` page by page: needed for --sort, --search and --page, and the only
/// listing that reports a total (see docs/SERVER.md#pagination).
struct PagedList {
    let selection: SpanSelection
    let plan: SpansList.Plan
    let exclude: [String]
    let truncate: Bool
    /// Page size when walking every page for --all.
    static let exportPageSize = 500

    var pageSize: Int { plan.limit ?? PagedList.exportPageSize }

    func request(client: OpikClient, page: Int) -> HTTPRequest {
        var query = selection.queryItems
        if let sorting = plan.sorting { query.append(("sorting", JSONWriter.compact(sorting))) }
        if !exclude.isEmpty { query.append(("exclude", JSONWriter.compact(.array(exclude.map { .string($0) })))) }
        query.append(("truncate", truncate ? "true" : "false"))
        // References instead of attachment contents: fast and small (see docs/SERVER.md#attachments).
        query.append(("strip_attachments", "true"))
        query.append(("page", String(page)))
        query.append(("size", String(pageSize)))
        return client.request("GET", "/v1/private/spans", query: query)
    }

    /// Writes the spans and returns the footer for a terminal (`page 2 of 7, 312 spans`).
    func run(client: OpikClient, writer: RecordWriter) throws -> String? {
        var page = plan.page ?? 1
        while true {
            guard let response = try client.json(request(client: client, page: page), what: "list spans", repetition: .safe) else {
                return nil
            }
            let content = response["content"]?.arrayValue ?? []
            for span in content { try writer.write(span) }
            try writer.flushIfNeeded()
            let total = response["total"].flatMap(\.doubleValue).map { Int($0) }
            if plan.limit != nil {
                guard let total else { return nil }
                let pages = max(1, (total + pageSize - 1) / pageSize)
                return "page \(page) of \(pages), \(total) spans"
            }
            if content.count < pageSize { return total.map { "\($0) spans" } }
            page += 1
        }
    }
}
