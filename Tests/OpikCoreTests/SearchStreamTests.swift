import Foundation
import OpikCore
import OpikTestSupport
import Testing

@Suite struct SearchStreamTests {
    func client(_ transport: FakeTransport) -> OpikClient {
        let (out, _) = OutputStream.memory()
        let context = Context(stdout: out, stderr: out, makeTransport: { _, _ in transport }, random: { 0 })
        return OpikClient(baseURL: "http://h", apiKey: nil, workspace: "default", transport: transport,
                          timeout: 60, retries: 3, context: context)
    }

    static func lines(_ ids: [String]) -> String { ids.map { #"{"id":"\#($0)","name":"n"}"# + "\r\n" }.joined() }

    func run(_ search: SearchStream, _ transport: FakeTransport) throws -> ([String], String?) {
        var ids: [String] = []
        var last: String?
        try search.run(client: client(transport), lastId: &last, onRecord: { span, _ in ids.append(span["id"]!.stringValue!) })
        return (ids, last)
    }

    @Test func pagesByCursorAndConfirmsAShortPage() throws {
        let transport = FakeTransport()
        transport.stub("POST", "/v1/private/spans/search", body: Self.lines(["5", "4"]))
        transport.stub("POST", "/v1/private/spans/search", body: Self.lines(["3"]))
        transport.stub("POST", "/v1/private/spans/search", body: "")
        var search = SearchStream(.span, body: [("project_name", "p")], limit: nil, after: nil)
        search.pageSize = 2
        let (ids, last) = try run(search, transport)
        #expect(ids == ["5", "4", "3"])
        #expect(last == "3")
        let bodies = transport.requests.map { String(decoding: $0.body ?? [], as: UTF8.self) }
        #expect(bodies == [
            #"{"project_name":"p","limit":2}"#,
            #"{"project_name":"p","limit":2,"last_retrieved_id":"4"}"#,
            #"{"project_name":"p","limit":2,"last_retrieved_id":"3"}"#,
        ])
        #expect(transport.requests[0].header("Accept") == "*/*")
    }

    @Test func theTraceStreamAsksForAttachmentReferencesAndTheSpanStreamDoesNot() {
        let transport = FakeTransport()
        let traces = SearchStream(.trace, body: [("project_name", "p")], limit: nil, after: nil)
        let spans = SearchStream(.span, body: [("project_name", "p")], limit: nil, after: nil)
        let body = { (search: SearchStream) in
            String(decoding: search.request(client: client(transport), cursor: "4", size: 2).body ?? [], as: UTF8.self)
        }
        #expect(body(traces) == #"{"project_name":"p","strip_attachments":true,"limit":2,"last_retrieved_id":"4"}"#)
        #expect(body(spans) == #"{"project_name":"p","limit":2,"last_retrieved_id":"4"}"#)
    }

    @Test func resumesFromTheLastIdAfterATimeoutMarker() throws {
        let transport = FakeTransport()
        transport.stub("POST", "/v1/private/spans/search",
                       body: Self.lines(["9"]) + #"{"code":500,"message":"Streaming operation timed out"}"# + "\r\n")
        transport.stub("POST", "/v1/private/spans/search", body: Self.lines(["8"]))
        let search = SearchStream(.span, body: [], limit: 2, after: nil)
        let (ids, _) = try run(search, transport)
        #expect(ids == ["9", "8"])
        #expect(String(decoding: transport.requests[1].body ?? [], as: UTF8.self) == #"{"limit":1,"last_retrieved_id":"9"}"#)
    }

    @Test func stopsAtTheLimit() throws {
        let transport = FakeTransport()
        transport.stub("POST", "/v1/private/spans/search", body: Self.lines(["3", "2"]))
        let (ids, _) = try run(SearchStream(.span, body: [], limit: 2, after: "4"), transport)
        #expect(ids == ["3", "2"])
        #expect(transport.requests.count == 1)
        #expect(String(decoding: transport.requests[0].body ?? [], as: UTF8.self) == #"{"limit":2,"last_retrieved_id":"4"}"#)
    }

    @Test func linesSplitAcrossChunks() throws {
        var lines: [String] = []
        let sink = LineSink(onLine: { lines.append(String(decoding: $0, as: UTF8.self)) })
        for chunk in ["{\"a\"", ":1}\r", "\n\r\n{\"b\":2}\r\n{"] {
            try Array(chunk.utf8).withUnsafeBytes { try sink.receive(body: $0) }
        }
        #expect(lines == [#"{"a":1}"#, #"{"b":2}"#])
        #expect(sink.unfinishedLine == Array("{".utf8))
    }
}
