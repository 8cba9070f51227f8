/// Streams every record of an entity matching a search through its search stream (`POST
/// /v1/private/spans/search`, `…/traces/search`), page after page by the id cursor (see
/// docs/SERVER.md: newest first, `last_retrieved_id` exclusive), so memory stays flat however
/// many records match.
///
/// The stream may end early without a marker, so a short page is confirmed by asking again
/// from the same cursor; a connection that broke mid-stream resumes from the last id received.
/// What the server sends is not trusted: no more than `limit` records are delivered whatever
/// it sends, and a record that is not older than the cursor (a server that ignores the cursor would
/// repeat its first page forever) stops the search with an error.
package struct SearchStream {
    /// What is searched: its stream path and its name in messages.
    package let entity: Entity
    /// The search body without `limit`, `last_retrieved_id` and `strip_attachments`.
    package var body: [(String, JSONValue)]
    /// How many records at most (nil: all).
    package var limit: Int?
    /// Continue after this id (exclusive): the `--after` of a resumed export.
    package var after: String?
    package var pageSize: Int
    /// When false, `onRecord` gets `.null` instead of the parsed record (the raw line is enough
    /// for a pass-through export), and only the id is read from lines that start with it.
    package var parsesRecords = true

    package init(_ entity: Entity, body: [(String, JSONValue)], limit: Int?, after: String?) {
        self.entity = entity
        pageSize = entity.maxSearchPage
        self.body = body
        self.limit = limit
        self.after = after
    }

    /// The request for one page.
    package func request(client: OpikClient, cursor: String?, size: Int) -> HTTPRequest {
        var members = body
        // References instead of attachment contents: fast and small, where the stream takes
        // the flag (see docs/SERVER.md).
        if entity.searchStripsAttachments { members.append(("strip_attachments", .bool(true))) }
        members.append(("limit", .int(size)))
        if let cursor { members.append(("last_retrieved_id", .string(cursor))) }
        var request = client.request("POST", entity.paths.search, body: .object(members))
        // The resource produces application/octet-stream (see docs/SERVER.md).
        request.headers = request.headers.map { $0.0 == "Accept" ? ("Accept", "*/*") : $0 }
        return request
    }

    /// Runs the search. `onRecord` gets each record and its raw line; `onChunkEnd` is called when a
    /// network chunk is used up (a good moment to flush). Returns the number of records delivered.
    /// `lastId` is the id of the last record `onRecord` accepted, kept even when the search fails,
    /// so an interrupted export can say where to resume.
    @discardableResult
    package func run(
        client: OpikClient, lastId: inout String?,
        onRecord: (JSONValue, UnsafeBufferPointer<UInt8>) throws -> Void,
        onChunkEnd: () throws -> Void = {}
    ) throws -> Int {
        // Servers write ids in lower case; a typed --after may not be.
        var page = Page(cursor: after?.lowercased())
        var failures = 0
        defer { if let delivered = page.lastDelivered { lastId = delivered } }
        while limit.map({ page.delivered < $0 }) ?? true {
            let size = min(pageSize, limit.map { $0 - page.delivered } ?? pageSize)
            page.count = 0
            page.streamError = nil
            do {
                try fetchPage(client: client, size: size, page: &page, onRecord: onRecord, onChunkEnd: onChunkEnd)
            } catch is LimitReached {
                break
            } catch is StreamFailure {
                try retryOrThrow(&failures, client: client, message: page.streamError ?? "the stream ended mid-object")
                continue
            } catch let OpikError.transport(what, error, url) where Self.resumes(error) {
                try retryOrThrow(&failures, client: client, message: error.summary,
                                 original: OpikError.transport(what: what, error: error, url: url))
                continue
            }
            failures = 0
            // A full page means more may follow; an empty one means the end. A short page is
            // either the end or a stream closed early, so it is confirmed from the cursor.
            if page.count == 0 { break }
        }
        return page.delivered
    }

    /// Where the search stands: the cursor, and what the current page delivered.
    struct Page {
        var cursor: String?
        var delivered = 0
        var lastDelivered: String?
        var count = 0
        var streamError: String?
    }

    private func fetchPage(client: OpikClient, size: Int, page: inout Page,
                           onRecord: (JSONValue, UnsafeBufferPointer<UInt8>) throws -> Void,
                           onChunkEnd: () throws -> Void) throws {
        let request = self.request(client: client, cursor: page.cursor, size: size)
        try withoutActuallyEscaping(onRecord) { onRecord in
            try withoutActuallyEscaping(onChunkEnd) { onChunkEnd in
                var state = page
                defer { page = state }
                let sink = LineSink(onLine: { line in
                    if let limit, state.delivered >= limit { throw LimitReached() }
                    let (id, value) = try parse(line, streamError: &state.streamError)
                    try checkAdvance(id, cursor: state.cursor)
                    state.cursor = id
                    try onRecord(value, line)
                    state.count += 1
                    state.delivered += 1
                    state.lastDelivered = id
                }, onChunkEnd: onChunkEnd)
                _ = try client.perform(request, what: "search \(entity.plural)", repetition: .resumable) { sink }
                if !sink.unfinishedLine.isEmpty { throw StreamFailure() }
            }
        }
    }

    /// The id of a line and the parsed record (`.null` when records are not parsed).
    private func parse(_ line: UnsafeBufferPointer<UInt8>, streamError: inout String?) throws -> (String, JSONValue) {
        if !parsesRecords, let id = SearchStream.leadingId(line) { return (id, .null) }
        let value: JSONValue
        do {
            value = try JSONParser.parse(bytes: line)
        } catch {
            streamError = "the stream held invalid JSON (\(error))"
            throw StreamFailure()
        }
        guard let id = value["id"]?.stringValue else {
            // `{"code":500,"message":"Streaming operation timed out"}`
            streamError = value["message"]?.stringValue ?? "unexpected object in the stream"
            throw StreamFailure()
        }
        return (id, value)
    }

    /// Records come newest first, each older than the cursor; anything else would repeat them.
    func checkAdvance(_ id: String, cursor: String?) throws {
        guard let cursor, id >= cursor else { return }
        throw OpikError.hinted(
            .badResponse(
                what: "search \(entity.plural)",
                message: "the server sent \(entity.name) \(id) after \(entity.name) \(cursor), so it does not page by last_retrieved_id; stopped to avoid repeating \(entity.plural)"),
            hint: "check that --url points at an Opik server")
    }

    /// Errors after which the stream resumes from the cursor. Failures to connect were already
    /// retried by the client; resuming would only multiply its attempts.
    static func resumes(_ error: TransportError) -> Bool {
        switch error {
        case .dropped, .timeout: return true
        default: return false
        }
    }

    /// The stream broke off or held something else than records; caught by `run`, which resumes.
    struct StreamFailure: UserFacingError {
        var userFacing: UserFacing { UserFacing(.unexpected, "search: a stream failure was not handled; this is a bug in opik") }
    }
    /// The server sent more records than asked for; the rest of the stream is not read.
    struct LimitReached: UserFacingError {
        var userFacing: UserFacing { UserFacing(.unexpected, "search: the end of a limited stream was not handled; this is a bug in opik") }
    }

    static let idPrefix = Array(#"{"id":""#.utf8)

    /// The id of a line that starts `{"id":"<36 characters>"`, as the server writes records.
    static func leadingId(_ line: UnsafeBufferPointer<UInt8>) -> String? {
        let end = idPrefix.count + 36
        guard line.count > end, line[end] == UInt8(ascii: "\""), line[line.count - 1] == UInt8(ascii: "}") else { return nil }
        for i in 0..<idPrefix.count where line[i] != idPrefix[i] { return nil }
        let id = String(decoding: UnsafeBufferPointer(rebasing: line[idPrefix.count..<end]), as: UTF8.self)
        return UUIDv7.isValid(id) ? id : nil
    }

    func retryOrThrow(_ failures: inout Int, client: OpikClient, message: String, original: OpikError? = nil) throws {
        failures += 1
        guard failures <= client.retries else {
            throw original ?? OpikError.server(what: "search \(entity.plural)", status: 200, message: message, hint: nil)
        }
        let delay = client.backoff(failures)
        client.onWait("\(message); resuming in \(OpikClient.seconds(delay))")
        client.context.sleep(delay)
    }
}
