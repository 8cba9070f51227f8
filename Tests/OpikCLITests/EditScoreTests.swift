import OpikCore
import OpikTestSupport
import Testing

@Suite struct EditScoreTests {
    typealias H = EditHarness
    static let scorePath = "/api/v1/private/spans/\(H.span)/feedback-scores"

    @Test func addSendsOnePutPerScore() {
        let transport = FakeTransport()
        transport.stub("PUT", Self.scorePath, status: 204)
        transport.stub("PUT", Self.scorePath, status: 204)
        let result = H.run(["spans", "score", "add", H.span, "accuracy=0.92", "relevance=1", "--reason", "matches", "--category", "judge"],
                           transport: transport)
        #expect(result.status == 0)
        #expect(result.stdout == "")
        #expect(result.stderr == "")
        #expect(transport.requests.map(\.line) == ["PUT \(Self.scorePath)", "PUT \(Self.scorePath)"])
        #expect(transport.requests.map(\.bodyText) == [
            #"{"name":"accuracy","value":0.92,"source":"sdk","reason":"matches","category_name":"judge"}"#,
            #"{"name":"relevance","value":1,"source":"sdk","reason":"matches","category_name":"judge"}"#,
        ])
    }

    @Test func addToAnUnknownSpanExits3() {
        let transport = FakeTransport()
        transport.stub("PUT", "/api/v1/private/spans/\(H.unknownSpan)/feedback-scores", status: 404, body: #"{"code":404,"message":"Span not found"}"#)
        let result = H.run(["spans", "score", "add", H.unknownSpan, "a=1", "b=2", "--source", "ui"], transport: transport)
        #expect(result.status == 3)
        #expect(result.stderr == "opik: error: span \(H.unknownSpan) not found; no score added\n")
        #expect(transport.requests.count == 1)
        #expect(transport.requests[0].bodyText == #"{"name":"a","value":1,"source":"ui"}"#)
    }

    @Test(arguments: [
        ("accuracy", "opik: error: invalid score 'accuracy': expected NAME=VALUE"),
        ("=1", "opik: error: invalid score '=1': the name is blank"),
        ("a=high", "opik: error: invalid score 'a=high': 'high' is not a number"),
        ("a=NaN", "opik: error: invalid score 'a=NaN': 'NaN' is not a number"),
        ("a=1e12", "opik: error: invalid score 'a=1e12': values lie between"),
    ])
    func badScoresAreRefusedBeforeSending(pair: String, message: String) {
        let transport = FakeTransport()
        let result = H.run(["spans", "score", "add", H.span, "ok=1", pair], transport: transport)
        #expect(result.status == 2)
        #expect(result.stderr.hasPrefix(message))
        #expect(transport.requests.isEmpty)
    }

    @Test func anUnknownSourceIsRefused() {
        let transport = FakeTransport()
        let result = H.run(["spans", "score", "add", H.span, "a=1", "--source", "human"], transport: transport)
        #expect(result.status == 2)
        #expect(result.stderr.hasPrefix("opik: error: invalid value 'human' for --source"))
    }

    @Test func deleteSendsOneRequestPerNameWithTheAuthor() {
        let transport = FakeTransport()
        transport.stub("POST", Self.scorePath + "/delete", status: 204)
        transport.stub("POST", Self.scorePath + "/delete", status: 204)
        let result = H.run(["spans", "score", "delete", H.span, "accuracy", "relevance", "--author", "alice"], transport: transport)
        #expect(result.status == 0)
        #expect(transport.requests.map(\.line) == ["POST \(Self.scorePath)/delete", "POST \(Self.scorePath)/delete"])
        #expect(transport.requests.map(\.bodyText) == [#"{"name":"accuracy","author":"alice"}"#, #"{"name":"relevance","author":"alice"}"#])
    }

    @Test func namesResolvesTheProjectThenPrintsOneNamePerLine() {
        let transport = FakeTransport()
        transport.stub("POST", "/api/v1/private/projects/retrieve", body: #"{"id":"\#(H.projectId)","name":"my app"}"#)
        transport.stub("GET", "/api/v1/private/spans/feedback-scores/names", body: #"{"scores":[{"name":"accuracy"},{"name":"relevance"}]}"#)
        let result = H.run(["spans", "score", "names", "-p", "my app", "--type", "llm"], transport: transport)
        #expect(result.status == 0)
        #expect(result.stdout == "accuracy\nrelevance\n")
        #expect(transport.requests[0].bodyText == #"{"name":"my app"}"#)
        #expect(transport.requests[1].url == "http://opik.test/api/v1/private/spans/feedback-scores/names?project_id=\(H.projectId)&type=llm")
    }

    @Test func namesAsJSONWithAProjectIdNeedsNoLookup() {
        let transport = FakeTransport()
        transport.stub("GET", "/api/v1/private/spans/feedback-scores/names", body: #"{"scores":[{"name":"accuracy"}]}"#)
        let result = H.run(["spans", "score", "names", "--project-id", H.projectId, "--format", "json"], transport: transport)
        #expect(result.status == 0)
        #expect(result.stdout.filter { !$0.isWhitespace } == #"[{"name":"accuracy"}]"#)
        #expect(transport.requests.map(\.method) == ["GET"])
    }

    @Test func namesOfAnUnknownProjectExits3() {
        let transport = FakeTransport()
        transport.stub("POST", "/api/v1/private/projects/retrieve", status: 404, body: #"{"errors":["Project not found"]}"#)
        let result = H.run(["spans", "score", "names", "-p", "nope"], transport: transport)
        #expect(result.status == 3)
        #expect(result.stderr.hasPrefix("opik: error: project 'nope' not found\nhint: "))
        #expect(transport.requests.count == 1)
    }

    @Test(arguments: [
        ["spans", "score", "add", EditHarness.span, "accuracy=0.5", "--dry-run"],
        ["spans", "score", "delete", EditHarness.span, "accuracy", "--dry-run"],
    ])
    func dryRunsPrintTheRequestAndSendNothing(arguments: [String]) {
        let transport = FakeTransport()
        let result = H.run(arguments, transport: transport)
        #expect(result.status == 0)
        #expect(result.stdout.hasPrefix(arguments[2] == "add" ? "PUT http://opik.test\(Self.scorePath)\n{\n" : "POST http://opik.test\(Self.scorePath)/delete\n{\n"))
        #expect(result.stdout.contains("\"name\": \"accuracy\""))
        #expect(transport.requests.isEmpty)
    }
}
