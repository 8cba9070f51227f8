import Foundation
import OpikCLI
import OpikCore
import OpikTestSupport
import Testing

/// `spans create` with flags: one span, its body, its output and the flag errors.
@Suite struct BulkCreateFlagsTests {
    @Test func flagsBecomeOneSpanSentThroughTheBatchEndpointAfterItsNewTrace() throws {
        let transport = FakeTransport()
        transport.stub("POST", "/api/v1/private/traces", status: 201)
        transport.stub("POST", "/api/v1/private/spans/batch", status: 204)
        let result = CLIHarness.run([
            "spans", "create", "-p", "my-app", "--name", "answer", "--type", "llm", "--start-time", "2026-07-01T10:00:00Z",
            "--end-time", "2026-07-01T10:00:01.5Z", "--input", #"{"q": "refund?"}"#, "--output", #""yes""#, "--tags", "a, b",
            "--model", "gpt-4o", "--provider", "openai", "--usage", "prompt_tokens=10,completion_tokens=5", "--cost", "0.00420",
            "--environment", "prod", "--error-type", "Timeout", "--format", "json",
        ], transport: transport)
        #expect(result.status == 0)
        #expect(transport.requests.map { "\($0.method) \(FakeTransport.path(of: $0.url))" }
            == ["POST /api/v1/private/traces", "POST /api/v1/private/spans/batch"])
        let spans = try JSONParser.parse(bytes: transport.requests[1].body ?? [])["spans"]?.arrayValue ?? []
        #expect(spans.count == 1)
        let span = spans[0]
        let id = span["id"]?.stringValue ?? ""
        let traceId = span["trace_id"]?.stringValue ?? ""
        #expect(UUIDv7.milliseconds(of: id) == 1_782_900_000_000)
        #expect(UUIDv7.isVersion7(traceId))
        #expect(span == .object([
            ("id", .string(id)), ("trace_id", .string(traceId)), ("project_name", "my-app"),
            ("start_time", "2026-07-01T10:00:00.000Z"), ("name", "answer"), ("type", "llm"),
            ("end_time", "2026-07-01T10:00:01.500Z"), ("input", ["q": "refund?"]), ("output", "yes"), ("tags", ["a", "b"]),
            ("model", "gpt-4o"), ("provider", "openai"), ("usage", ["prompt_tokens": 10, "completion_tokens": 5]),
            ("total_estimated_cost", .number("0.00420")), ("environment", "prod"), ("error_info", ["exception_type": "Timeout"]),
            ("last_updated_at", "2026-07-01T12:00:00.000Z"),
        ]))
        // The trace takes the span's project, name, times, input and output.
        #expect(try JSONParser.parse(bytes: transport.requests[0].body ?? []) == .object([
            ("id", .string(traceId)), ("project_name", "my-app"), ("name", "answer"), ("start_time", "2026-07-01T10:00:00.000Z"),
            ("end_time", "2026-07-01T10:00:01.500Z"), ("input", ["q": "refund?"]), ("output", "yes"),
        ]))
        #expect(result.stdout == "{\n  \"id\": \"\(id)\",\n  \"trace_id\": \"\(traceId)\"\n}\n")
        #expect(result.stderr == "opik: new trace \(traceId)\n")
    }

    @Test func aGivenTraceIsUsedAndOnlyTheIdIsPrinted() throws {
        let transport = FakeTransport()
        transport.stub("POST", "/api/v1/private/spans/batch", status: 204)
        let trace = "0190b5d2-7c1e-7a3b-8f00-0000000000aa"
        let piped = CLIHarness.run(["spans", "create", "--trace-id", trace, "--metadata", "-", "--start-time", "5m"],
                                   transport: transport, stdin: #"{"k": [1, 2]}"#)
        #expect(piped.status == 0)
        #expect(piped.stderr == "")
        let span = try JSONParser.parse(bytes: transport.requests.last?.body ?? [])["spans"]?.arrayValue?.first
        #expect(span?["trace_id"] == .string(trace))
        #expect(span?["metadata"] == ["k": [1, 2]])
        #expect(span?["start_time"] == "2026-07-01T11:55:00.000Z")
        #expect(piped.stdout == (span?["id"]?.stringValue ?? "-") + "\n")
    }

    @Test(arguments: [
        (["--input", "hello world"], "opik: error: invalid --input: not JSON (line 1, column 1: unexpected character 'h')\nhint: to send plain text, quote it as a JSON string: --input '\"some text\"'\n"),
        (["--trace-id", "abc"], "opik: error: invalid --trace-id 'abc': expected a UUID such as 0190b5d2-7c1e-7a3b-8f00-5b9a1c2d3e4f\n"),
        (["--usage", "prompt_tokens=many"], "opik: error: invalid --usage 'prompt_tokens=many': expected KEY=N pairs with whole numbers, such as prompt_tokens=10,completion_tokens=5\n"),
        (["--cost", "-1"], "opik: error: invalid --cost '-1': expected a number of US dollars of at least 0, such as 0.0042\n"),
        (["--start-time", "soon"], "opik: error: invalid --start-time 'soon': expected an RFC 3339 time such as 2026-07-01T10:00:00Z, a date such as 2026-07-01, or a duration such as 30s, 15m, 24h, 7d, 2w\n"),
        (["--start-time", "1m", "--end-time", "2m"], "opik: error: invalid --end-time '2m': it is before the start time (2026-07-01T11:59:00.000Z)\n"),
        (["--input", "-", "--output", "-"], "opik: error: only one of --input, --output can read standard input\n"),
        (["--file", "x.ndjson", "--name", "n"], "opik: error: --file cannot be combined with --name\nhint: put the field in each record of the file\n"),
        // The same rules as update: no blank tag, no empty usage.
        (["--tags", "a,,b"], "opik: error: invalid --tags: tag 2 is blank\n"),
        (["--usage", ""], "opik: error: invalid --usage '': no KEY=N pair\n"),
    ])
    func badFlagsAreRefusedBeforeSending(arguments: [String], stderr: String) {
        let transport = FakeTransport()
        let result = CLIHarness.run(["spans", "create"] + arguments, transport: transport)
        #expect(result.status == 2)
        #expect(result.stderr == stderr)
        #expect(transport.requests.isEmpty)
    }

    @Test func aRefusedSpanReportsTheServerMessage() {
        let transport = FakeTransport()
        transport.stub("POST", "/api/v1/private/traces", status: 201)
        transport.stub("POST", "/api/v1/private/spans/batch", status: 402, body: #"{"code":402,"message":"usage quota exceeded"}"#)
        let result = CLIHarness.run(["spans", "create", "--name", "x"], transport: transport)
        #expect(result.status == 1)
        #expect(result.stderr == "opik: error: create span: usage quota exceeded (HTTP 402)\n")
    }

    @Test func aTraceThatIsAlreadyThereIsNoErrorAndTheSpanFollows() {
        let transport = FakeTransport()
        transport.stub("POST", "/api/v1/private/traces", status: 409, body: #"{"errors":["Trace already exists"]}"#)
        transport.stub("POST", "/api/v1/private/spans/batch", status: 204)
        let result = CLIHarness.run(["spans", "create", "--name", "x", "--start-time", "2026-07-01T10:00:00Z"], transport: transport)
        #expect(result.status == 0)
        #expect(transport.requests.map(\.method) == ["POST", "POST"])
        #expect(FakeTransport.path(of: transport.requests[1].url) == "/api/v1/private/spans/batch")
        #expect(result.stdout.count == 37)
    }

    @Test func aDryRunShowsTheTraceRequestAndTheSpanAndSendsNothing() {
        let transport = FakeTransport()
        let result = CLIHarness.run(["spans", "create", "-p", "p", "--name", "x", "--start-time", "2026-07-01T10:00:00Z", "--dry-run"],
                                    transport: transport)
        #expect(result.status == 0)
        #expect(transport.requests.isEmpty)
        #expect(result.stdout.hasPrefix("POST ") && result.stdout.contains("/api/v1/private/traces\n{\n  \"id\": \""))
        #expect(result.stdout.contains("\"name\": \"x\",\n  \"start_time\": \"2026-07-01T10:00:00.000Z\"\n}\n"))
        #expect(result.stdout.contains("would send 1 span in 1 batch to POST /v1/private/spans/batch; nothing was sent\n"))
    }

    @Test func aJSONDryRunListsTheTraceRequestAndTheSpanBatch() throws {
        let transport = FakeTransport()
        let result = CLIHarness.run(["spans", "create", "-p", "p", "--name", "x", "--start-time", "2026-07-01T10:00:00Z",
                                     "--dry-run", "--format", "json"], transport: transport)
        #expect(result.status == 0)
        #expect(transport.requests.isEmpty)
        let plan = try JSONParser.parse(result.stdout).arrayValue ?? []
        #expect(plan.map { $0["path"] } == ["/v1/private/traces", "/v1/private/spans/batch"])
        let traceId = plan.first?["body"]?["id"]
        #expect(plan.first?["body"] == .object([("id", traceId ?? nil), ("project_name", "p"), ("name", "x"),
                                                ("start_time", "2026-07-01T10:00:00.000Z")]))
        #expect(plan.last?["first_record"]?["trace_id"] == traceId)
    }
}
