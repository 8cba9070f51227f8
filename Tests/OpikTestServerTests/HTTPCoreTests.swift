import Foundation
import OpikCore
import OpikTestServer
import OpikTestSupport
import Testing

@Suite struct HTTPCoreTests {
    @Test func echoReturnsHeadersQueryAndBodyAndKeepsTheConnection() throws {
        let server = try OpikTestServer.start()
        defer { server.stop() }
        let client = RawHTTPClient(port: server.port)
        let first = client.send("POST", "/test/echo?a=b+c&x=%2B", headers: [("X-Probe", "1")], body: #"{"k":1}"#)
        #expect(first.status == 200)
        #expect(first.json?["query"] == ["a": "b c", "x": "+"])
        #expect(first.json?["headers"]?["X-Probe"] == "1")
        #expect(first.json?["body"] == #"{"k":1}"#)
        let second = client.send("GET", "/test/bytes?n=30")
        #expect(second.text == "abcdefghijklmnopqrstuvwxyzabcd")
        #expect(!client.isClosed)
        #expect(server.requests.map(\.path) == ["/test/echo", "/test/bytes"])
        #expect(server.requests.first?.json == ["k": 1])
        #expect(server.requests.first?.header("x-probe") == "1")
        server.clearRequests()
        #expect(server.requests.isEmpty)
    }

    @Test func chunkedRequestBodiesAreDecoded() throws {
        let server = try OpikTestServer.start()
        defer { server.stop() }
        let client = RawHTTPClient(port: server.port)
        let head = "POST /test/echo HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n"
        client.writeAll(Array((head + "3\r\nabc\r\n4\r\ndefg\r\n0\r\n\r\n").utf8))
        let response = client.readResponse()
        #expect(response.json?["body"] == "abcdefg")
        #expect(server.requests.first?.bodyText == "abcdefg")
    }

    @Test func redirectAnswers302WithLocation() throws {
        let server = try OpikTestServer.start()
        defer { server.stop() }
        let response = RawHTTPClient(port: server.port).send("GET", "/test/redirect?to=http%3A%2F%2F127.0.0.1%2Fx")
        #expect(response.status == 302)
        #expect(response.header("Location") == "http://127.0.0.1/x")
    }

    @Test func statusFaultsAreUsedInOrderAndOnlyOnMatchingPaths() throws {
        let server = try OpikTestServer.start()
        defer { server.stop() }
        server.inject(.status(429, headers: [("RateLimit-Reset", "1")], body: "slow down"), times: 2, pathPrefix: "/test/bytes")
        server.inject(.status(503))
        let client = RawHTTPClient(port: server.port)
        let first = client.send("GET", "/test/bytes?n=1")
        #expect(first.status == 429)
        #expect(first.header("RateLimit-Reset") == "1")
        #expect(first.text == "slow down")
        #expect(client.send("GET", "/test/echo").status == 503)
        #expect(client.send("GET", "/test/bytes?n=1").status == 429)
        #expect(client.send("GET", "/test/bytes?n=1").status == 200)
    }

    @Test func closeWithoutResponseHangsUpAfterReadingTheRequest() throws {
        let server = try OpikTestServer.start()
        defer { server.stop() }
        server.inject(.closeWithoutResponse)
        let client = RawHTTPClient(port: server.port)
        let response = client.send("POST", "/test/echo", body: "{}")
        #expect(response.status == 0)
        #expect(client.isClosed)
        #expect(server.requests.count == 1)
        #expect(RawHTTPClient(port: server.port).send("GET", "/test/echo").status == 200)
    }

    @Test(arguments: [(Fault.dropAfterHeaders, 0), (.dropMidBody(afterBytes: 10), 10)])
    func dropFaultsSendTheHeadThenPartOfTheBody(fault: Fault, bytes: Int) throws {
        let server = try OpikTestServer.start()
        defer { server.stop() }
        server.inject(fault)
        let client = RawHTTPClient(port: server.port)
        let response = client.send("GET", "/test/bytes?n=100")
        #expect(response.status == 200)
        #expect(response.header("Content-Length") == "100")
        #expect(!response.isComplete)
        #expect(response.body.count == bytes)
    }

    @Test func delayThenServesNormally() throws {
        let server = try OpikTestServer.start()
        defer { server.stop() }
        server.inject(.delay(seconds: 0.05))
        #expect(RawHTTPClient(port: server.port).send("GET", "/test/bytes?n=2").text == "ab")
    }

    @Test(.enabled(if: ExternalTool.isInstalled("curl"), "needs the curl command")) func gzipBodyDecodesWithCurl() throws {
        let server = try OpikTestServer.start()
        defer { server.stop() }
        let output = try Curl.run(["-s", "--compressed", "-D", "-", server.baseURL + "/test/gzip"])
        #expect(output.contains("Content-Encoding: gzip"))
        #expect(output.hasSuffix(#"abcdefghij"}"#))
        #expect(output.contains(#"{"message":"hello from gzip""#))
    }

    @Test func unknownPathsAre404InTheDropwizardShape() throws {
        let server = try OpikTestServer.start()
        defer { server.stop() }
        let response = RawHTTPClient(port: server.port).send("GET", "/nope")
        #expect(response.status == 404)
        #expect(response.text == #"{"code":404,"message":"HTTP 404 Not Found"}"#)
    }
}

/// Runs the system `curl` and returns its standard output.
enum Curl {
    static func run(_ arguments: [String]) throws -> String {
        try ProcessRunner.run("/usr/bin/curl", arguments).stdout
    }
}
