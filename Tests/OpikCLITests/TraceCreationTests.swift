import Foundation
import OpikCLI
import OpikCore
import OpikTestSupport
import Testing

/// `spans create --file` creates the traces of the trace ids it derives, once, before the
/// spans, and never one that exists or that a span names.
@Suite struct TraceCreationTests {
    static let tracesPath = "/api/v1/private/traces/"
    static let given = "0190b5d2-7c1e-7a3b-8f00-0000000000bb"
    static let input = """
        {"name":"a","start_time":"2026-07-01T10:00:00Z","end_time":"2026-07-01T10:00:01Z","input":{"q":1},"output":"x","model":"m"}
        {"name":"b","trace_id":"\(given)","start_time":"2026-07-01T10:00:00.5Z"}
        {"name":"c","start_time":"2026-07-01T10:00:02Z","project_name":"other"}

        """

    static func sent(_ transport: FakeTransport) -> [String] {
        transport.requests.map { "\($0.method) \(FakeTransport.path(of: $0.url))" }
    }

    @Test func derivedTracesAreLookedUpThenCreatedOnceBeforeTheSpans() throws {
        let transport = FakeTransport()
        transport.acceptNewTraces()
        transport.stub("POST", BulkCreateTests.batchPath, status: 204)
        let result = CLIHarness.run(["spans", "create", "-p", "app", "--file", "-", "--format", "ndjson", "--parallel", "1"],
                                    transport: transport, stdin: Self.input)
        #expect(result.status == 0, "\(result.stderr)")
        let printed = try result.stdout.split(separator: "\n").map { try JSONParser.parse(String($0)) }
        let traceIds = printed.compactMap { $0["trace_id"]?.stringValue }
        #expect(traceIds[1] == Self.given)
        // The given trace is neither looked up nor written.
        #expect(Self.sent(transport) == [
            "GET /api/v1/private/traces/\(traceIds[0])", "GET /api/v1/private/traces/\(traceIds[2])",
            "POST /api/v1/private/traces/batch", "POST /api/v1/private/spans/batch",
        ])
        let traces = try JSONParser.parse(bytes: transport.requests[2].body ?? [])["traces"]?.arrayValue ?? []
        #expect(traces == [
            .object([("id", .string(traceIds[0])), ("project_name", "app"), ("name", "a"), ("start_time", "2026-07-01T10:00:00Z"),
                     ("end_time", "2026-07-01T10:00:01Z"), ("input", ["q": 1]), ("output", "x"), ("last_updated_at", "2026-07-01T12:00:00.000Z")]),
            .object([("id", .string(traceIds[2])), ("project_name", "other"), ("name", "c"), ("start_time", "2026-07-01T10:00:02Z"),
                     ("last_updated_at", "2026-07-01T12:00:00.000Z")]),
        ])
        #expect(result.stderr == "opik: created 3 spans in 1 batch and 2 traces (0.0 s)\n")
    }

    @Test func aDerivedTraceThatExistsIsNotOverwritten() throws {
        let transport = FakeTransport()
        let first = Self.input.split(separator: "\n")[0] + "\n"
        // A first run created the trace; a rerun finds it and sends only the span.
        let dry = CLIHarness.run(["spans", "create", "-p", "app", "--file", "-", "--format", "json", "--dry-run"],
                                 transport: transport, stdin: String(first))
        let plan = try JSONParser.parse(dry.stdout).arrayValue ?? []
        let traceId = plan.first?["first_record"]?["id"]?.stringValue ?? ""
        #expect(plan.map { $0["path"] } == ["/v1/private/traces/batch", "/v1/private/spans/batch"])
        #expect(transport.requests.isEmpty)
        transport.stub("GET", Self.tracesPath + traceId, status: 200, body: #"{"id":"\#(traceId)","name":"a, renamed"}"#)
        transport.stub("POST", BulkCreateTests.batchPath, status: 204)
        let result = CLIHarness.run(["spans", "create", "-p", "app", "--file", "-"], transport: transport, stdin: String(first))
        #expect(result.status == 0, "\(result.stderr)")
        #expect(Self.sent(transport) == ["GET /api/v1/private/traces/\(traceId)", "POST /api/v1/private/spans/batch"])
        #expect(result.stderr == "opik: created 1 span in 1 batch and 0 traces (0.0 s)\n")
    }

    @Test func spansThatNameTheirTraceCreateNone() {
        let transport = FakeTransport()
        transport.stub("POST", BulkCreateTests.batchPath, status: 204)
        let result = CLIHarness.run(["spans", "create", "--file", "-"], transport: transport, stdin: BulkCreateTests.ndjson(5))
        #expect(result.status == 0)
        #expect(Self.sent(transport) == ["POST /api/v1/private/spans/batch"])
        #expect(result.stderr == "opik: created 5 spans in 1 batch (0.0 s)\n")
    }

    @Test func aRefusedTraceBatchSendsNoSpanAndExits6() throws {
        let failed = NSTemporaryDirectory() + "failed-\(UUID().uuidString).ndjson"
        defer { try? FileManager.default.removeItem(atPath: failed) }
        let transport = FakeTransport()
        transport.always("GET", Self.tracesPath, status: 404, body: #"{"code":404,"message":"Trace not found"}"#)
        transport.stub("POST", "/api/v1/private/traces/batch", status: 422, body: #"{"errors":["bad trace"]}"#)
        let result = CLIHarness.run(["spans", "create", "--file", "-", "--failed", failed], transport: transport, stdin: Self.input)
        #expect(result.status == 6)
        #expect(transport.requests(to: BulkCreateTests.batchPath).isEmpty)
        #expect(result.stdout == "")
        // Every span, with its id; the trace ids made for them are left out, so that sending
        // the file again makes and creates their traces; the given one stays.
        let saved = try String(contentsOfFile: failed, encoding: .utf8).split(separator: "\n").map { try JSONParser.parse(String($0)) }
        #expect(saved.map { $0["trace_id"]?.stringValue } == [nil, Self.given, nil])
        #expect(saved.allSatisfy { UUIDv7.isVersion7($0["id"]?.stringValue ?? "") })
        #expect(saved[0]["name"] == "a")
        #expect(result.stderr == """
            opik: error: create traces, batch 1 of 1 (lines 1-3): bad trace (HTTP 422)
            opik: error: 2 of 2 new traces were not accepted, so no span was sent
            hint: run the same command again: what was already created is neither duplicated nor overwritten

            """)
    }
}
