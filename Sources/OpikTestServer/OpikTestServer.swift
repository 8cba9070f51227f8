import Foundation
import Glibc
import OpikCore
import Synchronization

/// An Opik-compatible HTTP/1.1 server on 127.0.0.1 for tests, benchmarks and demos:
/// keeps everything in memory, records requests and can misbehave on demand.
public final class OpikTestServer: @unchecked Sendable {
    /// The port actually bound (useful when started with port 0).
    package let port: Int
    /// `http://127.0.0.1:PORT`; the Opik API is served at the root (`/v1/private/...`), as the
    /// backend serves it, and under `/api/` (`/api/v1/private/...`), as a local install serves it.
    public var baseURL: String { "http://127.0.0.1:\(port)" }

    private let listener: SocketListener
    let api: OpikAPI
    private let traffic = Mutex(Traffic())
    /// Called with `METHOD /path STATUS` (and `(gzip body)` for a compressed body) after each
    /// response, when set.
    private let requestLog: (@Sendable (String) -> Void)?

    private struct Traffic {
        var requests: [RecordedRequest] = []
        var faults = FaultQueue()
        var openConnections: Set<Int32> = []
        var isStopped = false
    }

    private init(listener: SocketListener, api: OpikAPI, requestLog: (@Sendable (String) -> Void)?) {
        self.listener = listener
        self.port = listener.port
        self.api = api
        self.requestLog = requestLog
    }

    /// Binds 127.0.0.1:`port` (0 picks a free port) and starts serving on background threads.
    /// With `apiKey`, API requests must send it as `Authorization`; a `Comet-Workspace` outside
    /// `allowedWorkspaces` gets 404 "Workspace not found". `requestLog` receives one line per
    /// request answered (`POST /api/v1/private/spans/batch 204 (gzip body)`).
    public static func start(
        port: UInt16 = 0, apiKey: String? = nil, allowedWorkspaces: Set<String> = ["default"],
        requestLog: (@Sendable (String) -> Void)? = nil
    ) throws -> OpikTestServer {
        let api = OpikAPI(apiKey: apiKey, allowedWorkspaces: allowedWorkspaces)
        let server = OpikTestServer(listener: try SocketListener(port: port), api: api, requestLog: requestLog)
        Thread.detachNewThread { server.acceptLoop() }
        return server
    }

    /// Stops accepting, breaks open connections and lets their threads end.
    public func stop() {
        traffic.withLock { state in
            guard !state.isStopped else { return }
            state.isStopped = true
            listener.shutDown()
            for fd in state.openConnections { _ = shutdown(fd, Int32(SHUT_RDWR)) }
        }
    }

    // MARK: - Recording and faults

    /// Every request received so far, in arrival order.
    package var requests: [RecordedRequest] { traffic.withLock { $0.requests } }

    package func clearRequests() { traffic.withLock { $0.requests.removeAll() } }

    /// Queues `fault` for the next `times` requests whose path starts with `pathPrefix`
    /// (any path when nil). Faults are used in the order they were injected.
    package func inject(_ fault: Fault, times: Int = 1, pathPrefix: String? = nil) {
        traffic.withLock { $0.faults.add(fault, times: times, pathPrefix: pathPrefix) }
    }

    /// Forgets faults not yet used.
    package func clearFaults() { traffic.withLock { $0.faults.removeAll() } }

    // MARK: - Serving

    private func acceptLoop() {
        while let fd = listener.accept() {
            let accepted = traffic.withLock { state in
                guard !state.isStopped else { return false }
                state.openConnections.insert(fd)
                return true
            }
            guard accepted else {
                _ = Glibc.close(fd)
                break
            }
            Thread.detachNewThread { self.serve(fd: fd) }
        }
        listener.close()
    }

    private func serve(fd: Int32) {
        let connection = SocketConnection(fd: fd)
        let writer = ResponseWriter(connection: connection)
        defer {
            traffic.withLock { state in
                state.openConnections.remove(fd)
                connection.close()
            }
        }
        while true {
            let request: ServerRequest
            do {
                guard let next = try connection.readRequest(onContinue: {
                    connection.write(Array("HTTP/1.1 100 Continue\r\n\r\n".utf8))
                }) else { return }
                request = next
            } catch RequestReadError.malformed(let why) {
                _ = writer.write(.error(400, "Bad Request: \(why)"), fault: nil, keepAlive: false)
                return
            } catch {
                return
            }
            let fault = traffic.withLock { state in
                state.requests.append(request.recorded)
                return state.faults.take(forPath: request.path)
            }
            var response: ServerResponse
            switch fault {
            case .closeWithoutResponse:
                return
            case let .endlessHeaders(total):
                let line = Array(("X-Padding: " + String(repeating: "a", count: 1000) + "\r\n").utf8)
                var sent = 0
                guard connection.write(Array("HTTP/1.1 200 OK\r\n".utf8)) else { return }
                while sent < total, connection.write(line) { sent += line.count }
                return
            case let .status(status, headers, body):
                response = ServerResponse(status: status, headers: headers, body: .bytes(Array(body.utf8)))
            case let .gzipBomb(size):
                response = ServerResponse(status: 200, headers: [("Content-Type", "application/json"), ("Content-Encoding", "gzip")],
                                          body: .bytes(Gzip.bomb(decompressedBytes: size)))
            case .searchIgnoresPaging:
                var ignoring = request
                if let members = try? JSONParser.parse(bytes: request.body).objectMembers {
                    var body: [UInt8] = []
                    JSONWriter.write(.object(members.filter { $0.0 != "limit" && $0.0 != "last_retrieved_id" }), into: &body, indent: nil)
                    ignoring.body = body
                }
                response = route(ignoring)
            case let .delay(seconds):
                Thread.sleep(forTimeInterval: seconds)
                response = route(request)
            default:
                response = route(request)
            }
            if request.method == "HEAD", case .bytes = response.body { response.body = .bytes([]) }
            if let requestLog {
                let encoding = request.header("Content-Encoding").map { " (\($0) body)" } ?? ""
                requestLog("\(request.method) \(request.path) \(response.status)\(encoding)")
            }
            guard writer.write(response, fault: fault, keepAlive: request.keepAlive) else { return }
        }
    }

    private func route(_ request: ServerRequest) -> ServerResponse {
        if request.path.hasPrefix("/test/"), let response = TestRoutes.handle(request) { return response }
        var request = request
        // A local install's proxy serves the backend under /api/ and strips the prefix.
        if request.path.hasPrefix("/api/") { request.path.removeFirst("/api".count) }
        if let response = api.handle(request) { return response }
        return .error(404, "HTTP 404 Not Found")
    }
}
