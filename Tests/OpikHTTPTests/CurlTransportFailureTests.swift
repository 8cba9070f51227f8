import OpikCore
import OpikTestServer
import OpikTestSupport
import Testing
@testable import OpikHTTP

/// Failures surface as the transport errors the CLI reports and retries on.
struct CurlTransportFailureTests {
    /// The error `body` threw, as a transport error (nil when it threw none or another kind).
    private func transportError(_ body: () throws -> Void) -> TransportError? {
        do {
            try body()
            return nil
        } catch {
            return error as? TransportError
        }
    }

    @Test func refusedConnectionIsConnect() throws {
        let port = try ClosedPort()
        let transport = CurlTransport(options: TransportOptions(), log: { _ in }, isInterrupted: { false })
        let request = HTTPRequest(method: "GET", url: "http://127.0.0.1:\(port.number)/test/echo")
        let error = transportError { _ = try transport.perform(request, sink: CollectingSink()) }
        guard case .connect = error else {
            Issue.record("expected .connect, got \(String(describing: error))")
            return
        }
        #expect(error?.requestNeverSent == true)
    }

    @Test func unknownHostIsResolve() {
        let transport = CurlTransport(options: TransportOptions(), log: { _ in }, isInterrupted: { false })
        let request = HTTPRequest(method: "GET", url: "http://no-such-host.invalid/", timeout: 10)
        let error = transportError { _ = try transport.perform(request, sink: CollectingSink()) }
        guard case .resolve = error else {
            Issue.record("expected .resolve, got \(String(describing: error))")
            return
        }
    }

    @Test func slowAnswerIsTimeout() throws {
        let loop = try Loopback()
        loop.server.inject(.delay(seconds: 5))
        let error = transportError { try loop.send("/test/echo", timeout: 0.3) }
        guard case .timeout = error else {
            Issue.record("expected .timeout, got \(String(describing: error))")
            return
        }
    }

    @Test func dropMidBodyIsDropped() throws {
        let loop = try Loopback()
        loop.server.inject(.dropMidBody(afterBytes: 100))
        let sink = RecordingSink()
        let error = transportError { try loop.send("/test/bytes?n=1000", sink: sink) }
        guard case .dropped = error else {
            Issue.record("expected .dropped, got \(String(describing: error))")
            return
        }
        #expect(sink.body.count <= 100)
        #expect(error?.requestNeverSent == false)
    }

    @Test func closeWithoutAnswerIsDropped() throws {
        let loop = try Loopback()
        loop.server.inject(.closeWithoutResponse)
        let error = transportError { try loop.send("/test/echo") }
        guard case .dropped = error else {
            Issue.record("expected .dropped, got \(String(describing: error))")
            return
        }
    }

    @Test func interruptDuringTransferIsInterrupted() throws {
        // Ctrl-C arrives once the server has the request and is still thinking.
        let interrupter = Interrupter()
        let loop = try Loopback(isInterrupted: interrupter.check)
        let server = loop.server
        interrupter.condition = { !server.requests.isEmpty }
        loop.server.inject(.delay(seconds: 10))
        #expect(throws: TransportError.interrupted) {
            try loop.send("/test/echo", timeout: 8)
        }
        #expect(loop.server.requests.count == 1)
    }

    @Test func interruptBeforeSendingSendsNothing() throws {
        let loop = try Loopback(isInterrupted: { true })
        #expect(throws: TransportError.interrupted) {
            try loop.send("/test/echo")
        }
        #expect(loop.server.requests.isEmpty)
    }
}
