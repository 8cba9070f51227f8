import OpikCore

/// An entity's list endpoint (`GET /v1/private/spans`, `…/traces`) page by page: needed for
/// --sort, --search and --page, and the only listing that reports a total (its answer carries
/// `total`; see docs/SERVER.md).
struct PagedList {
    let selection: Selection
    let plan: ListCommand.Plan
    let exclude: [String]
    let truncate: Bool
    /// Page size when walking every page for --all.
    static let exportPageSize = 500

    var pageSize: Int { plan.limit ?? PagedList.exportPageSize }
    var entity: Entity { selection.entity }

    func request(client: OpikClient, page: Int) -> HTTPRequest {
        var query = selection.queryItems
        if let sorting = plan.sorting { query.append(("sorting", JSONWriter.compact(sorting))) }
        if !exclude.isEmpty { query.append(("exclude", JSONWriter.compact(.array(exclude.map { .string($0) })))) }
        query.append(("truncate", truncate ? "true" : "false"))
        // References instead of attachment contents: fast and small (see docs/SERVER.md).
        query.append(("strip_attachments", "true"))
        query.append(("page", String(page)))
        query.append(("size", String(pageSize)))
        return client.request("GET", entity.paths.list, query: query)
    }

    /// What a listing showed, for the footers a person at a terminal sees.
    struct Summary {
        var shown = 0
        /// How many records match, when the answer said (the paged list's `total`).
        var total: Int?
    }

    /// Writes the records; returns how many were shown and how many match in all.
    /// At most a page of records is written whatever the server sends, and a server that ignores
    /// `page` (sending the same records again) stops --all with an error instead of looping.
    func run(client: OpikClient, writer: RecordWriter) throws -> Summary {
        var page = plan.page ?? 1
        var summary = Summary()
        var previousFirst: JSONValue?
        while true {
            let what = "list \(entity.plural)"
            guard let response = try client.json(request(client: client, page: page), what: what, repetition: .safe) else {
                return summary
            }
            guard let received = response["content"]?.arrayValue else {
                throw client.unexpected(what, expected: "a page of \(entity.plural) (an object with \"content\")", received: response)
            }
            let content = received.prefix(pageSize)
            if let first = content.first?["id"], first == previousFirst {
                throw OpikError.badResponse(what: what,
                                            message: "page \(page) starts with the same \(entity.name) as page \(page - 1), so the server does not page; stopped to avoid repeating \(entity.plural)")
            }
            previousFirst = content.first?["id"]
            for span in content { try writer.write(span) }
            try writer.flushIfNeeded()
            summary.shown += content.count
            summary.total = response["total"]?.intValue
            if plan.limit != nil || content.count < pageSize { return summary }
            page += 1
        }
    }

    /// `page 2 of 7, 312 spans` for an explicit --page.
    func pageFooter(_ summary: Summary) -> String? {
        guard let page = plan.page, let total = summary.total else { return nil }
        let pages = max(1, (total + pageSize - 1) / pageSize)
        return "page \(page) of \(pages), \(Plural.groupedCount(total, entity.name))"
    }
}
