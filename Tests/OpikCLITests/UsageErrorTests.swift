import Foundation
import OpikCLI
import OpikCore
import OpikTestSupport
import Testing

/// Mistakes on the command line: status 2, nothing sent, one message saying it once, the
/// likely spelling where there is one.
@Suite struct UsageErrorTests {
    static func run(_ arguments: [String]) -> (RunResult, FakeTransport) {
        let transport = FakeTransport()
        return (CLIHarness.run(arguments, transport: transport), transport)
    }

    @Test(arguments: [
        (["--fields", "id,,name"], #"invalid --fields: empty field name at position 2 in "id,,name""#),
        (["--fields", ""], #"invalid --fields: empty field name at position 1 in """#),
        (["--fields", "id,nmae"], "invalid --fields: unknown field 'nmae' (did you mean 'name'?)"),
        (["--fields", "total_tokens"], "invalid --fields: unknown field 'total_tokens' (did you mean 'usage.total_tokens'?)"),
        (["--fields", "name.first"], "invalid --fields: field 'name' has no parts: use 'name'"),
        (["--sort", "nmae"], "unknown --sort field 'nmae' (did you mean 'name'?)"),
        (["--sort", "name:up"], "invalid --sort direction 'up'; use asc or desc"),
        (["--sort", ":desc"], "invalid --sort ':desc': expected FIELD[:asc|desc]"),
    ])
    func listOptionMistakesAreUsageErrorsSaidOnce(options: [String], message: String) {
        let (result, transport) = Self.run(["spans", "list"] + options)
        #expect(result.status == 2)
        #expect(result.stderr == "opik: error: \(message)\n")
        #expect(transport.requests.isEmpty)
    }

    @Test func fieldsOfCommentsAreCheckedAgainstComments() {
        let (result, transport) = Self.run(["spans", "comment", "list", "0190b5d2-7c1e-7a3b-8f00-000000000001", "--fields", "txt"])
        #expect(result.status == 2)
        #expect(result.stderr == "opik: error: invalid --fields: unknown field 'txt' (did you mean 'text'?)\n")
        #expect(transport.requests.isEmpty)
    }

    @Test func dynamicPathsInFieldsAreFree() {
        let transport = FakeTransport()
        transport.stub("POST", "/api/v1/private/spans/search", body: "")
        let fields = "id,feedback_scores.any,usage.cache_read,metadata.a.b,input.q,output.r,error_info.message"
        let result = CLIHarness.run(["spans", "list", "--fields", fields, "--format", "csv"], transport: transport)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout == fields + "\r\n")
    }

    @Test func aFilterErrorShowsTheExpressionWithACaretUnderTheColumn() {
        let (result, transport) = Self.run(["spans", "list", "-f", #"name = "x" and nmae = "y""#])
        #expect(result.status == 2)
        #expect(result.stderr == """
            opik: error: invalid --filter 'name = "x" and nmae = "y"': column 16: unknown field 'nmae' (did you mean 'name'?)
              name = "x" and nmae = "y"
                             ^
            hint: see 'opik help filters'

            """)
        #expect(transport.requests.isEmpty)
    }

    @Test func aTimeFlagMessageNamesTheFlagAndValueOnce() {
        let (result, _) = Self.run(["spans", "create", "--name", "x", "--start-time", "2026-13-01T10:00:00Z"])
        #expect(result.status == 2)
        #expect(result.stderr.hasPrefix("opik: error: invalid --start-time '2026-13-01T10:00:00Z': expected an RFC 3339 time"))
    }

    @Test func aStatusTheServerMessageAlreadyGivesIsNotRepeated() {
        let transport = FakeTransport()
        transport.stub("POST", "/api/v1/private/spans/search", status: 405, body: #"{"code":405,"message":"HTTP 405 Method Not Allowed"}"#)
        let result = CLIHarness.run(["spans", "list"], transport: transport)
        #expect(result.status == 1)
        #expect(result.stderr == "opik: error: search spans: HTTP 405 Method Not Allowed\n")
    }

    @Test func aSpanFromFlagsWithoutTypeIsSentAsGeneral() throws {
        let transport = FakeTransport()
        transport.stub("POST", BulkCreateTests.batchPath, status: 204)
        transport.always("POST", "/api/v1/private/traces", status: 201)
        let result = CLIHarness.run(["spans", "create", "--name", "x"], transport: transport)
        #expect(result.status == 0, "\(result.stderr)")
        let span = try #require(try BulkCreateTests.spans(in: transport.requests(to: BulkCreateTests.batchPath)[0]).first)
        #expect(span["type"] == "general")
    }
}
