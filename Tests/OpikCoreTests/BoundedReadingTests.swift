import Foundation
import OpikCore
import OpikTestSupport
import Testing

/// Limits that hold whatever the server or standard input sends.
@Suite struct BoundedReadingTests {
    func client(_ transport: FakeTransport, retries: Int = 3) -> OpikClient {
        let (out, _) = OutputStream.memory()
        let context = Context(stdout: out, stderr: out, makeTransport: { _, _ in transport }, random: { 0 })
        return OpikClient(baseURL: "http://h", apiKey: nil, workspace: "default", transport: transport,
                          timeout: 60, retries: retries, context: context)
    }

    static func lines(_ ids: [String]) -> String { ids.map { #"{"id":"\#($0)"}"# + "\r\n" }.joined() }

    @Test func theLimitHoldsWhenTheServerSendsMore() throws {
        let transport = FakeTransport()
        transport.stub("POST", "/v1/private/spans/search", body: Self.lines(["9", "8", "7", "6"]))
        var ids: [String] = []
        var last: String?
        try SearchStream(.span, body: [], limit: 2, after: nil).run(client: client(transport), lastId: &last) { span, _ in
            ids.append(span["id"]!.stringValue!)
        }
        #expect(ids == ["9", "8"])
        #expect(last == "8")
    }

    @Test func aSpanNotOlderThanTheCursorStopsTheSearch() throws {
        let transport = FakeTransport()
        transport.stub("POST", "/v1/private/spans/search", body: Self.lines(["9", "8"]))
        transport.stub("POST", "/v1/private/spans/search", body: Self.lines(["9", "8"]))
        var search = SearchStream(.span, body: [], limit: nil, after: nil)
        search.pageSize = 2
        var ids: [String] = []
        var last: String?
        #expect(throws: OpikError.self) {
            try search.run(client: client(transport), lastId: &last) { span, _ in ids.append(span["id"]!.stringValue!) }
        }
        #expect(ids == ["9", "8"])
        #expect(last == "8")
    }

    @Test func aRefusedConnectionIsRetriedByTheClientAlone() throws {
        let transport = FakeTransport()
        for _ in 0..<10 { transport.fail("POST", "/v1/private/spans/search", with: .connect("refused")) }
        var last: String?
        #expect(throws: OpikError.transport(what: "search spans", error: .connect("refused"), url: "http://h/v1/private/spans/search")) {
            try SearchStream(.span, body: [], limit: nil, after: nil).run(client: client(transport), lastId: &last) { _, _ in }
        }
        #expect(transport.requests.count == 4)
    }

    @Test func theLastIdIsTheLastSpanDeliveredWhenTheStreamFailsForGood() throws {
        let transport = FakeTransport()
        // Each try delivers one span, then the stream ends mid-object; retries run out.
        for id in ["9", "8", "7", "6"] { transport.stub("POST", "/v1/private/spans/search", body: Self.lines([id]) + #"{"id":"#) }
        var last: String?
        var count = 0
        #expect(throws: OpikError.self) {
            try SearchStream(.span, body: [], limit: nil, after: nil).run(client: client(transport), lastId: &last) { _, _ in count += 1 }
        }
        #expect(count == 4)
        #expect(last == "6")
    }

    @Test func aLineLongerThanTheLimitThrows() throws {
        var lines: [String] = []
        let sink = LineSink(maxLineBytes: 8, onLine: { lines.append(String(decoding: $0, as: UTF8.self)) })
        try Array("1234\n12".utf8).withUnsafeBytes { try sink.receive(body: $0) }
        #expect(throws: ResponseTooLarge(part: "a line of the stream", limit: 8)) {
            try Array("3456789".utf8).withUnsafeBytes { try sink.receive(body: $0) }
        }
        #expect(lines == ["1234"])
    }

    @Test func aCollectedBodyLargerThanTheLimitThrows() throws {
        let sink = CollectingSink(maxBytes: 4)
        try Array("abcd".utf8).withUnsafeBytes { try sink.receive(body: $0) }
        #expect(throws: ResponseTooLarge(part: "the response", limit: 4)) {
            try Array("e".utf8).withUnsafeBytes { try sink.receive(body: $0) }
        }
    }

    static func check(_ text: String, _ syntax: RecordSizeCheck.Syntax, limit: Int, pieces: Int = 3) -> RecordIssue? {
        var check = RecordSizeCheck(syntax, limit: limit)
        let bytes = Array(text.utf8)
        let size = max(1, bytes.count / pieces)
        do {
            for start in stride(from: 0, to: bytes.count, by: size) {
                try bytes[start..<min(bytes.count, start + size)].withUnsafeBufferPointer { try check.feed($0) }
            }
        } catch {
            return error as? RecordIssue
        }
        return nil
    }

    @Test func recordSizesAreMeasuredPerRecordNotPerLine() {
        #expect(Self.check(#"[{"a":"xxxx"}, {"b":[1,2]}, "str", 12345]"#, .json, limit: 12) == nil)
        #expect(Self.check("{\"a\":1}\n{\"b\":\"}}}}\"}\n 42\n", .json, limit: 12) == nil)
        #expect(Self.check("[{\"a\":1},\n {\"b\":\"0123456789012\"}]", .json, limit: 12)?.line == 2)
        #expect(Self.check("\(String(repeating: "\u{0}", count: 40))", .json, limit: 12)?.line == 1)
        #expect(Self.check("id,text\n1,\"a\nb\"\n2,c\n", .csv, limit: 8) == nil)
        #expect(Self.check("id,text\n1,\"a\nbcdefghij\"\n", .csv, limit: 8)?.line == 2)
    }

    @Test func standardInputIsReadWithinItsLimit() throws {
        let (out, _) = OutputStream.memory()
        let context = Context(stdout: out, stderr: out, readStdin: { Array(repeating: 65, count: 200_000) },
                              makeTransport: { _, _ in FakeTransport() })
        #expect(throws: OpikError.self) { try StdinReader.read(context, maxBytes: 100_000, what: "x") }
        let whole = Context(stdout: out, stderr: out, readStdin: { Array(repeating: 65, count: 200_000) },
                            makeTransport: { _, _ in FakeTransport() })
        #expect(try StdinReader.read(whole, maxBytes: 200_000, what: "x").count == 200_000)
    }
}
