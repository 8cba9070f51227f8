import OpikCore
import Testing

/// Which 404 answers mean that the base URL is wrong rather than that a thing is missing.
@Suite struct WrongURLTests {
    @Test(arguments: [
        ("<html><body>404 Not Found</body></html>", true),
        ("", true),
        ("Not Found", true),
        (#"{"code":404,"message":"HTTP 404 Not Found"}"#, true),
        (#"{"status":404,"error":"Not Found","path":"/api/v1"}"#, true),
        (#"{"code":404,"message":"Span id: 0190 not found"}"#, false),
        (#"{"errors":["Project not found"]}"#, false),
    ])
    func a404IsAWrongURLUnlessOpikSaidWhatIsMissing(body: String, wrong: Bool) {
        #expect(WrongURL.isWrongURL(status: 404, body: Array(body.utf8)) == wrong)
        #expect(!WrongURL.isWrongURL(status: 400, body: Array(body.utf8)))
    }

    @Test func theErrorIsUnreachableWithAHintNamingBothForms() {
        let error = WrongURL.error(what: "get span", url: "http://h:5173/v1/private/spans/x", baseURL: "http://h:5173")
        #expect(error.userFacing.kind == .transferFailed)
        #expect(WrongURL.matches(error))
        guard case let .hinted(_, hint) = error else { Issue.record("no hint"); return }
        #expect(hint.contains("http://HOST:5173/api") && hint.contains("http://HOST:8080") && hint.contains("now http://h:5173"))
    }
}
