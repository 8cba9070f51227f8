import OpikCore
import OpikTestSupport
import Testing

/// `traces delete`: by id, from standard input or through a filter; what it shows, asks and sends.
@Suite struct TracesDeleteTests {
    typealias H = EditHarness
    static let deletePath = "/api/v1/private/traces/delete"
    static let searchPath = "/api/v1/private/traces/search"
    static let input = #""input":{"q":"?"}"#

    static func trace(_ id: String, name: String, spans: Int, project: String = H.projectId) -> String {
        H.traceJSON(id, name: name, spans: spans, project: project, extra: input)
    }

    static func stubTrace(_ transport: FakeTransport, _ id: String, name: String, spans: Int, project: String = H.projectId) {
        H.stubTrace(transport, id, name: name, spans: spans, project: project, extra: input)
    }

    @Test func eachBatchNamesTheProjectOfItsTraces() {
        let transport = FakeTransport()
        Self.stubTrace(transport, H.trace, name: "rag", spans: 3)
        Self.stubTrace(transport, H.otherTrace, name: "checkout", spans: 0, project: H.otherProject)
        Self.stubTrace(transport, H.thirdTrace, name: "rag", spans: 2)
        transport.stub("POST", Self.deletePath, status: 204)
        transport.stub("POST", Self.deletePath, status: 204)
        let result = H.run(["traces", "delete", H.trace, H.otherTrace, H.thirdTrace, "--yes"], transport: transport)
        #expect(result.status == 0)
        #expect(result.stdout == "")
        #expect(result.stderr == "opik: deleted 3 traces (\"rag\", \"checkout\", \"rag\") with 5 spans\n")
        let deletes = transport.requests.filter { $0.line == "POST \(Self.deletePath)" }.map(\.bodyText)
        #expect(deletes == [
            #"{"ids":["\#(H.trace)","\#(H.thirdTrace)"],"project_id":"\#(H.projectId)"}"#,
            #"{"ids":["\#(H.otherTrace)"],"project_id":"\#(H.otherProject)"}"#,
        ])
        #expect(transport.unusedStubs.isEmpty)
    }

    @Test func idsFromStandardInputAreReadOnceEach() {
        let transport = FakeTransport()
        Self.stubTrace(transport, H.trace, name: "rag", spans: 3)
        Self.stubTrace(transport, H.otherTrace, name: "checkout", spans: 1)
        transport.stub("POST", Self.deletePath, status: 204)
        let result = H.run(["traces", "delete", "-", "--yes"], transport: transport,
                           stdin: "\(H.trace)\n\(H.otherTrace), \(H.trace.uppercased())\n")
        #expect(result.status == 0)
        #expect(transport.requests.filter { $0.method == "GET" }.count == 2)
        #expect(transport.requests.last?.bodyText == #"{"ids":["\#(H.trace)","\#(H.otherTrace)"],"project_id":"\#(H.projectId)"}"#)
    }

    @Test func aFilterSelectsTheTracesOfTheProjectThroughTheSearchStream() throws {
        let transport = FakeTransport()
        transport.stub("POST", Self.searchPath, body: Self.trace(H.otherTrace, name: "smoke", spans: 2) + "\r\n"
                       + Self.trace(H.trace, name: "smoke", spans: 1) + "\r\n")
        transport.stub("POST", Self.searchPath, body: "")
        transport.stub("POST", Self.deletePath, status: 204)
        let result = H.run(["traces", "delete", "-p", "my app", "-f", #"name = "smoke""#, "--yes"], transport: transport)
        #expect(result.status == 0)
        #expect(result.stderr == "opik: deleted 2 traces (\"smoke\", \"smoke\") with 3 spans in project 'my app'\n")
        #expect(transport.requests.map(\.line) == ["POST \(Self.searchPath)", "POST \(Self.searchPath)", "POST \(Self.deletePath)"])
        let search = try JSONParser.parse(bytes: transport.requests[0].body ?? [])
        #expect(search["project_name"] == "my app")
        #expect(search["filters"] == [
            ["field": "name", "operator": "=", "key": "", "value": "smoke"],
            ["field": "visibility_mode", "operator": "=", "key": "", "value": "default"],
        ])
        #expect(search["exclude"]?.arrayValue?.contains("input") == true)
        #expect(transport.requests[2].bodyText == #"{"ids":["\#(H.otherTrace)","\#(H.trace)"],"project_id":"\#(H.projectId)"}"#)
    }

    @Test func aFilterThatMatchesNothingDeletesNothing() {
        let transport = FakeTransport()
        transport.stub("POST", Self.searchPath, body: "")
        let result = H.run(["traces", "delete", "--project-id", H.projectId, "-f", "llm_span_count > 100", "--yes"], transport: transport)
        #expect(result.status == 0)
        #expect(result.stderr == "opik: no traces match in project id \(H.projectId); nothing deleted\n")
        #expect(transport.requests.map(\.line) == ["POST \(Self.searchPath)"])
    }

    @Test func withoutATerminalDeletingNeedsYes() {
        let transport = FakeTransport()
        for (id, name) in [(H.trace, "a"), (H.otherTrace, "b"), (H.thirdTrace, "c"), (H.fourthTrace, "d")] {
            Self.stubTrace(transport, id, name: name, spans: 1)
        }
        let result = H.run(["traces", "delete", H.trace, H.otherTrace, H.thirdTrace, H.fourthTrace], transport: transport)
        #expect(result.status == 2)
        #expect(result.stderr == """
            opik: error: refusing to delete 4 traces ("a", "b", "c", …) with 4 spans without confirmation: standard input is not a terminal
            hint: add --yes to delete without asking

            """)
        #expect(transport.requests.allSatisfy { $0.method == "GET" })
    }

    @Test func onATerminalTheAnswerDecides() {
        let transport = FakeTransport()
        Self.stubTrace(transport, H.trace, name: "rag", spans: 3)
        let answers = EditHarness.Answers(["no"])
        let result = H.run(["traces", "delete", H.trace], transport: transport, stdinIsTerminal: true, answers: answers)
        #expect(result.status == 1)
        #expect(result.stderr == "Delete 1 trace (\"rag\") with 3 spans? [y/N] opik: nothing deleted\n")
        #expect(!transport.requests.contains { $0.method == "POST" })
    }

    @Test func dryRunPrintsTheRequestsAndSendsNone() {
        let transport = FakeTransport()
        Self.stubTrace(transport, H.trace, name: "rag", spans: 3)
        let result = H.run(["traces", "delete", H.trace, "--dry-run"], transport: transport)
        #expect(result.status == 0)
        #expect(result.stderr == "opik: would delete 1 trace (\"rag\") with 3 spans\n")
        #expect(result.stdout == """
            POST http://opik.test/api/v1/private/traces/delete
            {
              "ids": [
                "\(H.trace)"
              ],
              "project_id": "\(H.projectId)"
            }

            """)
        #expect(transport.requests.map(\.method) == ["GET"])
    }

    @Test func unknownIdsAreReportedWithStatus3AndTheOthersDeleted() {
        let transport = FakeTransport()
        Self.stubTrace(transport, H.trace, name: "rag", spans: 3)
        H.stubUnknownTrace(transport, H.otherTrace)
        transport.stub("POST", Self.deletePath, status: 204)
        let result = H.run(["traces", "delete", H.trace, H.otherTrace, "--yes"], transport: transport)
        #expect(result.status == 3)
        #expect(result.stderr == "opik: error: trace \(H.otherTrace) not found\nopik: deleted 1 trace (\"rag\") with 3 spans\n")
        #expect(transport.requests.last?.bodyText == #"{"ids":["\#(H.trace)"],"project_id":"\#(H.projectId)"}"#)
    }

    @Test(arguments: [
        (["traces", "delete", H.trace, "-f", "name = \"a\""], "opik: error: give trace ids or --filter, not both\n"),
        (["traces", "delete"], "opik: error: no trace id given\nhint: give trace ids, - to read them from standard input, or --filter EXPR\n"),
        (["traces", "delete", "-f", "nonsense ~ 1"], "opik: error: invalid --filter 'nonsense ~ 1'"),
        (["traces", "delete", "not-a-uuid"], "opik: error: invalid trace id 'not-a-uuid'"),
    ])
    func usageErrorsSendNothing(arguments: [String], message: String) {
        let transport = FakeTransport()
        let result = H.run(arguments, transport: transport)
        #expect(result.status == 2)
        #expect(result.stderr.hasPrefix(message))
        #expect(transport.requests.isEmpty)
    }
}
