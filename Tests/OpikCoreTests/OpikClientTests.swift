import Foundation
import OpikCore
import OpikTestSupport
import Testing

@Suite struct OpikClientTests {
    final class Recorder: @unchecked Sendable {
        var sleeps: [Double] = []
        var waits: [String] = []
    }

    func client(_ transport: FakeTransport, retries: Int = 4, key: String? = "k3y", recorder: Recorder = Recorder()) -> OpikClient {
        let (out, _) = OutputStream.memory()
        let context = Context(stdout: out, stderr: out, now: { Date(timeIntervalSince1970: 0) },
                              sleep: { recorder.sleeps.append($0) },
                              makeTransport: { _, _ in transport }, random: { 500 })
        let client = OpikClient(baseURL: "http://h/api/", apiKey: key, workspace: "ws", transport: transport,
                                timeout: 60, retries: retries, context: context)
        client.onWait = { recorder.waits.append($0) }
        return client
    }

    @Test func sendsRawKeyAndWorkspace() throws {
        let transport = FakeTransport()
        transport.stub("GET", "/api/v1/private/spans/x", body: #"{"id":"x"}"#)
        let value = try client(transport).json(client(transport).request("GET", "/v1/private/spans/x"), what: "get", repetition: .safe)
        #expect(value?["id"] == "x")
        let request = try #require(transport.requests.first)
        #expect(request.url == "http://h/api/v1/private/spans/x")
        #expect(request.header("Authorization") == "k3y")
        #expect(request.header("Comet-Workspace") == "ws")
    }

    @Test func noAuthorizationWithoutKey() throws {
        let transport = FakeTransport()
        transport.stub("GET", "/api/x", body: "{}")
        let c = client(transport, key: nil)
        _ = try c.send(c.request("GET", "/x"), what: "x", repetition: .safe)
        #expect(transport.requests[0].header("Authorization") == nil)
    }

    @Test func retries429WaitingWhatRateLimitResetAsks() throws {
        let transport = FakeTransport()
        transport.stub("GET", "/api/x", status: 429, headers: [("RateLimit-Reset", "3")], body: #"{"code":429,"message":"Too Many Requests: x"}"#)
        transport.stub("GET", "/api/x", status: 503)
        transport.stub("GET", "/api/x", body: "{}")
        let recorder = Recorder()
        let c = client(transport, recorder: recorder)
        _ = try c.send(c.request("GET", "/x"), what: "x", repetition: .safe)
        #expect(transport.requests.count == 3)
        #expect(recorder.sleeps.first == 3)
        #expect(recorder.sleeps.count == 2)
        #expect(recorder.waits.first == "server answered 429; retrying in 3.0s (attempt 2 of 5)")
    }

    @Test func unsafeWritesAreNotRetriedOn503() throws {
        let transport = FakeTransport()
        transport.stub("POST", "/api/x", status: 503, body: #"{"code":503,"message":"busy"}"#)
        let c = client(transport)
        #expect(throws: OpikError.server(what: "post x", status: 503, message: "busy", hint: nil)) {
            try c.send(c.request("POST", "/x", body: [:]), what: "post x", repetition: .unsafe)
        }
        #expect(transport.requests.count == 1)
    }

    @Test func refusedConnectionsAreRetriedEvenForWrites() throws {
        let transport = FakeTransport()
        transport.fail("POST", "/api/x", with: .connect("refused"))
        transport.stub("POST", "/api/x", status: 204)
        let c = client(transport)
        _ = try c.send(c.request("POST", "/x"), what: "x", repetition: .unsafe)
        #expect(transport.requests.count == 2)
    }

    /// The retry notice and the final error word a failure the same way.
    @Test func aRetryNoticeStartsWithTheWordsOfTheFinalError() throws {
        let transport = FakeTransport()
        for _ in 0..<2 { transport.fail("GET", "/api/x", with: .connect("Connection refused")) }
        let recorder = Recorder()
        let c = client(transport, retries: 1, recorder: recorder)
        let error = try #require(throws: OpikError.self) { try c.send(c.request("GET", "/x"), what: "x", repetition: .safe) }
        #expect(recorder.waits == ["could not connect; retrying in 0.2s (attempt 2 of 2)"])
        #expect(error.userFacing == UserFacing(.connectionFailed, "x: could not connect (Connection refused) (http://h/api/x)"))
    }

    @Test func givesUpAfterRetriesWithTheLastError() {
        let transport = FakeTransport()
        for _ in 0..<3 { transport.fail("GET", "/api/x", with: .dropped("reset")) }
        let c = client(transport, retries: 2)
        #expect(throws: OpikError.transport(what: "x", error: .dropped("reset"), url: "http://h/api/x")) {
            try c.send(c.request("GET", "/x"), what: "x", repetition: .safe)
        }
        #expect(transport.requests.count == 3)
    }

    @Test(arguments: [
        (#"{"errors":["a must be set","b too"]}"#, 422, "a must be set; b too"),
        (#"{"code":400,"message":"Invalid UUID for id","details":"Span id must be a version 7 UUID"}"#, 400,
         "Invalid UUID for id: Span id must be a version 7 UUID"),
        ("", 501, "HTTP 501 Not Implemented"),
        ("<html>bad gateway</html>", 502, "HTTP 502 Bad Gateway"),
    ])
    func readsBothErrorShapes(body: String, status: Int, message: String) {
        #expect(ServerMessage.from(body: Array(body.utf8), status: status) == message)
    }

    @Test func pausesWhenTheRateLimitBucketIsEmpty() throws {
        let transport = FakeTransport()
        transport.stub("GET", "/api/x", headers: [("Opik-Get-Spans-Remaining-Limit", "0"), ("Opik-Get-Spans-Remaining-Limit-TTL-Millis", "1500")], body: "{}")
        transport.stub("GET", "/api/x", body: "{}")
        let recorder = Recorder()
        let c = client(transport, recorder: recorder)
        _ = try c.send(c.request("GET", "/x"), what: "x", repetition: .safe)
        _ = try c.send(c.request("GET", "/x"), what: "x", repetition: .safe)
        #expect(recorder.sleeps == [1.5])
        #expect(recorder.waits == ["rate limit nearly used up; waiting 1.5s"])
    }

    @Test func anExcerptMasksTheKeyMarksControlCharactersAndStopsAt80Columns() {
        let c = client(FakeTransport(), key: "sk-0123456789abcdef")
        #expect(c.excerpt(Array(#"{"echo":"sk-0123456789abcdef","x":"\#u{1B}[2J"}"#.utf8)) == #"'{"echo":"sk-***","x":"?[2J"}'"#)
        #expect(c.excerpt(Array(String(repeating: "a", count: 100).utf8)) == "'" + String(repeating: "a", count: 80) + "…'")
        #expect(c.excerpt(Array(String(repeating: "a", count: 81).utf8)) == "'" + String(repeating: "a", count: 81) + "'")
        #expect(c.excerpt([]) == "an empty body")
    }

    @Test func queryValuesArePercentEncoded() {
        #expect(URLQuery.url(base: "http://h/api", path: "v1/x", query: [("filters", #"[{"v":"a+b c"}]"#)])
            == "http://h/api/v1/x?filters=%5B%7B%22v%22%3A%22a%2Bb%20c%22%7D%5D")
    }
}
