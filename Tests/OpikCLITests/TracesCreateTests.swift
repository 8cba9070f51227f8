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
            let (result, transport) = BulkCreateTests.createAccepted("traces", Self.ndjson(1500), batches: 2)
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

    // A rejected batch and a dry run: in `BulkCreateTests`, for both entities.
}
