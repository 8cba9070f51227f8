/// Streams every span matching a search through `POST /v1/private/spans/search`, page after
/// page by the id cursor (see docs/SERVER.md#search-stream), so memory stays flat however many spans match.
///
/// The stream may end early without a marker, so a short page is confirmed by asking again
/// from the same cursor; a dropped connection resumes from the last id received.
public struct SpanSearch {
    /// The search body without `limit` and `last_retrieved_id`.
    public var body: [(String, JSONValue)]
    /// How many spans at most (nil: all).
    public var limit: Int?
    /// Continue after this id (exclusive): the `--after` of a resumed export.
    public var after: String?
    public var pageSize = SpanVocabulary.maxSearchPage
    /// When false, `onSpan` gets `.null` instead of the parsed span (the raw line is enough
    /// for a pass-through export), and only the id is read from lines that start with it.
    public var parsesSpans = true

    public init(body: [(String, JSONValue)], limit: Int?, after: String?) {
        self.body = body
        self.limit = limit
        self.after = after
    }

    /// The request for one page.
    public func request(client: OpikClient, cursor: String?, size: Int) -> HTTPRequest {
        var members = body
        members.append(("limit", .int(size)))
        if let cursor { members.append(("last_retrieved_id", .string(cursor))) }
        var request = client.request("POST", "/v1/private/spans/search", body: .object(members))
        // The resource produces application/octet-stream (see docs/SERVER.md#headers-and-authentication).
        request.headers = request.headers.map { $0.0 == "Accept" ? ("Accept", "*/*") : $0 }
        return request
    }

    /// Runs the search. `onSpan` gets each span and its raw line; `onChunkEnd` is called when a
    /// network chunk is used up (a good moment to flush). Returns the number of spans delivered.
    /// `lastId` is kept up to date so an interrupted export can say where to resume.
    @discardableResult
    public func run(
        client: OpikClient, lastId: inout String?,
        onSpan: (JSONValue, UnsafeBufferPointer<UInt8>) throws -> Void,
        onChunkEnd: () throws -> Void = {}
    ) throws -> Int {
        var cursor = after
        var delivered = 0
        var failures = 0
        while limit.map({ delivered < $0 }) ?? true {
            let size = min(pageSize, limit.map { $0 - delivered } ?? pageSize)
            var count = 0
            var streamError: String?
            var failed = false
            let request = self.request(client: client, cursor: cursor, size: size)
            do {
                try withoutActuallyEscaping(onSpan) { onSpan in
                    try withoutActuallyEscaping(onChunkEnd) { onChunkEnd in
                        let sink = LineSink(onLine: { line in
                            if !parsesSpans, let id = SpanSearch.leadingId(line) {
                                cursor = id
                                count += 1
                                try onSpan(.null, line)
                                return
                            }
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
                            cursor = id
                            count += 1
                            try onSpan(value, line)
                        }, onChunkEnd: onChunkEnd)
                        _ = try client.perform(request, what: "search spans", repetition: .resumable) { sink }
                        if !sink.unfinishedLine.isEmpty { throw StreamFailure() }
                    }
                }
            } catch is StreamFailure {
                failed = true
                try retryOrThrow(&failures, client: client, message: streamError ?? "the stream ended mid-object")
            } catch let OpikError.transport(what, error, url) where error != .interrupted {
                failed = true
                try retryOrThrow(&failures, client: client, message: nil,
                                 original: OpikError.transport(what: what, error: error, url: url))
            }
            delivered += count
            lastId = cursor
            if failed {
                continue
            }
            failures = 0
            // A full page means more may follow; an empty one means the end. A short page is
            // either the end or a stream closed early, so it is confirmed from the cursor.
            if count == 0 { break }
        }
        return delivered
    }

    struct StreamFailure: Error {}

    static let idPrefix = Array(#"{"id":""#.utf8)

    /// The id of a line that starts `{"id":"<36 characters>"`, as the server writes spans.
    static func leadingId(_ line: UnsafeBufferPointer<UInt8>) -> String? {
        let end = idPrefix.count + 36
        guard line.count > end, line[end] == UInt8(ascii: "\""), line[line.count - 1] == UInt8(ascii: "}") else { return nil }
        for i in 0..<idPrefix.count where line[i] != idPrefix[i] { return nil }
        let id = String(decoding: UnsafeBufferPointer(rebasing: line[idPrefix.count..<end]), as: UTF8.self)
        return UUIDv7.isValid(id) ? id : nil
    }

    func retryOrThrow(_ failures: inout Int, client: OpikClient, message: String?, original: OpikError? = nil) throws {
        failures += 1
        guard failures <= client.retries else {
            throw original ?? OpikError.server(what: "search spans", status: 200, message: message ?? "stream failed", hint: nil)
        }
        let delay = client.backoff(failures)
        client.onWait("\(message ?? "connection dropped"); resuming in \(OpikClient.seconds(delay))")
        client.context.sleep(delay)
    }
}
