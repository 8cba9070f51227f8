import OpikCore
import Synchronization

/// The Opik REST API over an in-memory store: routing, authentication and rate limits.
final class OpikAPI: Sendable {
    let apiKey: String?
    let allowedWorkspaces: Set<String>
    let store = Mutex(SpanStore())
    let limiter = Mutex(RateLimiter())

    init(apiKey: String?, allowedWorkspaces: Set<String>) {
        self.apiKey = apiKey
        self.allowedWorkspaces = allowedWorkspaces
    }

    /// Answers an API path, or nil when the path is not part of the API.
    func handle(_ request: ServerRequest) -> ServerResponse? {
        let path = request.path
        if path == "/is-alive/ping" {
            return .json(200, ["healthy": true, "message": "Healthy Server"])
        }
        if path == "/is-alive/ver" { return .json(200, ["version": "opik-test-server"]) }
        guard path.hasPrefix("/v1/private/") else { return nil }
        if let failure = authenticate(request) { return failure }
        let parts = path.dropFirst("/v1/private/".count).split(separator: "/", omittingEmptySubsequences: false).map(String.init)
        let (buckets, events) = Self.rateLimitBuckets(method: request.method, parts: parts, body: request.body)
        var limitHeaders: [(String, String)] = []
        if !buckets.isEmpty {
            let charge = limiter.withLock { $0.charge(buckets, events: events, now: Timestamp.nowMicros()) }
            limitHeaders = charge.headers
            if !charge.allowed {
                var response = ServerResponse.error(429, "Too Many Requests: rate limit exceeded for \(buckets.joined(separator: ", "))")
                response.headers += limitHeaders + [("RateLimit-Reset", String(charge.resetSeconds))]
                return response
            }
        }
        var response: ServerResponse
        do {
            response = try route(request, parts)
        } catch {
            response = error.response
        }
        response.headers += limitHeaders
        return response
    }

    /// With an API key the workspace is mandatory and checked first, as with authentication
    /// enabled (see docs/SERVER.md: no workspace is a 403); without one it may be absent.
    private func authenticate(_ request: ServerRequest) -> ServerResponse? {
        let workspace = request.header("Comet-Workspace") ?? request.queryValue("workspace_name")
        if let apiKey {
            guard let workspace, !workspace.trimmed(" ").isEmpty else { return .error(403, "Workspace name should be provided") }
            guard let sent = request.header("Authorization") else { return .error(401, "API key should be provided") }
            guard sent == apiKey else { return .error(401, "User not allowed to access workspace!") }
        }
        if let workspace, !allowedWorkspaces.contains(workspace) { return .error(404, "Workspace not found") }
        return nil
    }

    private func route(_ request: ServerRequest, _ parts: [String]) throws(APIFailure) -> ServerResponse {
        let method = request.method
        switch parts.first {
        case "spans":
            return try routeSpans(request, method, Array(parts.dropFirst()))
        case "projects":
            return try withStore { store throws(APIFailure) in try Self.routeProjects(request, method, Array(parts.dropFirst()), &store) }
        case "traces":
            return try withStore { store throws(APIFailure) in try Self.routeTraces(request, method, Array(parts.dropFirst()), &store) }
        default:
            throw .notFound
        }
    }

    private func routeSpans(_ r: ServerRequest, _ method: String, _ p: [String]) throws(APIFailure) -> ServerResponse {
        try withStore { store throws(APIFailure) in
            switch (method, p.count, p.first ?? "") {
            case ("GET", 0, _), ("GET", 1, ""): return try Self.listSpans(r, &store)
            case ("POST", 0, _), ("POST", 1, ""): return try Self.createSpan(r, &store)
            case ("POST", 1, "batch"): return try Self.createSpanBatch(r, &store)
            case ("PATCH", 1, "batch"): return try Self.updateSpanBatch(r, &store)
            case ("GET", 1, "stats"): return try Self.spanStats(r, &store)
            case ("GET", 1, "exists"): return try Self.spansExist(r, &store)
            case ("POST", 1, "search"): return try Self.searchSpans(r, &store)
            case ("GET", 2, "feedback-scores") where p[1] == "names": return try Self.scoreNames(r, &store)
            case ("PUT", 1, "feedback-scores"): return try Self.putScoreBatch(r, &store)
            case ("POST", 2, "comments") where p[1] == "delete": return try Self.deleteComments(r, &store)
            case ("PATCH", 2, "comments"): return try Self.updateComment(r, p[1], &store)
            case ("GET", 1, _): return try Self.getSpan(r, try Self.spanID(p[0]), &store)
            case ("PATCH", 1, _): return try Self.updateSpan(r, try Self.spanID(p[0]), &store)
            case ("DELETE", 1, _): return .empty(501)
            case ("PUT", 2, _) where p[1] == "feedback-scores": return try Self.putScore(r, try Self.spanID(p[0]), &store)
            case ("POST", 3, _) where p[1] == "feedback-scores" && p[2] == "delete":
                return try Self.deleteScore(r, try Self.spanID(p[0]), &store)
            case ("POST", 2, _) where p[1] == "comments": return try Self.createComment(r, try Self.spanID(p[0]), &store)
            case ("GET", 3, _) where p[1] == "comments": return try Self.getComment(try Self.spanID(p[0]), p[2], &store)
            default: throw .notFound
            }
        }
    }

    /// A span id from the path; Jersey answers 404 when it is not a UUID.
    static func spanID(_ text: String) throws(APIFailure) -> String {
        guard UUIDv7.isUUID(text) else { throw .notFound }
        return text.lowercased()
    }

    func withStore(_ body: (inout SpanStore) throws(APIFailure) -> ServerResponse) throws(APIFailure) -> ServerResponse {
        let result: Result<ServerResponse, APIFailure> = store.withLock { store in
            do throws(APIFailure) {
                return .success(try body(&store))
            } catch {
                return .failure(error)
            }
        }
        return try result.get()
    }

    /// Buckets of docs/SERVER.md#rate-limiting for a request and how many events it costs.
    static func rateLimitBuckets(method: String, parts: [String], body: [UInt8]) -> ([String], Int) {
        guard parts.first == "spans" else { return ([], 1) }
        let rest = Array(parts.dropFirst())
        func items(_ key: String) -> Int {
            ((try? JSONParser.parse(bytes: body))?[key]?.arrayValue?.count).map { max(1, $0) } ?? 1
        }
        switch (method, rest.count, rest.first ?? "") {
        case ("GET", 0, _): return (["Get-Spans"], 1)
        case ("POST", 1, "search"): return (["Search-Spans"], 1)
        case ("GET", 1, "stats"): return (["Get-Span-Stats"], 1)
        case ("GET", 1, "exists"): return (["Spans-Exist"], 1)
        case ("POST", 0, _): return (["Single-Tracing-Ops"], 1)
        case ("POST", 1, "batch"): return (["Workspace", "User"], items("spans"))
        case ("PATCH", 1, "batch"): return (["Workspace", "User"], items("ids"))
        case ("PUT", 1, "feedback-scores"): return (["Workspace", "User"], items("scores"))
        case ("PUT", 2, _) where rest[1] == "feedback-scores": return (["Workspace", "User"], 1)
        case ("GET", 1, _): return (["Get-Span-Id"], 1)
        case ("PATCH", 1, _): return (["Single-Tracing-Ops"], 1)
        default: return ([], 1)
        }
    }
}
