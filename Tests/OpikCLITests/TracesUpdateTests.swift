import Foundation
import OpikCore
import OpikTestSupport
import Testing

/// `traces update`: every id looked up first, one PATCH for one trace, batches for several.
@Suite struct TracesUpdateTests {
    typealias H = EditHarness
    static let trace = H.trace
    static let other = H.otherTrace
    static let unknown = H.thirdTrace
    static let projectId = H.projectId

    static func stubTrace(_ transport: FakeTransport, _ id: String) {
        H.stubTrace(transport, id, name: "checkout", spans: 0, extra: #""start_time":"2026-07-01T10:00:00Z""#)
    }

    @Test func oneTraceIsPatchedInItsOwnProject() {
        let transport = FakeTransport()
        Self.stubTrace(transport, Self.trace)
        transport.stub("PATCH", "/api/v1/private/traces/\(Self.trace)", status: 204)
        let result = H.run(["traces", "update", Self.trace, "--name", "paid", "--thread-id", "conversation-42",
                            "--end-time", "2026-07-01T10:00:05Z", "--output", #"{"ok":true}"#], transport: transport)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(transport.requests.map(\.line) == ["GET /api/v1/private/traces/\(Self.trace)", "PATCH /api/v1/private/traces/\(Self.trace)"])
        #expect(transport.requests[1].bodyText == #"{"project_id":"\#(Self.projectId)","name":"paid","end_time":"2026-07-01T10:00:05.000Z","output":{"ok":true},"thread_id":"conversation-42"}"#)
        #expect(transport.unusedStubs.isEmpty)
    }

    @Test func severalIdsAndTagEditsGoOutInOneBatch() {
        let transport = FakeTransport()
        Self.stubTrace(transport, Self.trace)
        Self.stubTrace(transport, Self.other)
        transport.stub("PATCH", "/api/v1/private/traces/batch", status: 204)
        let result = H.run(["traces", "update", "-", "--add-tag", "reviewed", "--remove-tag", "draft", "--remove-tag", "wip"],
                           transport: transport, stdin: "\(Self.trace)\n\(Self.other)\n\(Self.trace)\n")
        #expect(result.status == 0, "\(result.stderr)")
        #expect(transport.requests.map(\.method) == ["GET", "GET", "PATCH"])
        #expect(transport.requests[2].line == "PATCH /api/v1/private/traces/batch")
        #expect(transport.requests[2].bodyText == #"{"ids":["\#(Self.trace)","\#(Self.other)"],"update":{"tags_to_add":["reviewed"],"tags_to_remove":["draft","wip"]},"merge_tags":false}"#)
    }

    @Test func tagEditsOfOneTraceGoThroughTheBatchUpdate() {
        let transport = FakeTransport()
        Self.stubTrace(transport, Self.trace)
        transport.stub("PATCH", "/api/v1/private/traces/batch", status: 204)
        let result = H.run(["traces", "update", Self.trace, "--add-tag", "x"], transport: transport)
        #expect(result.status == 0)
        #expect(transport.requests.last?.bodyText == #"{"ids":["\#(Self.trace)"],"update":{"tags_to_add":["x"]},"merge_tags":false}"#)
    }

    /// As `spans update` does: the unknown id is reported and left out (the server would
    /// store a placeholder for it), the others are changed, and the status is 3.
    @Test func anUnknownIdExits3AndOnlyTheTracesThatExistAreWritten() {
        let transport = FakeTransport()
        Self.stubTrace(transport, Self.trace)
        transport.stub("GET", "/api/v1/private/traces/\(Self.unknown)", status: 404,
                       body: #"{"code":404,"message":"Trace id: \#(Self.unknown) not found"}"#)
        transport.stub("PATCH", "/api/v1/private/traces/\(Self.trace)", status: 204)
        let result = H.run(["traces", "update", Self.trace, Self.unknown, "--name", "x"], transport: transport)
        #expect(result.status == 3)
        #expect(result.stderr == "opik: error: trace \(Self.unknown) not found; not updated\n")
        #expect(transport.requests.filter { $0.method == "PATCH" }.map(\.line) == ["PATCH /api/v1/private/traces/\(Self.trace)"])
    }

    @Test func moreThan1000IdsGoOutInBatchesOf1000() throws {
        let transport = FakeTransport()
        let ids = (0..<1001).map { String(format: "0190b5d2-7c1e-7a3b-8f00-%012d", $0 + 1000) }
        for id in ids { Self.stubTrace(transport, id) }
        transport.stub("PATCH", "/api/v1/private/traces/batch", status: 204)
        transport.stub("PATCH", "/api/v1/private/traces/batch", status: 204)
        let result = H.run(["traces", "update", "-", "--environment", "staging"], transport: transport, stdin: ids.joined(separator: "\n"))
        #expect(result.status == 0, "\(result.stderr)")
        let patches = transport.requests.filter { $0.method == "PATCH" }
        #expect(try patches.map { try JSONParser.parse(bytes: $0.body ?? [])["ids"]?.arrayValue?.count } == [1000, 1])
    }

    @Test(arguments: [
        (["--type", "llm"], "opik: error: unknown option '--type' for 'opik traces update'"),
        (["--tags", "a", "--add-tag", "b"], "opik: error: --tags cannot be combined with --add-tag or --remove-tag"),
        ([String](), "opik: error: nothing to change"),
    ])
    func badFlagsAreUsageErrorsAndNothingIsSent(flags: [String], message: String) {
        let transport = FakeTransport()
        let result = H.run(["traces", "update", Self.trace] + flags, transport: transport)
        #expect(result.status == 2)
        #expect(result.stderr.hasPrefix(message), "\(result.stderr)")
        #expect(transport.requests.isEmpty)
    }

    @Test func dryRunLooksUpAndPrintsThePatchWithoutSendingIt() {
        let transport = FakeTransport()
        Self.stubTrace(transport, Self.trace)
        let result = H.run(["traces", "update", Self.trace, "--environment", "staging", "--dry-run"], transport: transport)
        #expect(result.status == 0)
        #expect(transport.requests.map(\.method) == ["GET"])
        #expect(result.stdout.hasPrefix("PATCH "))
        #expect(result.stdout.hasSuffix("/api/v1/private/traces/\(Self.trace)\n{\n  \"project_id\": \"\(Self.projectId)\",\n  \"environment\": \"staging\"\n}\n"))
    }
}
