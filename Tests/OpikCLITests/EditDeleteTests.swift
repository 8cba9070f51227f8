import OpikCore
import OpikTestSupport
import Testing

@Suite struct EditDeleteTests {
    typealias H = EditHarness
    static let tracePath = "/api/v1/private/traces/\(H.trace)"

    @Test func aSingleSpanDeleteSaysPlainlyThatTheServerCannotAndNamesTheTrace() {
        let transport = FakeTransport()
        transport.stub("DELETE", "/api/v1/private/spans/\(H.span)", status: 501)
        transport.stub("GET", "/api/v1/private/spans/\(H.span)", body: H.spanJSON())
        let result = H.run(["spans", "delete", H.span], transport: transport)
        #expect(result.status == 1)
        #expect(result.stdout == "")
        #expect(result.stderr == """
            opik: error: delete span \(H.span): Opik servers cannot delete single spans (HTTP 501)
            hint: delete the span's trace with all its spans: opik spans delete --trace \(H.trace)

            """)
        #expect(transport.requests.map(\.line) == ["DELETE /api/v1/private/spans/\(H.span)", "GET /api/v1/private/spans/\(H.span)"])
    }

    @Test func theHintStaysGeneralWhenTheSpanCannotBeFound() {
        let transport = FakeTransport()
        transport.stub("DELETE", "/api/v1/private/spans/\(H.unknownSpan)", status: 501)
        transport.stub("GET", "/api/v1/private/spans/\(H.unknownSpan)", status: 404, body: #"{"code":404,"message":"not found"}"#)
        let result = H.run(["spans", "delete", H.unknownSpan], transport: transport)
        #expect(result.status == 1)
        #expect(result.stderr.hasSuffix("hint: delete the whole trace with all its spans: opik spans delete --trace TRACE_ID\n"))
    }

    @Test func withoutATerminalTheTraceDeleteNeedsYesAndSendsNoDelete() {
        let transport = FakeTransport()
        H.stubTrace(transport)
        let result = H.run(["spans", "delete", "--trace", H.trace], transport: transport)
        #expect(result.status == 2)
        #expect(result.stderr == """
            opik: error: refusing to delete 1 trace ("rag") with 3 spans without confirmation: standard input is not a terminal
            hint: add --yes to delete without asking

            """)
        #expect(transport.requests.map(\.line) == ["GET \(Self.tracePath)"])
    }

    @Test func yesDeletesTheTracesFromStandardInputInOneRequest() {
        let transport = FakeTransport()
        H.stubTrace(transport)
        H.stubTrace(transport, H.otherTrace, name: "checkout", spans: 1)
        transport.stub("POST", "/api/v1/private/traces/delete", status: 204)
        let result = H.run(["spans", "delete", "--trace", "-", "--yes"], transport: transport, stdin: "\(H.trace)\n\(H.otherTrace)\n")
        #expect(result.status == 0)
        #expect(result.stderr == "opik: deleted 2 traces (\"rag\", \"checkout\") with 4 spans\n")
        #expect(transport.requests.last?.line == "POST /api/v1/private/traces/delete")
        #expect(transport.requests.last?.bodyText == #"{"ids":["\#(H.trace)","\#(H.otherTrace)"],"project_id":"\#(H.projectId)"}"#)
        #expect(transport.unusedStubs.isEmpty)
    }

    @Test(arguments: [("y", true), ("YES", true), ("n", false), ("", false), (nil, false)] as [(String?, Bool)])
    func onATerminalTheUserIsAsked(answer: String?, deletes: Bool) {
        let transport = FakeTransport()
        H.stubTrace(transport)
        if deletes { transport.stub("POST", "/api/v1/private/traces/delete", status: 204) }
        let answers = EditHarness.Answers([answer])
        let result = H.run(["spans", "delete", "--trace", H.trace], transport: transport, stdinIsTerminal: true, answers: answers)
        #expect(answers.asked == 1)
        #expect(result.stderr.hasPrefix("Delete 1 trace (\"rag\") with 3 spans? [y/N] "))
        #expect(result.status == (deletes ? 0 : 1))
        #expect(transport.requests.contains { $0.method == "POST" } == deletes)
        #expect(result.stderr.hasSuffix(deletes ? "opik: deleted 1 trace (\"rag\") with 3 spans\n" : "opik: nothing deleted\n"))
    }

    @Test func spansAreCountedInTheTracesOwnProjectWhenTheTraceHasNoCount() {
        let transport = FakeTransport()
        H.stubTrace(transport, spans: nil)
        transport.stub("GET", "/api/v1/private/spans", body: #"{"page":1,"size":1,"total":7,"content":[]}"#)
        let result = H.run(["spans", "delete", "--trace", H.trace], transport: transport)
        #expect(result.status == 2)
        #expect(result.stderr.hasPrefix("opik: error: refusing to delete 1 trace (\"rag\") with 7 spans"))
        let count = transport.requests[1].url
        #expect(count.contains("project_id=\(H.projectId)"))
        #expect(count.contains("trace_id=\(H.trace)"))
        #expect(count.contains("size=1"))
    }

    @Test func aTraceInAnotherProjectThanTheOneGivenIsRefused() {
        let transport = FakeTransport()
        transport.stub("POST", "/api/v1/private/projects/retrieve", body: #"{"id":"0190b5d2-0000-7000-8000-00000000ffff","name":"mine"}"#)
        H.stubTrace(transport)
        let result = H.run(["spans", "delete", "--trace", H.trace, "-p", "mine", "--yes"], transport: transport)
        #expect(result.status == 2)
        #expect(result.stderr.hasPrefix("opik: error: trace \(H.trace) belongs to another project (id \(H.projectId)), not project 'mine'; nothing deleted\n"))
        #expect(transport.requests[0].bodyText == #"{"name":"mine"}"#)
        #expect(!transport.requests.contains { $0.line == "POST /api/v1/private/traces/delete" })
    }

    @Test func unknownTracesAreReportedAndTheOthersDeleted() {
        let transport = FakeTransport()
        H.stubTrace(transport)
        H.stubUnknownTrace(transport, H.otherTrace)
        transport.stub("POST", "/api/v1/private/traces/delete", status: 204)
        let result = H.run(["spans", "delete", "--trace", H.trace, H.otherTrace, "--yes", "-q"], transport: transport)
        #expect(result.status == 3)
        #expect(result.stderr == "opik: error: trace \(H.otherTrace) not found\n")
        #expect(transport.requests.last?.bodyText == #"{"ids":["\#(H.trace)"],"project_id":"\#(H.projectId)"}"#)
    }

    @Test func dryRunCountsAndPrintsTheDeleteWithoutSendingIt() {
        let transport = FakeTransport()
        H.stubTrace(transport)
        let result = H.run(["spans", "delete", "--trace", H.trace, "--dry-run"], transport: transport)
        #expect(result.status == 0)
        #expect(result.stderr == "opik: would delete 1 trace (\"rag\") with 3 spans\n")
        #expect(result.stdout == "POST http://opik.test/api/v1/private/traces/delete\n{\n  \"ids\": [\n    \"\(H.trace)\"\n  ],\n  \"project_id\": \"\(H.projectId)\"\n}\n")
        #expect(transport.requests.map(\.method) == ["GET"])
    }

    @Test func spanDeleteDryRunSendsNothing() {
        let transport = FakeTransport()
        let result = H.run(["spans", "delete", H.span, H.otherSpan, "--dry-run"], transport: transport)
        #expect(result.status == 0)
        #expect(result.stdout == "DELETE http://opik.test/api/v1/private/spans/\(H.span)\n\nDELETE http://opik.test/api/v1/private/spans/\(H.otherSpan)\n")
        #expect(transport.requests.isEmpty)
    }

    @Test func yesWithoutTraceIsAUsageError() {
        let transport = FakeTransport()
        let result = H.run(["spans", "delete", H.span, "--yes"], transport: transport)
        #expect(result.status == 2)
        #expect(result.stderr.hasPrefix("opik: error: --yes and --project-id apply only with --trace\n"))
        #expect(transport.requests.isEmpty)
    }
}
