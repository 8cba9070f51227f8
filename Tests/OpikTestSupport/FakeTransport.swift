import Foundation
import OpikCore

/// A transport that answers from stubs and records every request, for in-process command
/// tests (gh's httpmock). Unused stubs are reported by `unusedStubs`.
public final class FakeTransport: HTTPTransport, @unchecked Sendable {
    public struct Stub {
        public var method: String
        public var pathPrefix: String
        public var status: Int
        public var headers: [(String, String)]
        public var body: [UInt8]
        public var error: TransportError?
    }

    private var stubs: [Stub] = []
    /// Answers that are never used up, for requests a test does not count.
    private var standing: [Stub] = []
    public private(set) var requests: [HTTPRequest] = []
    private let lock = NSLock()

    public init() {}

    /// Answers the next request matching `method` and a path starting with `path`.
    public func stub(_ method: String, _ path: String, status: Int = 200, headers: [(String, String)] = [], body: String = "") {
        lock.withLock { stubs.append(Stub(method: method, pathPrefix: path, status: status, headers: headers, body: Array(body.utf8), error: nil)) }
    }

    /// Fails the next matching request with a transport error.
    public func fail(_ method: String, _ path: String, with error: TransportError) {
        lock.withLock { stubs.append(Stub(method: method, pathPrefix: path, status: 0, headers: [], body: [], error: error)) }
    }

    /// Answers every request matching `method` and a path starting with `path` that no
    /// one-time stub answers.
    public func always(_ method: String, _ path: String, status: Int = 200, body: String = "") {
        lock.withLock { standing.append(Stub(method: method, pathPrefix: path, status: status, headers: [], body: Array(body.utf8), error: nil)) }
    }

    /// Answers the trace creation that precedes spans without a trace_id: no trace exists,
    /// and every batch of new traces is accepted.
    public func acceptNewTraces() {
        always("GET", "/api/v1/private/traces/", status: 404, body: #"{"code":404,"message":"Trace not found"}"#)
        always("POST", "/api/v1/private/traces/batch", status: 204)
    }

    /// The requests sent to a path starting with `path`.
    public func requests(to path: String) -> [HTTPRequest] {
        lock.withLock { requests.filter { Self.path(of: $0.url).hasPrefix(path) } }
    }

    public var unusedStubs: [String] { lock.withLock { stubs.map { "\($0.method) \($0.pathPrefix)" } } }

    public func perform(_ request: HTTPRequest, sink: HTTPResponseSink) throws -> HTTPResponseHead {
        let path = Self.path(of: request.url)
        let stub: Stub? = lock.withLock {
            requests.append(request)
            guard let index = stubs.firstIndex(where: { $0.method == request.method && path.hasPrefix($0.pathPrefix) }) else {
                return standing.first { $0.method == request.method && path.hasPrefix($0.pathPrefix) }
            }
            return stubs.remove(at: index)
        }
        guard let stub else {
            let head = HTTPResponseHead(status: 599, headers: [])
            try sink.receive(head: head)
            let body = Array("{\"code\":599,\"message\":\"no stub for \(request.method) \(path)\"}".utf8)
            try body.withUnsafeBytes { try sink.receive(body: $0) }
            return head
        }
        if let error = stub.error { throw error }
        let head = HTTPResponseHead(status: stub.status, headers: stub.headers)
        try sink.receive(head: head)
        if !stub.body.isEmpty { try stub.body.withUnsafeBytes { try sink.receive(body: $0) } }
        return head
    }

    /// The path of a URL, without scheme, host and query.
    public static func path(of url: String) -> String {
        var rest = Substring(url)
        if let scheme = rest.range(of: "://") { rest = rest[scheme.upperBound...] }
        if let slash = rest.firstIndex(of: "/") { rest = rest[slash...] } else { rest = "/" }
        return String(rest.split(separator: "?", maxSplits: 1).first ?? "/")
    }
}
