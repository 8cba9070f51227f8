import OpikCore

/// Generic routes under `/test/` for exercising an HTTP client.
enum TestRoutes {
    /// The body `/test/gzip` sends (gzip-encoded when the client accepts gzip).
    static let gzipText = #"{"message":"hello from gzip","padding":""# + String(repeating: "abcdefghij", count: 100) + #""}"#

    static func handle(_ request: ServerRequest) -> ServerResponse? {
        switch request.path {
        case "/test/echo":
            return echo(request)
        case "/test/redirect":
            guard let target = request.queryValue("to") else { return .error(400, "query param to is required") }
            return ServerResponse(status: 302, headers: [("Location", target)])
        case "/test/bytes":
            // Capped at 64 MiB, so no query can make the server allocate without bound.
            let count = min(64 << 20, max(0, Int(request.queryValue("n") ?? "0") ?? 0))
            let alphabet = Array("abcdefghijklmnopqrstuvwxyz".utf8)
            let bytes = (0..<count).map { alphabet[$0 % alphabet.count] }
            return ServerResponse(status: 200, headers: [("Content-Type", "application/octet-stream")], body: .bytes(bytes))
        case "/test/gzip":
            let plain = Array(gzipText.utf8)
            let acceptsGzip = request.header("Accept-Encoding")?.lowercased().contains("gzip") ?? false
            guard acceptsGzip else {
                return ServerResponse(status: 200, headers: [("Content-Type", "application/json")], body: .bytes(plain))
            }
            return ServerResponse(
                status: 200, headers: [("Content-Type", "application/json"), ("Content-Encoding", "gzip")],
                body: .bytes(Gzip.encode(plain)))
        default:
            return nil
        }
    }

    /// `{"method","path","query":{…},"headers":{…},"body":"…"}` with names and values as received.
    private static func echo(_ request: ServerRequest) -> ServerResponse {
        .json(200, .object([
            ("method", .string(request.method)),
            ("path", .string(request.path)),
            ("query", .object(request.query.map { ($0.name, .string($0.value)) })),
            ("headers", .object(request.headers.map { ($0.name, .string($0.value)) })),
            ("body", .string(String(decoding: request.body, as: UTF8.self))),
        ]))
    }
}
