import Foundation
import OpikCLI
import OpikCore
import OpikTestSupport
import Testing

/// `traces score upload`: the trace lookups before sending, the projects scores are filed
/// under, and the command to run again (the input rules are those of spans, tested with them).
@Suite struct TraceScoreUploadTests {
    static let path = "/api/v1/private/traces/feedback-scores"
    static let (trace1, trace2, unknown) = (EditHarness.trace, EditHarness.otherTrace, EditHarness.thirdTrace)
    static let (project1, project2) = (EditHarness.projectId, EditHarness.otherProject)

    /// A trace as the server reads it back: its project by id only.
    static func stubTrace(_ transport: FakeTransport, _ id: String, project: String) {
        EditHarness.stubTrace(transport, id, name: "run", spans: 2, project: project)
    }

    @Test func eachScoreIsFiledUnderItsTracesProjectAndUnknownTracesFail() throws {
        let failed = NSTemporaryDirectory() + "failed-\(UUID().uuidString).csv"
        defer { try? FileManager.default.removeItem(atPath: failed) }
        let transport = FakeTransport()
        Self.stubTrace(transport, Self.trace1, project: Self.project1)
        Self.stubTrace(transport, Self.trace2, project: Self.project2)
        EditHarness.stubUnknownTrace(transport, Self.unknown)
        transport.stub("GET", "/api/v1/private/projects/\(Self.project1)", body: #"{"id":"\#(Self.project1)","name":"chat"}"#)
        transport.stub("GET", "/api/v1/private/projects/\(Self.project2)", body: #"{"id":"\#(Self.project2)","name":"search"}"#)
        transport.stub("PUT", Self.path, status: 204)
        let csv = "id,name,value,project_name\n"
            + "\(Self.trace1),accuracy,0.9,\n"
            + "\(Self.unknown),accuracy,0.1,\n"
            + "\(Self.trace2.uppercased()),accuracy,1,elsewhere\n"
            + "\(Self.trace1),relevance,0.5,\n"
        let result = CLIHarness.run(["traces", "score", "upload", "-", "--input-format", "csv", "-p", "chat", "--failed", failed],
                                    transport: transport, stdin: csv)
        #expect(result.status == 6)
        #expect(result.stdout == "")
        #expect(result.stderr.hasPrefix("opik: error: <stdin>:3: trace \(Self.unknown) not found; score not uploaded\n"))
        #expect(result.stderr.contains("1 names a trace that does not exist"))
        #expect(try String(contentsOfFile: failed, encoding: .utf8) == "id,name,value,project_name\n\(Self.unknown),accuracy,0.1,\n")
        // One lookup per distinct trace, one per distinct project, then the batch.
        #expect(transport.requests.filter { $0.url.contains("/traces/0190") }.count == 3)
        #expect(transport.requests.filter { $0.url.contains("/projects/") }.count == 2)
        let put = try #require(transport.requests.last)
        #expect(put.line == "PUT \(Self.path)")
        let scores = try BulkScoreUploadTests.scores(in: put)
        #expect(scores.map { $0["id"]?.stringValue?.lowercased() } == [Self.trace1, Self.trace2, Self.trace1])
        #expect(scores.map { $0["project_name"] } == ["chat", "search", "chat"])
        #expect(transport.unusedStubs.isEmpty)
    }

    @Test func noCheckSendsEveryScoreUnderTheGivenProject() throws {
        let transport = FakeTransport()
        transport.stub("PUT", Self.path, status: 204)
        let input = #"{"id":"\#(Self.trace1)","name":"accuracy","value":0.5}"# + "\n"
            + #"{"id":"\#(Self.unknown)","name":"accuracy","value":1,"reason":"why","project_name":"own"}"# + "\n"
        let result = CLIHarness.run(["traces", "score", "upload", "-", "-p", "chat", "--no-check"], transport: transport, stdin: input)
        #expect(result.status == 0)
        #expect(result.stderr == "opik: uploaded 2 scores in 1 batch (0.0 s)\n")
        #expect(transport.requests.map(\.line) == ["PUT \(Self.path)"])
        #expect(try BulkScoreUploadTests.scores(in: transport.requests[0]) == [
            ["id": .string(Self.trace1), "name": "accuracy", "value": .number("0.5"), "project_name": "chat", "source": "sdk"],
            ["id": .string(Self.unknown), "name": "accuracy", "value": 1, "reason": "why", "project_name": "own", "source": "sdk"],
        ])
    }

    @Test func failedNDJSONRowsNameTheTraceCommandToRerun() throws {
        let failed = NSTemporaryDirectory() + "failed-\(UUID().uuidString).ndjson"
        defer { try? FileManager.default.removeItem(atPath: failed) }
        let transport = FakeTransport()
        EditHarness.stubUnknownTrace(transport, Self.unknown)
        let input = #"{"id":"\#(Self.unknown)","name":"accuracy","value":1}"# + "\n"
        let result = CLIHarness.run(["traces", "score", "upload", "-", "--failed", failed], transport: transport, stdin: input)
        #expect(result.status == 6)
        #expect(result.stderr.hasSuffix("hint: they are in \(failed); after fixing them run 'opik traces score upload \(failed)'\n"))
        let line = try JSONParser.parse(try String(contentsOfFile: failed, encoding: .utf8).trimmingCharacters(in: .newlines))
        #expect(line["id"] == .string(Self.unknown))
        #expect(!transport.requests.contains { $0.method == "PUT" })
    }
}
