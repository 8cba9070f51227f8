import Foundation
import OpikCLI
import OpikCore
import OpikTestSupport
import Testing

/// `traces create`: one trace from flags, many from a file, under the rules of `spans create`.
@Suite struct TracesCreateTests {
    static let batchPath = "/api/v1/private/traces/batch"

    /// `count` NDJSON traces starting one millisecond apart from 2026-07-01T10:00:00Z.
    static func ndjson(_ count: Int) -> String {
        (0..<count).map { i in
            #"{"name":"run \#(i % 5)","thread_id":"t-\#(i % 3)","start_time":"2026-07-01T10:00:00.\#(String(format: "%03d", i % 1000))Z","input":{"n":\#(i)}}"#
        }.joined(separator: "\n") + "\n"
    }

    static func traces(in request: HTTPRequest) throws -> [JSONValue] {
        try JSONParser.parse(bytes: request.body ?? [])["traces"]?.arrayValue ?? []
    }

    @Test func flagsBecomeOneTraceSentThroughTheBatchEndpoint() throws {
        let transport = FakeTransport()
        transport.stub("POST", Self.batchPath, status: 204)
        let result = CLIHarness.run([
            "traces", "create", "-p", "my-app", "--name", "checkout", "--start-time", "2026-07-01T10:00:00Z",
            "--end-time", "2026-07-01T10:00:02Z", "--input", #"{"cart": 3}"#, "--output", #""paid""#, "--metadata", #"{"v": 2}"#,
            "--tags", "a,b", "--thread-id", "conversation-42", "--environment", "prod", "--error-type", "Timeout",
            "--error-message", "slow", "--format", "json",
        ], transport: transport)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(transport.requests.count == 1)
        #expect(FakeTransport.path(of: transport.requests[0].url) == Self.batchPath)
        let traces = try Self.traces(in: transport.requests[0])
        let id = traces.first?["id"]?.stringValue ?? ""
        #expect(UUIDv7.milliseconds(of: id) == 1_782_900_000_000)
        #expect(traces == [.object([
            ("id", .string(id)), ("project_name", "my-app"), ("start_time", "2026-07-01T10:00:00.000Z"), ("name", "checkout"),
            ("end_time", "2026-07-01T10:00:02.000Z"), ("input", ["cart": 3]), ("output", "paid"), ("metadata", ["v": 2]),
            ("tags", ["a", "b"]), ("thread_id", "conversation-42"), ("environment", "prod"),
            ("error_info", .object([("exception_type", "Timeout"), ("message", "slow")])),
            ("last_updated_at", "2026-07-01T12:00:00.000Z"),
        ])])
        #expect(result.stdout == "{\n  \"id\": \"\(id)\"\n}\n")
        #expect(result.stderr == "")
    }

    @Test(arguments: [
        (["--type", "llm"], "opik: error: unknown option '--type' for 'opik traces create'"),
        (["--end-time", "2026-07-01T09:00:00Z", "--start-time", "2026-07-01T10:00:00Z"], "opik: error: invalid --end-time '2026-07-01T09:00:00Z': it is before the start time (2026-07-01T10:00:00.000Z)"),
        (["--environment", String(repeating: "e", count: 151)], "opik: error: invalid --environment: longer than 150 characters"),
        (["--file", "-", "--thread-id", "t"], "opik: error: --file cannot be combined with --thread-id"),
    ])
    func badFlagsAreUsageErrorsAndNothingIsSent(flags: [String], message: String) {
        let transport = FakeTransport()
        let result = CLIHarness.run(["traces", "create"] + flags, transport: transport, stdin: "")
        #expect(result.status == 2)
        #expect(result.stderr.hasPrefix(message), "\(result.stderr)")
        #expect(transport.requests.isEmpty)
    }

    @Test func aFileGoesOutInBatchesWithIdsThatAreTheSameOnEveryRun() throws {
        var outputs: [String] = []
        var sent: [[JSONValue]] = []
        for _ in 0..<2 {
            let transport = FakeTransport()
            for _ in 0..<2 { transport.stub("POST", Self.batchPath, status: 204) }
            let result = CLIHarness.run(["traces", "create", "-p", "bulk app", "--file", "-", "--parallel", "1"],
                                        transport: transport, stdin: Self.ndjson(1500))
            #expect(result.status == 0)
            #expect(result.stderr == "opik: created 1500 traces in 2 batches (0.0 s)\n")
            #expect(transport.requests.map { FakeTransport.path(of: $0.url) } == [Self.batchPath, Self.batchPath])
            sent.append(try transport.requests.flatMap(Self.traces))
            outputs.append(result.stdout)
        }
        #expect(outputs[0] == outputs[1])
        let traces = sent[0]
        #expect(traces.count == 1500)
        let ids = traces.compactMap { $0["id"]?.stringValue }
        #expect(Set(ids).count == 1500)
        #expect(outputs[0] == ids.joined(separator: "\n") + "\n")
        // Traces carry no trace_id, and the filled members come first.
        #expect(traces[7].objectMembers?.map(\.0) == ["id", "project_name", "last_updated_at", "name", "thread_id", "start_time", "input"])
        #expect(traces[7]["project_name"] == "bulk app")
        #expect(UUIDv7.milliseconds(of: ids[7]) == 1_782_900_000_007)
    }

    @Test func aBadRecordIsReportedWithLineAndFieldAndNothingIsSent() {
        let transport = FakeTransport()
        let input = Self.ndjson(2) + #"{"start_time":"2026-07-01T10:00:00Z","source":"cli"}"# + "\n" + #"{"name":"x"}"# + "\n"
        let result = CLIHarness.run(["traces", "create", "--file", "-"], transport: transport, stdin: input)
        #expect(result.status == 2)
        #expect(result.stderr == """
            opik: error: <stdin>:3: field "source": invalid value "cli" (expected one of sdk, experiment, playground, optimization, evaluator)
            opik: error: <stdin>:4: field "start_time": missing (every trace needs a start time)
            hint: nothing was sent: 2 invalid traces; fix them and run the command again

            """)
        #expect(transport.requests.isEmpty)
    }

    @Test func aRejectedBatchExits6AndItsRecordsGoToTheFailedFile() throws {
        let failed = NSTemporaryDirectory() + "failed-traces-\(UUID().uuidString).ndjson"
        defer { try? FileManager.default.removeItem(atPath: failed) }
        let transport = FakeTransport()
        transport.stub("POST", Self.batchPath, status: 204)
        transport.stub("POST", Self.batchPath, status: 422, body: #"{"errors":["traces size must be between 1 and 1000"]}"#)
        let result = CLIHarness.run(["traces", "create", "--file", "-", "--parallel", "1", "--failed", failed],
                                    transport: transport, stdin: Self.ndjson(1200))
        #expect(result.status == 6)
        let sent = try transport.requests.map(Self.traces)
        let lines = try String(contentsOfFile: failed, encoding: .utf8).split(separator: "\n")
        #expect(try lines.map { try JSONParser.parse(String($0)) } == sent[1])
        #expect(result.stdout == sent[0].compactMap { $0["id"]?.stringValue }.joined(separator: "\n") + "\n")
        #expect(result.stderr == """
            opik: error: create traces, batch 2 of 2 (lines 1001-1200): traces size must be between 1 and 1000 (HTTP 422)
            opik: created 1000 of 1200 traces; 1 of 2 batches failed (0.0 s)
            opik: error: 200 of 1200 traces were not accepted
            hint: they are in \(failed); after fixing them run 'opik traces create --file \(failed)'

            """)
    }

    @Test func dryRunChecksAndShowsTheBatchesButSendsNothing() {
        let transport = FakeTransport()
        let result = CLIHarness.run(["traces", "create", "--file", "-", "--dry-run"], transport: transport, stdin: Self.ndjson(1001))
        #expect(result.status == 0)
        #expect(result.stdout.hasPrefix("""
            would send 1001 traces in 2 batches to POST /v1/private/traces/batch; nothing was sent
            batch 1: 1000 traces, lines 1-1000,
            """))
        #expect(result.stdout.contains("first record:\n{\n  \"id\": \"019f"))
        #expect(transport.requests.isEmpty)
    }
}
