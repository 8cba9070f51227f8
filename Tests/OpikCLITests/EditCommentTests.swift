import OpikCore
import OpikTestSupport
import Testing

@Suite struct EditCommentTests {
    typealias H = EditHarness
    static let commentsPath = "/api/v1/private/spans/\(H.span)/comments"
    static let commentJSON = #"{"id":"\#(H.comment)","text":"looks wrong","created_at":"2026-07-01T11:58:00Z","last_updated_at":"2026-07-01T11:58:00Z","created_by":"alice","last_updated_by":"alice"}"#

    @Test func addPostsTheTextAndPrintsTheNewId() {
        let transport = FakeTransport()
        transport.stub("POST", Self.commentsPath, status: 201,
                       headers: [("Location", "http://opik.test/api/v1/private/spans/\(H.span)/comments/\(H.comment)")],
                       body: #"{"id":"\#(H.comment)"}"#)
        let result = H.run(["spans", "comment", "add", H.span, "looks wrong"], transport: transport)
        #expect(result.status == 0)
        #expect(result.stdout == H.comment + "\n")
        #expect(transport.requests.map(\.line) == ["POST \(Self.commentsPath)"])
        #expect(transport.requests[0].bodyText == #"{"text":"looks wrong"}"#)
    }

    @Test func addReadsStandardInputWithoutTheTrailingNewlineAndPrintsJSON() {
        let transport = FakeTransport()
        transport.stub("POST", Self.commentsPath, status: 201, body: #"{"id":"\#(H.comment)"}"#)
        let result = H.run(["spans", "comment", "add", H.span, "-", "--format", "json"], transport: transport, stdin: "line one\nline two\n")
        #expect(result.status == 0)
        #expect(result.stdout == "{\n  \"id\": \"\(H.comment)\"\n}\n")
        #expect(transport.requests[0].bodyText == #"{"text":"line one\nline two"}"#)
    }

    @Test(arguments: [("", ""), ("   ", ""), ("-", "\n\n"), ("-", " \t \n")])
    func blankTextIsRefusedBeforeSending(text: String, stdin: String) {
        let transport = FakeTransport()
        let result = H.run(["spans", "comment", "add", H.span, text], transport: transport, stdin: stdin)
        #expect(result.status == 2)
        #expect(result.stderr.hasPrefix("opik: error: the comment text is blank\n"))
        #expect(transport.requests.isEmpty)
    }

    @Test func addIsNotRetriedBecauseItWouldMakeASecondComment() {
        let transport = FakeTransport()
        transport.stub("POST", Self.commentsPath, status: 503, body: #"{"code":503,"message":"busy"}"#)
        transport.stub("POST", Self.commentsPath, status: 201, body: #"{"id":"\#(H.comment)"}"#)
        let result = H.run(["spans", "comment", "add", H.span, "hi"], transport: transport)
        #expect(result.status == 1)
        #expect(result.stderr.hasPrefix("opik: error: comment on span \(H.span): busy (HTTP 503)"))
        #expect(transport.requests.count == 1)
    }

    @Test func addToAnUnknownSpanExits3() {
        let transport = FakeTransport()
        transport.stub("POST", "/api/v1/private/spans/\(H.unknownSpan)/comments", status: 404, body: #"{"code":404,"message":"span id: x not found"}"#)
        let result = H.run(["spans", "comment", "add", H.unknownSpan, "hi"], transport: transport)
        #expect(result.status == 3)
        #expect(result.stderr == "opik: error: span \(H.unknownSpan) not found; no comment added\n")
    }

    @Test func listPrintsIdAuthorCreatedAndText() {
        let transport = FakeTransport()
        let span = H.spanJSON().dropLast() + #","comments":[\#(Self.commentJSON)]}"#
        transport.stub("GET", "/api/v1/private/spans/\(H.span)", body: String(span))
        let result = H.run(["spans", "comment", "list", H.span], transport: transport)
        #expect(result.status == 0)
        #expect(result.stdout == "\(H.comment)\talice\t2026-07-01T11:58:00Z\tlooks wrong\n")
    }

    @Test func listOfASpanWithoutCommentsIsAnEmptyJSONArray() {
        let transport = FakeTransport()
        transport.stub("GET", "/api/v1/private/spans/\(H.span)", body: H.spanJSON())
        let result = H.run(["spans", "comment", "list", H.span, "--format", "json"], transport: transport)
        #expect(result.status == 0)
        #expect(result.stdout == "[]\n")
    }

    @Test func getAsksForTheCommentUnderItsSpan() {
        let transport = FakeTransport()
        transport.stub("GET", "\(Self.commentsPath)/\(H.comment)", body: Self.commentJSON)
        let result = H.run(["spans", "comment", "get", H.span, H.comment, "--format", "json", "--fields", "text,created_by"], transport: transport)
        #expect(result.status == 0)
        #expect(result.stdout == "{\n  \"text\": \"looks wrong\",\n  \"created_by\": \"alice\"\n}\n")
        #expect(transport.requests.map(\.line) == ["GET \(Self.commentsPath)/\(H.comment)"])
    }

    @Test func getOfAnUnknownCommentExits3() {
        let transport = FakeTransport()
        transport.stub("GET", "\(Self.commentsPath)/\(H.comment)", status: 404, body: #"{"code":404,"message":"Comment id: x not found"}"#)
        let result = H.run(["spans", "comment", "get", H.span, H.comment], transport: transport)
        #expect(result.status == 3)
        #expect(result.stderr == "opik: error: comment \(H.comment) not found on span \(H.span)\n")
    }

    @Test func updatePatchesTheTextByCommentIdAlone() {
        let transport = FakeTransport()
        transport.stub("PATCH", "/api/v1/private/spans/comments/\(H.comment)", status: 204)
        let result = H.run(["spans", "comment", "update", H.comment, "-"], transport: transport, stdin: "fixed in v2\n")
        #expect(result.status == 0)
        #expect(transport.requests.map(\.line) == ["PATCH /api/v1/private/spans/comments/\(H.comment)"])
        #expect(transport.requests[0].bodyText == #"{"text":"fixed in v2"}"#)
    }

    @Test func updateOfAnUnknownCommentExits3() {
        let transport = FakeTransport()
        transport.stub("PATCH", "/api/v1/private/spans/comments/\(H.comment)", status: 404, body: #"{"code":404,"message":"Comment id: x not found"}"#)
        let result = H.run(["spans", "comment", "update", H.comment, "x"], transport: transport)
        #expect(result.status == 3)
        #expect(result.stderr == "opik: error: comment \(H.comment) not found\n")
    }

    @Test func deleteSendsIdsInRequestsOfAtMost1000() throws {
        let transport = FakeTransport()
        transport.stub("POST", "/api/v1/private/spans/comments/delete", status: 204)
        transport.stub("POST", "/api/v1/private/spans/comments/delete", status: 204)
        let ids = (1...1001).map { "0190b5d2-7c1e-7a3b-8f00-" + String(repeating: "0", count: 12 - String($0).count) + String($0) }
        let result = H.run(["spans", "comment", "delete", "-"], transport: transport, stdin: ids.joined(separator: "\n"))
        #expect(result.status == 0)
        #expect(transport.requests.count == 2)
        let first = try JSONParser.parse(bytes: transport.requests[0].body ?? [])["ids"]?.arrayValue ?? []
        let second = try JSONParser.parse(bytes: transport.requests[1].body ?? [])["ids"]?.arrayValue ?? []
        #expect(first.count == 1000)
        #expect(second == [.string(ids[1000])])
    }

    @Test(arguments: [
        ["spans", "comment", "add", EditHarness.span, "hi", "--dry-run"],
        ["spans", "comment", "update", EditHarness.comment, "hi", "--dry-run"],
        ["spans", "comment", "delete", EditHarness.comment, "--dry-run"],
    ])
    func dryRunsPrintTheRequestAndSendNothing(arguments: [String]) {
        let transport = FakeTransport()
        let result = H.run(arguments, transport: transport)
        #expect(result.status == 0)
        let expected = ["add": "POST http://opik.test\(Self.commentsPath)\n",
                        "update": "PATCH http://opik.test/api/v1/private/spans/comments/\(H.comment)\n",
                        "delete": "POST http://opik.test/api/v1/private/spans/comments/delete\n"][arguments[2]]!
        #expect(result.stdout.hasPrefix(expected))
        #expect(transport.requests.isEmpty)
    }
}
