/// One HTTP request, ready for a transport.
public struct HTTPRequest: Sendable, Equatable {
    package var method: String
    package var url: String
    /// Header name and value pairs, sent in this order.
    package var headers: [(String, String)]
    package var body: [UInt8]?
    /// Whole-request timeout in seconds (0: none).
    package var timeout: Double

    package init(method: String, url: String, headers: [(String, String)] = [], body: [UInt8]? = nil, timeout: Double = 60) {
        self.method = method
        self.url = url
        self.headers = headers
        self.body = body
        self.timeout = timeout
    }

    package func header(_ name: String) -> String? {
        headers.first { $0.0.lowercased() == name.lowercased() }?.1
    }

    public static func == (lhs: HTTPRequest, rhs: HTTPRequest) -> Bool {
        lhs.method == rhs.method && lhs.url == rhs.url && lhs.body == rhs.body
            && lhs.headers.map { "\($0.0): \($0.1)" } == rhs.headers.map { "\($0.0): \($0.1)" }
    }
}

/// Status line and headers of the final response (after any redirects).
public struct HTTPResponseHead: Sendable {
    package var status: Int
    package var headers: [(String, String)]

    package init(status: Int, headers: [(String, String)] = []) {
        self.status = status
        self.headers = headers
    }

    /// The first header with this name, compared case-insensitively.
    package func header(_ name: String) -> String? {
        let lower = name.lowercased()
        return headers.first { $0.0.lowercased() == lower }?.1
    }
}

/// Receives a response as it arrives: the head once, then body chunks in order.
public protocol HTTPResponseSink: AnyObject {
    func receive(head: HTTPResponseHead) throws
    func receive(body chunk: UnsafeRawBufferPointer) throws
}

/// Sends requests. `OpikHTTP.CurlTransport` is the real one; tests use fakes and a loopback server.
public protocol HTTPTransport: AnyObject {
    /// Performs `request`, streaming the response into `sink`, and returns the final head.
    /// Throws `TransportError`, or rethrows what `sink` threw.
    func perform(_ request: HTTPRequest, sink: HTTPResponseSink) throws -> HTTPResponseHead
}

/// A sink that keeps the whole body, for ordinary (non-streaming) requests, up to `maxBytes`
/// (beyond that it throws `ResponseTooLarge` rather than grow without end).
package final class CollectingSink: HTTPResponseSink {
    package private(set) var head: HTTPResponseHead?
    package private(set) var body: [UInt8] = []
    package let maxBytes: Int

    package init(maxBytes: Int = ResponseLimit.bodyBytes) { self.maxBytes = maxBytes }

    package func receive(head: HTTPResponseHead) throws {
        self.head = head
        body.removeAll(keepingCapacity: true)
    }

    package func receive(body chunk: UnsafeRawBufferPointer) throws {
        guard body.count + chunk.count <= maxBytes else { throw ResponseTooLarge(part: "the response", limit: maxBytes) }
        body.append(contentsOf: chunk)
    }
}
