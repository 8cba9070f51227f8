import OpikCore
import OpikTestServer
import Testing
@testable import OpikHTTP

/// Redirects are followed, but the API key stays with the host it was meant for;
/// the verbose log never shows it.
struct CurlTransportRedirectTests {
    let key = "sk-test-0123456789abcdef"

    @Test func sameHostRedirectKeepsAuthorization() throws {
        let loop = try Loopback()
        let (head, _) = try loop.send("/test/redirect?to=/test/echo", headers: [("Authorization", key)])
        #expect(head.status == 200)
        #expect(loop.server.requests.map(\.path) == ["/test/redirect", "/test/echo"])
        #expect(loop.server.requests.last?.header("Authorization") == key)
    }

    @Test func otherHostRedirectDropsAuthorization() throws {
        let loop = try Loopback()
        let target = "http://localhost:\(loop.server.port)/test/echo"
        let (head, sink) = try loop.send(
            "/test/redirect?to=\(target)", headers: [("Authorization", key), ("Comet-Workspace", "ws")])
        #expect(head.status == 200)
        #expect(head.header("Location") == nil)
        #expect(sink.heads.map { $0.status } == [200])
        let requests = loop.server.requests
        #expect(requests.map(\.path) == ["/test/redirect", "/test/echo"])
        #expect(requests.first?.header("Authorization") == key)
        #expect(requests.last?.header("Host") == "localhost:\(loop.server.port)")
        #expect(requests.last?.header("Authorization") == nil)
    }

    @Test func otherPortRedirectDropsAuthorization() throws {
        let loop = try Loopback()
        let other = try OpikTestServer.start()
        defer { other.stop() }
        let (head, _) = try loop.send("/test/redirect?to=\(other.baseURL)/test/echo", headers: [("Authorization", key)])
        #expect(head.status == 200)
        #expect(other.requests.map(\.path) == ["/test/echo"])
        #expect(other.requests.first?.header("Authorization") == nil)
    }

    @Test func verboseLogShowsExchangeButMasksKey() throws {
        var options = TransportOptions()
        options.isVerbose = true
        options.secrets = [key]
        let loop = try Loopback(options: options)
        let target = "http://localhost:\(loop.server.port)/test/echo"
        try loop.send("POST", "/test/redirect?to=\(target)", headers: [("Authorization", key)], body: Array("{}".utf8))
        let lines = loop.log.lines
        #expect(lines.first == "> POST \(loop.url("/test/redirect?to=\(target)"))")
        #expect(lines.contains("> Authorization: sk-***"))
        #expect(lines.contains("> (2 bytes)"))
        #expect(lines.contains("< redirected to \(target)"))
        #expect(lines.last?.hasPrefix("< 200 (") == true)
        #expect(lines.last?.hasSuffix(" ms)") == true)
        #expect(!lines.joined(separator: "\n").contains(key))
    }

    @Test func verboseLogReportsFailures() throws {
        var options = TransportOptions()
        options.isVerbose = true
        let loop = try Loopback(options: options)
        loop.server.inject(.closeWithoutResponse)
        #expect(throws: TransportError.self) { try loop.send("/test/echo") }
        #expect(loop.log.lines.last?.hasPrefix("< failed: ") == true)
    }
}
