import OpikCore
import Synchronization

/// The Opik REST API over an in-memory store: routing, authentication and rate limits.
final class OpikAPI: Sendable {
    let apiKey: String?
    let allowedWorkspaces: Set<String>
    let store = Mutex(DataStore())
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
        let rest = Array(parts.dropFirst())
        switch parts.first {
        case "spans":
            return try withStore { store throws(APIFailure) in try Self.routeRows(.span, request, method, rest, &store) }
        case "traces":
            return try withStore { store throws(APIFailure) in try Self.routeRows(.trace, request, method, rest, &store) }
        case "projects":
            return try withStore { store throws(APIFailure) in try Self.routeProjects(request, method, rest, &store) }
        default:
            throw .notFound
        }
    }

    /// The routes spans and traces share, and the deletes only traces have (a span `DELETE` is
    /// not implemented upstream).
    private static func routeRows(
        _ kind: RowKind, _ r: ServerRequest, _ method: String, _ p: [String], _ store: inout DataStore
    ) throws(APIFailure) -> ServerResponse {
        switch (method, p.count, p.first ?? "") {
        case ("GET", 0, _), ("GET", 1, ""): return try list(kind, r, &store)
        case ("POST", 0, _), ("POST", 1, ""): return try create(kind, r, &store)
        case ("POST", 1, "batch"): return try createBatch(kind, r, &store)
        case ("PATCH", 1, "batch"): return try updateBatch(kind, r, &store)
        case ("GET", 1, "stats"): return try stats(kind, r, &store)
        case ("GET", 1, "exists"): return try exists(kind, r, &store)
        case ("POST", 1, "search"): return try search(kind, r, &store)
        case ("POST", 1, "delete") where kind == .trace: return try deleteTraces(r, &store)
        case ("GET", 2, "feedback-scores") where p[1] == "names": return try scoreNames(kind, r, &store)
        case ("PUT", 1, "feedback-scores"): return try putScoreBatch(kind, r, &store)
        case ("POST", 2, "comments") where p[1] == "delete": return try deleteComments(kind, r, &store)
        case ("PATCH", 2, "comments"): return try updateComment(kind, r, p[1], &store)
        case ("GET", 1, _): return try get(kind, try rowID(p[0]), &store)
        case ("PATCH", 1, _): return try update(kind, r, try rowID(p[0]), &store)
        case ("DELETE", 1, _) where kind == .span: return .empty(501)
        case ("DELETE", 1, _): return deleteTraces([try rowID(p[0])], projectID: nil, &store)
        case ("PUT", 2, _) where p[1] == "feedback-scores": return try putScore(kind, r, try rowID(p[0]), &store)
        case ("POST", 3, _) where p[1] == "feedback-scores" && p[2] == "delete":
            return try deleteScore(kind, r, try rowID(p[0]), &store)
        case ("POST", 2, _) where p[1] == "comments": return try createComment(kind, r, try rowID(p[0]), &store)
        case ("GET", 3, _) where p[1] == "comments": return try getComment(kind, try rowID(p[0]), p[2], &store)
        default: throw .notFound
        }
    }

    /// A span or trace id from the path; Jersey answers 404 when it is not a UUID.
    static func rowID(_ text: String) throws(APIFailure) -> String {
        guard UUIDv7.isUUID(text) else { throw .notFound }
        return text.lowercased()
    }

    func withStore(_ body: (inout DataStore) throws(APIFailure) -> ServerResponse) throws(APIFailure) -> ServerResponse {
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
        let kind: RowKind
        switch parts.first {
        case "spans": kind = .span
        case "traces": kind = .trace
        default: return ([], 1)
        }
        let rest = Array(parts.dropFirst())
        func items(_ key: String) -> Int {
            ((try? JSONParser.parse(bytes: body))?[key]?.arrayValue?.count).map { max(1, $0) } ?? 1
        }
        func read(_ operation: String) -> ([String], Int) { (kind.readBucket(operation).map { [$0] } ?? [], 1) }
        let shared = ["Workspace", "User"]
        switch (method, rest.count, rest.first ?? "") {
        case ("GET", 0, _): return read("list")
        case ("POST", 1, "search"): return read("search")
        case ("GET", 1, "stats"): return read("stats")
        case ("GET", 1, "exists"): return read("exists")
        case ("POST", 0, _): return (["Single-Tracing-Ops"], 1)
        case ("POST", 1, "batch"): return (shared, items(kind.plural))
        // A trace batch update costs one event, a span batch update one per id.
        case ("PATCH", 1, "batch"): return (shared, kind == .span ? items("ids") : 1)
        case ("PUT", 1, "feedback-scores"): return (shared, items("scores"))
        case ("PUT", 2, _) where rest[1] == "feedback-scores": return (shared, 1)
        case ("GET", 1, _) where !["feedback-scores", "comments"].contains(rest[0]): return read("get")
        case ("PATCH", 1, _): return (["Single-Tracing-Ops"], 1)
        default: return ([], 1)
        }
    }
}
