import OpikCore
import OpikTestServer
@testable import OpikHTTP

/// A sink that records what it was given and in which order, and can fail on demand.
final class RecordingSink: HTTPResponseSink {
    struct Refusal: Error, Equatable {}

    private(set) var events: [String] = []
    private(set) var heads: [HTTPResponseHead] = []
    private(set) var chunks: [[UInt8]] = []
    /// Throws `Refusal` when handed this body chunk (1-based).
    var refuseChunk: Int?

    var body: [UInt8] { chunks.flatMap { $0 } }
    var text: String { String(decoding: body, as: UTF8.self) }

    func receive(head: HTTPResponseHead) throws {
        events.append("head")
        heads.append(head)
    }

    func receive(body chunk: UnsafeRawBufferPointer) throws {
        events.append("body")
        if chunks.count + 1 == refuseChunk { throw Refusal() }
        chunks.append(Array(chunk))
    }
}

/// Lines written to the verbose log.
final class LogLines {
    private(set) var lines: [String] = []
    func append(_ line: String) { lines.append(line) }
}

/// A Ctrl-C that arrives once `condition` holds.
final class Interrupter {
    var condition: () -> Bool = { false }
    func check() -> Bool { condition() }
}

/// A loopback test server with a transport pointed at it; the server stops with it.
final class Loopback {
    let server: OpikTestServer
    let transport: CurlTransport
    let log = LogLines()

    init(options: TransportOptions = TransportOptions(), isInterrupted: @escaping () -> Bool = { false }) throws {
        server = try OpikTestServer.start()
        let log = self.log
        transport = CurlTransport(options: options, log: { log.append($0) }, isInterrupted: isInterrupted)
    }

    deinit { server.stop() }

    func url(_ path: String) -> String { server.baseURL + path }

    /// Sends a GET to `path` on the test server.
    @discardableResult
    func send(
        _ path: String, headers: [(String, String)] = [], timeout: Double = 20, sink: RecordingSink = RecordingSink()
    ) throws -> (head: HTTPResponseHead, sink: RecordingSink) {
        try send("GET", path, headers: headers, timeout: timeout, sink: sink)
    }

    /// Sends a request to `path` on the test server; returns the final head and what the sink saw.
    @discardableResult
    func send(
        _ method: String, _ path: String, headers: [(String, String)] = [], body: [UInt8]? = nil,
        timeout: Double = 20, sink: RecordingSink = RecordingSink()
    ) throws -> (head: HTTPResponseHead, sink: RecordingSink) {
        let request = HTTPRequest(method: method, url: url(path), headers: headers, body: body, timeout: timeout)
        return (try transport.perform(request, sink: sink), sink)
    }
}
