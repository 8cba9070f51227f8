import Foundation
import OpikCLI
import OpikCore
import OpikTestSupport
import Testing

/// `spans create --file`: checking, batching, ids and failures, against a fake transport.
@Suite struct BulkCreateTests {
    static let batchPath = "/api/v1/private/spans/batch"

    /// A trace the spans of `ndjson` name, so that they create none (`TraceCreationTests`).
    static let traceId = "0190b5d2-7c1e-7a3b-8f00-0000000000aa"

    /// `count` NDJSON spans of one trace starting one millisecond apart from 2026-07-01T10:00:00Z.
    static func ndjson(_ count: Int) -> String {
        (0..<count).map { i in
            #"{"trace_id":"\#(traceId)","name":"step \#(i % 7)","type":"llm","start_time":"2026-07-01T10:00:\#(String(format: "%02d.%03d", i / 1000 % 60, i % 1000))Z","input":{"n":\#(i)}}"#
        }.joined(separator: "\n") + "\n"
    }

    static func spans(in request: HTTPRequest) throws -> [JSONValue] {
        try JSONParser.parse(bytes: request.body ?? [])["spans"]?.arrayValue ?? []
    }

    @Test(arguments: [
        (#"{"type":"lm","start_time":"2026-07-01T10:00:00Z"}"#, #"field "type": invalid value "lm" (expected one of general, tool, llm, guardrail)"#),
        (#"{"name":"x"}"#, #"field "start_time": missing (every span needs a start time)"#),
        (#"{"start_time":"yesterday"}"#, #"field "start_time": invalid value "yesterday" (expected an RFC 3339 time such as 2026-07-01T10:00:00Z)"#),
        (#"{"start_time":"1969-12-31T23:59:59Z"}"#, #"field "start_time": invalid value "1969-12-31T23:59:59Z" (expected a time between 1970 and 2262-04-11)"#),
        (#"{"id":"0190b5d2-7c1e-4a3b-8f00-5b9a1c2d3e4f","start_time":"2026-07-01T10:00:00Z"}"#, #"field "id": invalid value "0190b5d2-7c1e-4a3b-8f00-5b9a1c2d3e4f" (expected a version 7 UUID)"#),
        (#"{"trace_id":"t1","start_time":"2026-07-01T10:00:00Z"}"#, #"field "trace_id": invalid value "t1" (expected a UUID)"#),
        (#"{"total_estimated_cost":-0.5,"start_time":"2026-07-01T10:00:00Z"}"#, #"field "total_estimated_cost": invalid value -0.5 (expected a number of at least 0)"#),
        (#"{"usage":{"prompt_tokens":1.5},"start_time":"2026-07-01T10:00:00Z"}"#, #"field "usage.prompt_tokens": invalid value 1.5 (expected a whole number)"#),
        (#"{"tags":["a",1],"start_time":"2026-07-01T10:00:00Z"}"#, #"field "tags": invalid value ["a",1] (expected an array of strings)"#),
        (#"{"source":"cli","start_time":"2026-07-01T10:00:00Z"}"#, #"field "source": invalid value "cli" (expected one of sdk, experiment, playground, optimization, evaluator)"#),
        (#"{"environment":"\#(String(repeating: "e", count: 151))","start_time":"2026-07-01T10:00:00Z"}"#, #"field "environment": longer than 150 characters"#),
        (#"["not","a","span"]"#, "expected a JSON object (a span), found an array"),
        (#"{"name": "x", oops}"#, "15: invalid JSON: expected a quoted key"),
    ])
    func anInvalidRecordIsReportedWithLineAndFieldAndNothingIsSent(record: String, message: String) {
        let transport = FakeTransport()
        let input = Self.ndjson(2) + record + "\n" + Self.ndjson(1)
        let result = CLIHarness.run(["spans", "create", "--file", "-"], transport: transport, stdin: input)
        #expect(result.status == 2)
        #expect(result.stderr == "opik: error: <stdin>:3:\(message.hasPrefix("15:") ? "" : " ")\(message)\nhint: nothing was sent; fix the record and run the command again\n")
        #expect(result.stdout == "")
        #expect(transport.requests.isEmpty)
    }

    @Test func everyInvalidRecordIsReportedAndTheFileIsNamed() throws {
        let path = NSTemporaryDirectory() + "bulk-\(UUID().uuidString).ndjson"
        defer { try? FileManager.default.removeItem(atPath: path) }
        let text = Self.ndjson(1) + #"{"type":"lm","start_time":"2026-07-01T10:00:00Z"}"# + "\n" + Self.ndjson(1) + "{oops}\n"
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        let transport = FakeTransport()
        let result = CLIHarness.run(["spans", "create", "--file", path], transport: transport)
        #expect(result.status == 2)
        #expect(result.stderr == """
            opik: error: \(path):2: field "type": invalid value "lm" (expected one of general, tool, llm, guardrail)
            opik: error: \(path):4:2: invalid JSON: expected a quoted key
            hint: nothing was sent: 2 invalid spans; fix them and run the command again

            """)
        #expect(transport.requests.isEmpty)
    }

    /// `PLURAL create -p 'bulk app' --file - --parallel 1` with `batches` batches accepted.
    static func createAccepted(_ plural: String, _ input: String, batches: Int) -> (RunResult, FakeTransport) {
        let transport = FakeTransport()
        for _ in 0..<batches { transport.stub("POST", "/api/v1/private/\(plural)/batch", status: 204) }
        let result = CLIHarness.run([plural, "create", "-p", "bulk app", "--file", "-", "--parallel", "1"],
                                    transport: transport, stdin: input)
        return (result, transport)
    }

    @Test func spansGoOutInBatchesOfAThousandWithIdsTraceIdsProjectAndUpdateTime() throws {
        let (result, transport) = Self.createAccepted("spans", Self.ndjson(2500), batches: 3)
        #expect(result.status == 0)
        #expect(result.stderr == "opik: created 2500 spans in 3 batches (0.0 s)\n")
        let batches = try transport.requests.map(Self.spans)
        #expect(batches.map(\.count) == [1000, 1000, 500])
        let spans = batches.flatMap { $0 }
        let ids = spans.compactMap { $0["id"]?.stringValue }
        #expect(Set(ids).count == 2500)
        #expect(result.stdout == ids.joined(separator: "\n") + "\n")
        #expect(spans.allSatisfy { $0["project_name"] == "bulk app" })
        #expect(spans.allSatisfy { $0["last_updated_at"] == "2026-07-01T12:00:00.000Z" })
        #expect(spans.allSatisfy { UUIDv7.isVersion7($0["trace_id"]?.stringValue ?? "") })
        #expect(spans[1234]["input"] == ["n": 1234])
        #expect(transport.requests.allSatisfy { $0.method == "POST" && $0.headers.contains { $0 == ("Content-Type", "application/json") } })
    }

    @Test func idsAreTheSameOnEveryRunAndCarryTheStartTime() throws {
        let input = Self.ndjson(3) + Self.ndjson(1) + #"{"id":"0190b5d2-7c1e-7a3b-8f00-5b9a1c2d3e4f","trace_id":"\#(Self.traceId)","start_time":"2026-07-01T10:00:00Z"}"# + "\n"
        var outputs: [String] = []
        for _ in 0..<2 {
            let transport = FakeTransport()
            transport.stub("POST", Self.batchPath, status: 204)
            let result = CLIHarness.run(["spans", "create", "--file", "-", "--format", "ndjson"], transport: transport, stdin: input)
            #expect(result.status == 0)
            outputs.append(result.stdout)
        }
        #expect(outputs[0] == outputs[1])
        let pairs = try outputs[0].split(separator: "\n").map { try JSONParser.parse(String($0)) }
        let ids = pairs.compactMap { $0["id"]?.stringValue }
        #expect(ids.count == 5)
        // Records 1 and 4 are identical; the occurrence number keeps their ids apart.
        #expect(Set(ids).count == 5)
        #expect(ids[4] == "0190b5d2-7c1e-7a3b-8f00-5b9a1c2d3e4f")
        let start = UInt64(Date(timeIntervalSince1970: 1_782_900_000).timeIntervalSince1970 * 1000)
        #expect(ids.prefix(4).map { UUIDv7.milliseconds(of: $0) } == [start, start + 1, start + 2, start])
        #expect(pairs.allSatisfy { UUIDv7.isVersion7($0["trace_id"]?.stringValue ?? "") })
    }

    /// Spans, and traces under the same rules.
    @Test(arguments: [("spans", ndjson(2500)), ("traces", TracesCreateTests.ndjson(2500))])
    func aRejectedBatchExits6AndItsRecordsGoToTheFailedFile(plural: String, input: String) throws {
        let failed = NSTemporaryDirectory() + "failed-\(UUID().uuidString).ndjson"
        defer { try? FileManager.default.removeItem(atPath: failed) }
        let transport = FakeTransport()
        let path = "/api/v1/private/\(plural)/batch"
        transport.stub("POST", path, status: 204)
        transport.stub("POST", path, status: 422, body: #"{"errors":["\#(plural)[3].startTime must not be null"]}"#)
        transport.stub("POST", path, status: 204)
        let result = CLIHarness.run([plural, "create", "--file", "-", "--parallel", "1", "--failed", failed],
                                    transport: transport, stdin: input)
        #expect(result.status == 6)
        let sent = try transport.requests.map { try JSONParser.parse(bytes: $0.body ?? [])[plural]?.arrayValue ?? [] }
        let rejected = sent[1]
        let lines = try String(contentsOfFile: failed, encoding: .utf8).split(separator: "\n")
        #expect(try lines.map { try JSONParser.parse(String($0)) } == rejected)
        let accepted = (sent[0] + sent[2]).compactMap { $0["id"]?.stringValue }
        #expect(result.stdout == accepted.joined(separator: "\n") + "\n")
        #expect(result.stderr == """
            opik: error: create \(plural), batch 2 of 3 (lines 1001-2000): \(plural)[3].startTime must not be null (HTTP 422)
            opik: created 1500 of 2500 \(plural); 1 of 3 batches failed (0.0 s)
            opik: error: 1000 of 2500 \(plural) were not accepted
            hint: they are in \(failed); after fixing them run 'opik \(plural) create --file \(failed)'

            """)
    }

    /// Spans, and traces under the same rules.
    @Test(arguments: [("span", ndjson(2001)), ("trace", TracesCreateTests.ndjson(2001))])
    func dryRunChecksAndShowsTheBatchesButSendsNothing(noun: String, input: String) {
        let transport = FakeTransport()
        let result = CLIHarness.run(["\(noun)s", "create", "--file", "-", "--dry-run"], transport: transport, stdin: input)
        #expect(result.status == 0)
        #expect(result.stdout.hasPrefix("""
            would send 2001 \(noun)s in 3 batches to POST /v1/private/\(noun)s/batch; nothing was sent
            batch 1: 1000 \(noun)s, lines 1-1000,
            """))
        #expect(result.stdout.contains("batch 3: 1 \(noun), line 2001, "))
        #expect(result.stdout.contains("first record:\n{\n  \"id\": \"019f"))
        #expect(transport.requests.isEmpty)
    }

    @Test func aJSONArrayIsReadWithTheLineOfEachElement() {
        let transport = FakeTransport()
        let input = "[\n  {\"start_time\": \"2026-07-01T10:00:00Z\"},\n  {\"start_time\": \"2026-07-01T10:00:00Z\",\n   \"type\": \"x\"}\n]\n"
        let result = CLIHarness.run(["spans", "create", "--file", "-"], transport: transport, stdin: input)
        #expect(result.status == 2)
        #expect(result.stderr.hasPrefix(#"opik: error: <stdin>:3: field "type": invalid value "x""#))
    }

    @Test func connectionDropsAndBusyAnswersAreRetriedWithTheSameBody() throws {
        let transport = FakeTransport()
        transport.fail("POST", Self.batchPath, with: .dropped("connection reset"))
        transport.stub("POST", Self.batchPath, status: 503)
        transport.stub("POST", Self.batchPath, status: 204)
        let result = CLIHarness.run(["spans", "create", "--file", "-"], transport: transport, stdin: Self.ndjson(10))
        #expect(result.status == 0)
        #expect(transport.requests.count == 3)
        #expect(Set(transport.requests.map { $0.body ?? [] }).count == 1)
    }

    @Test func anAuthenticationFailureStopsAtOnceWithItsOwnStatus() {
        let transport = FakeTransport()
        transport.stub("POST", Self.batchPath, status: 401, body: #"{"code":401,"message":"API key should be provided"}"#)
        let result = CLIHarness.run(["spans", "create", "--file", "-", "--parallel", "1"], transport: transport, stdin: Self.ndjson(3000))
        #expect(result.status == 4)
        #expect(transport.requests.count == 1)
        #expect(result.stderr.hasPrefix("opik: error: create spans, batch 1 of 3 (lines 1-1000): API key should be provided (HTTP 401)\nhint: check the API key"))
    }

    @Test func aTerminalShowsProgressOnOneLineAndQuietShowsNothing() {
        let transport = FakeTransport()
        for _ in 0..<2 { transport.stub("POST", Self.batchPath, status: 204) }
        let shown = CLIHarness.run(["spans", "create", "--file", "-", "--parallel", "1"], transport: transport,
                                   stdin: Self.ndjson(1500), isTerminal: true)
        #expect(shown.status == 0)
        #expect(shown.stderr.hasPrefix("\r\u{1B}[Kopik: 1000/1500 spans (66%), "))
        #expect(shown.stderr.hasSuffix("\r\u{1B}[Kopik: 1500/1500 spans (100%), 1500000/s\r\u{1B}[Kopik: created 1500 spans in 2 batches (0.0 s)\n"))
        for _ in 0..<2 { transport.stub("POST", Self.batchPath, status: 204) }
        let quiet = CLIHarness.run(["spans", "create", "--file", "-", "-q"], transport: transport, stdin: Self.ndjson(1500), isTerminal: true)
        #expect(quiet.status == 0)
        #expect(quiet.stderr == "")
    }

    @Test func jsonOutputListsIdAndTraceIdOfEverySpan() throws {
        let transport = FakeTransport()
        transport.stub("POST", Self.batchPath, status: 204)
        let result = CLIHarness.run(["spans", "create", "--file", "-", "--format", "json"], transport: transport, stdin: Self.ndjson(3))
        let printed = try JSONParser.parse(result.stdout).arrayValue ?? []
        let sent = try Self.spans(in: transport.requests[0])
        #expect(printed == sent.map { ["id": $0["id"] ?? nil, "trace_id": $0["trace_id"] ?? nil] })
    }
}
