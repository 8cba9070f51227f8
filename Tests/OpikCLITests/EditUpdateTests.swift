import Foundation
import OpikCore
import OpikTestSupport
import Testing

@Suite struct EditUpdateTests {
    typealias H = EditHarness
    static let spanPath = "/api/v1/private/spans/\(H.span)"

    @Test func tagEditsOfOneIdGoThroughTheBatchUpdate() {
        let transport = FakeTransport()
        transport.stub("GET", Self.spanPath, body: H.spanJSON())
        transport.stub("PATCH", "/api/v1/private/spans/batch", status: 204)
        let result = H.run(["spans", "update", H.span, "--name", "rerank", "--add-tag", "reviewed", "--add-tag", "ok",
                            "--remove-tag", "draft", "--usage", "prompt_tokens=10,completion_tokens=5", "--cost", "0.0012"],
                           transport: transport)
        #expect(result.status == 0)
        #expect(result.stdout == "")
        #expect(result.stderr == "")
        #expect(transport.requests.map(\.line) == ["GET \(Self.spanPath)", "PATCH /api/v1/private/spans/batch"])
        #expect(transport.requests[0].url.contains("strip_attachments=true"))
        #expect(transport.requests[1].bodyText == #"{"ids":["\#(H.span)"],"update":{"trace_id":"\#(H.trace)","name":"rerank","tags_to_add":["reviewed","ok"],"tags_to_remove":["draft"],"usage":{"prompt_tokens":10,"completion_tokens":5},"total_estimated_cost":0.0012}}"#)
        #expect(transport.unusedStubs.isEmpty)
    }

    @Test func aRootSpanIsPatchedWithoutAParent() {
        let transport = FakeTransport()
        transport.stub("GET", Self.spanPath, body: H.spanJSON(parent: nil))
        transport.stub("PATCH", Self.spanPath, status: 204)
        let result = H.run(["spans", "update", H.span, "--tags", "a, b"], transport: transport)
        #expect(result.status == 0)
        #expect(transport.requests.last?.bodyText == #"{"project_name":"my app","trace_id":"\#(H.trace)","tags":["a","b"]}"#)
    }

    @Test func identityFlagsSkipTheLookupForOneId() {
        let transport = FakeTransport()
        transport.stub("PATCH", Self.spanPath, status: 204)
        let result = H.run(["spans", "update", H.span, "--trace-id", H.trace, "--parent-span-id", "none", "-p", "my app",
                            "--environment", "prod"], transport: transport)
        #expect(result.status == 0)
        #expect(transport.requests.map(\.line) == ["PATCH \(Self.spanPath)"])
        #expect(transport.requests[0].bodyText == #"{"project_name":"my app","trace_id":"\#(H.trace)","environment":"prod"}"#)
    }

    @Test func anUnknownIdExits3AndNothingIsPatched() {
        let transport = FakeTransport()
        transport.stub("GET", "/api/v1/private/spans/\(H.unknownSpan)", status: 404,
                       body: #"{"code":404,"message":"Span id: \#(H.unknownSpan) not found"}"#)
        let result = H.run(["spans", "update", H.unknownSpan, "--name", "x"], transport: transport)
        #expect(result.status == 3)
        #expect(result.stderr == "opik: error: span \(H.unknownSpan) not found; not updated\n")
        #expect(transport.requests.map(\.method) == ["GET"])
    }

    @Test func severalIdsAreLookedUpThenPatchedInOneBatchWithoutTheUnknownOnes() {
        let transport = FakeTransport()
        transport.stub("GET", Self.spanPath, body: H.spanJSON())
        transport.stub("GET", "/api/v1/private/spans/\(H.unknownSpan)", status: 404, body: #"{"code":404,"message":"not found"}"#)
        transport.stub("GET", "/api/v1/private/spans/\(H.otherSpan)", body: H.spanJSON(H.otherSpan, trace: H.otherTrace, project: "other"))
        transport.stub("PATCH", "/api/v1/private/spans/batch", status: 204)
        let result = H.run(["spans", "update", "-", "--add-tag", "x"], transport: transport,
                           stdin: "\(H.span)\n\(H.unknownSpan)\n\(H.otherSpan)\n\(H.span)\n")
        #expect(result.status == 3)
        #expect(result.stderr == "opik: error: span \(H.unknownSpan) not found; not updated\n")
        #expect(transport.requests.map(\.method) == ["GET", "GET", "GET", "PATCH"])
        #expect(transport.requests[3].line == "PATCH /api/v1/private/spans/batch")
        #expect(transport.requests[3].bodyText == #"{"ids":["\#(H.span)","\#(H.otherSpan)"],"update":{"trace_id":"\#(H.trace)","tags_to_add":["x"]}}"#)
    }

    @Test func moreThan1000IdsGoOutInBatchesOf1000() throws {
        let transport = FakeTransport()
        let ids = (1...1001).map { String(format: "0190b5d2-7c1e-7a3b-8f00-%012d", $0) }
        for id in ids { transport.stub("GET", "/api/v1/private/spans/\(id)", body: H.spanJSON(id)) }
        transport.stub("PATCH", "/api/v1/private/spans/batch", status: 204)
        transport.stub("PATCH", "/api/v1/private/spans/batch", status: 204)
        let result = H.run(["spans", "update", "-", "--model", "gpt-4o"], transport: transport, stdin: ids.joined(separator: "\n"))
        #expect(result.status == 0)
        let batches = transport.requests.filter { $0.method == "PATCH" }
        #expect(batches.count == 2)
        let sizes = try batches.map { try JSONParser.parse(bytes: $0.body ?? [])["ids"]?.arrayValue?.count }
        #expect(sizes == [1000, 1])
    }

    @Test(arguments: [
        (["--name", "x", "--trace-id", EditHarness.otherTrace], "opik: error: span \(EditHarness.span) belongs to trace \(EditHarness.trace), not \(EditHarness.otherTrace)"),
        (["--name", "x", "--parent-span-id", "none"], "opik: error: span \(EditHarness.span) has parent \(EditHarness.parent), not none"),
        (["--name", "x", "-p", "elsewhere"], "opik: error: span \(EditHarness.span) belongs to project 'my app', not 'elsewhere'"),
    ])
    func identityFlagsThatContradictTheSpanStopEverything(flags: [String], message: String) {
        let transport = FakeTransport()
        transport.stub("GET", Self.spanPath, body: H.spanJSON())
        let result = H.run(["spans", "update", H.span] + flags, transport: transport)
        #expect(result.status == 2)
        #expect(result.stderr.split(separator: "\n").first.map(String.init) == message)
        #expect(transport.requests.map(\.method) == ["GET"])
    }

    @Test(arguments: [
        ([String](), "opik: error: nothing to change"),
        (["--tags", "a", "--add-tag", "b"], "opik: error: --tags cannot be combined with --add-tag or --remove-tag"),
        (["--input", "{not json"], "opik: error: invalid --input: not JSON"),
        (["--cost", "-1"], "opik: error: invalid --cost '-1'"),
        (["--usage", "prompt_tokens=ten"], "opik: error: invalid --usage 'prompt_tokens=ten'"),
        (["--end-time", "yesterday"], "opik: error: invalid --end-time 'yesterday'"),
        (["--add-tag", " "], "opik: error: invalid --add-tag: tag 1 is blank"),
        (["--type", "llama"], "opik: error: invalid value 'llama' for --type"),
        (["--metadata", "@/nonexistent/meta.json"], "opik: error: /nonexistent/meta.json: no such file"),
    ])
    func badFieldsAreUsageErrorsAndNothingIsSent(flags: [String], message: String) {
        let transport = FakeTransport()
        let result = H.run(["spans", "update", H.span] + flags, transport: transport)
        #expect(result.status == 2)
        #expect(result.stderr.hasPrefix(message))
        #expect(transport.requests.isEmpty)
    }

    @Test func valuesComeFromFilesAndStandardInput() throws {
        let file = NSTemporaryDirectory() + "opik-edit-\(UUID().uuidString).json"
        try #"{"answer": 42}"#.write(toFile: file, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(atPath: file) }
        let transport = FakeTransport()
        transport.stub("GET", Self.spanPath, body: H.spanJSON())
        transport.stub("PATCH", Self.spanPath, status: 204)
        let result = H.run(["spans", "update", H.span, "--output", "@" + file, "--input", "-", "--end-time", "2026-07-01T11:57:02Z"],
                           transport: transport, stdin: #"["hi", 1.50]"#)
        #expect(result.status == 0)
        #expect(transport.requests.last?.bodyText == #"{"project_name":"my app","trace_id":"\#(H.trace)","parent_span_id":"\#(H.parent)","end_time":"2026-07-01T11:57:02.000Z","input":["hi",1.50],"output":{"answer":42}}"#)
    }

    @Test func aConflictNamesTheCauseAndTheWayOut() {
        let transport = FakeTransport()
        transport.stub("PATCH", Self.spanPath, status: 409, body: #"{"errors":["trace_id does not match the existing span"]}"#)
        let result = H.run(["spans", "update", H.span, "--trace-id", H.otherTrace, "--parent-span-id", H.parent, "--name", "x"], transport: transport)
        #expect(result.status == 1)
        #expect(result.stderr == """
            opik: error: update span \(H.span): trace_id does not match the existing span (HTTP 409)
            hint: the span's stored trace, parent or project differ from what was sent; leave out --trace-id, --parent-span-id and -p to look them up

            """)
    }

    @Test func failedPatchesAreRetriedBecauseTheyAreSafeToRepeat() {
        let transport = FakeTransport()
        transport.stub("GET", Self.spanPath, body: H.spanJSON())
        transport.stub("PATCH", Self.spanPath, status: 503, body: #"{"code":503,"message":"busy"}"#)
        transport.fail("PATCH", Self.spanPath, with: .dropped("reset"))
        transport.stub("PATCH", Self.spanPath, status: 204)
        let result = H.run(["spans", "update", H.span, "--name", "x", "-q"], transport: transport)
        #expect(result.status == 0)
        #expect(transport.requests.map(\.method) == ["GET", "PATCH", "PATCH", "PATCH"])
    }

    @Test func dryRunLooksUpAndPrintsThePatchWithoutSendingIt() {
        let transport = FakeTransport()
        transport.stub("GET", Self.spanPath, body: H.spanJSON())
        let result = H.run(["spans", "update", H.span, "--name", "x", "--dry-run"], transport: transport)
        #expect(result.status == 0)
        #expect(result.stdout == """
            PATCH http://opik.test/api/v1/private/spans/\(H.span)
            {
              "project_name": "my app",
              "trace_id": "\(H.trace)",
              "parent_span_id": "\(H.parent)",
              "name": "x"
            }

            """)
        #expect(transport.requests.map(\.method) == ["GET"])
    }
}
