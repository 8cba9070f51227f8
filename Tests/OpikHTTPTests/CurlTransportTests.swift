import OpikCore
import OpikTestServer
import Testing
@testable import OpikHTTP

/// Ordinary exchanges with a real server on loopback.
struct CurlTransportTests {
    @Test func returnsStatusHeadersAndBody() throws {
        let loop = try Loopback()
        let (head, sink) = try loop.send("/test/echo?x=1", headers: [("Comet-Workspace", "ws"), ("X-Trace", "abc")])
        #expect(head.status == 200)
        #expect(head.header("content-type") == "application/json")
        #expect(sink.heads.count == 1)
        #expect(sink.heads.first?.status == 200)
        let echo = try JSONParser.parse(bytes: sink.body)
        #expect(echo["method"]?.stringValue == "GET")
        #expect(echo["path"]?.stringValue == "/test/echo")
        let received = try #require(loop.server.requests.last)
        #expect(received.header("Comet-Workspace") == "ws")
        #expect(received.header("X-Trace") == "abc")
        #expect(received.header("Expect") == nil)
    }

    @Test func errorStatusIsAResponseNotAFailure() throws {
        let loop = try Loopback()
        loop.server.inject(.status(503, headers: [("Retry-After", "2")], body: #"{"code":503,"message":"busy"}"#))
        let (head, sink) = try loop.send("/test/echo")
        #expect(head.status == 503)
        #expect(head.header("Retry-After") == "2")
        #expect(sink.text == #"{"code":503,"message":"busy"}"#)
    }

    @Test func bodilessResponseStillReachesTheSink() throws {
        let loop = try Loopback()
        loop.server.inject(.status(204))
        let (head, sink) = try loop.send("DELETE", "/test/echo")
        #expect(head.status == 204)
        #expect(sink.events == ["head"])
        #expect(loop.server.requests.last?.method == "DELETE")
    }

    @Test(arguments: ["POST", "PUT", "PATCH"])
    func sendsBodyIntact(method: String) throws {
        let loop = try Loopback()
        // NUL bytes, non-ASCII, and a size past the 1 MB from which libcurl would send "Expect: 100-continue".
        let body = Array(#"{"name":"é ✓"}"#.utf8) + [0, 1, 0] + Array(repeating: UInt8(ascii: "x"), count: 1_100_000)
        let (head, _) = try loop.send(method, "/test/echo", headers: [("Content-Type", "application/json")], body: body)
        #expect(head.status == 200)
        let received = try #require(loop.server.requests.last)
        #expect(received.method == method)
        #expect(received.body == body)
        #expect(received.header("Content-Type") == "application/json")
        #expect(received.header("Expect") == nil)
    }

    @Test func sendsEmptyBodyWithLength() throws {
        let loop = try Loopback()
        try loop.send("POST", "/test/echo", body: [])
        let received = try #require(loop.server.requests.last)
        #expect(received.method == "POST")
        #expect(received.header("Content-Length") == "0")
        #expect(received.body.isEmpty)
    }

    @Test func streamsChunksInOrderAfterTheHead() throws {
        let loop = try Loopback()
        let count = 1_000_000
        let (_, sink) = try loop.send("/test/bytes?n=\(count)")
        let alphabet = Array("abcdefghijklmnopqrstuvwxyz".utf8)
        #expect(sink.chunks.count > 1)
        #expect(sink.body == (0..<count).map { alphabet[$0 % 26] })
        #expect(sink.events.first == "head")
        #expect(sink.events.filter { $0 == "head" }.count == 1)
    }

    @Test func decodesGzipTransparently() throws {
        let loop = try Loopback()
        let (head, sink) = try loop.send("/test/gzip")
        #expect(head.header("Content-Encoding") == "gzip")
        #expect(sink.text.hasPrefix(#"{"message":"hello from gzip""#))
        #expect(loop.server.requests.last?.header("Accept-Encoding")?.contains("gzip") == true)
    }

    @Test func reusesTheConnection() throws {
        let loop = try Loopback()
        for _ in 0..<3 { try loop.send("/test/echo") }
        #expect(loop.server.requests.count == 3)
        #expect(loop.transport.connectionsOpened == 1)
    }

    @Test func sinkErrorAbortsAndIsRethrown() throws {
        let loop = try Loopback()
        let sink = RecordingSink()
        sink.refuseChunk = 2
        #expect(throws: RecordingSink.Refusal()) {
            try loop.send("/test/bytes?n=2000000", sink: sink)
        }
        #expect(sink.chunks.count == 1)
        // The handle is ready for the next request.
        let (head, next) = try loop.send("/test/bytes?n=10")
        #expect(head.status == 200)
        #expect(next.text == "abcdefghij")
    }
}
