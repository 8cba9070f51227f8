import Foundation
import OpikCLI
import OpikCore
import OpikTestSupport
import Testing

@Suite struct SpansReadCommandTests {
    static let span1 = #"{"id":"0190b5d2-7c1e-7a3b-8f00-000000000002","project_id":"0190b5d2-0000-7000-8000-000000000001","trace_id":"0190b5d2-7c1e-7a3b-8f00-0000000000aa","name":"llm_call","type":"llm","start_time":"2026-07-01T11:57:00.000Z","end_time":"2026-07-01T11:57:01.250Z","model":"gpt-4o","usage":{"total_tokens":1200},"total_estimated_cost":0.00120,"duration":1250.0,"feedback_scores":[{"name":"accuracy","value":0.9,"source":"sdk"}]}"#
    static let span2 = #"{"id":"0190b5d2-7c1e-7a3b-8f00-000000000001","project_id":"0190b5d2-0000-7000-8000-000000000001","trace_id":"0190b5d2-7c1e-7a3b-8f00-0000000000aa","name":"retrieve","type":"tool","start_time":"2026-07-01T09:00:00Z","error_info":{"exception_type":"Timeout"}}"#

    @Test func listStreamsNDJSONExactlyAsReceived() throws {
        let transport = FakeTransport()
        transport.stub("POST", "/api/v1/private/spans/search", body: Self.span1 + "\r\n" + Self.span2 + "\r\n")
        transport.stub("POST", "/api/v1/private/spans/search", body: "")
        let result = CLIHarness.run(["spans", "list", "-p", "my app", "--format", "ndjson"], transport: transport)
        #expect(result.status == 0)
        #expect(result.stderr == "")
        #expect(result.stdout == Self.span1 + "\n" + Self.span2 + "\n")
        let body = try JSONParser.parse(bytes: transport.requests[0].body ?? [])
        #expect(body["project_name"] == "my app")
        #expect(body["limit"] == .number("50"))
        #expect(body["truncate"] == false)
        #expect(body["exclude"] == nil)
        #expect(transport.unusedStubs.isEmpty)
    }

    @Test func listFiltersAreCheckedBeforeSending() {
        let transport = FakeTransport()
        let result = CLIHarness.run(["spans", "list", "-f", "nmae = \"x\""], transport: transport)
        #expect(result.status == 2)
        #expect(result.stderr.hasPrefix("opik: error: invalid --filter 'nmae = \"x\"': "))
        #expect(result.stderr.contains("hint: see 'opik help filters'"))
        #expect(transport.requests.isEmpty)
    }

    @Test func listSendsFiltersSinceAndTypeToTheSearchStream() throws {
        let transport = FakeTransport()
        transport.stub("POST", "/api/v1/private/spans/search", body: "")
        let result = CLIHarness.run(
            ["spans", "list", "--type", "llm", "-f", "feedback_scores.accuracy >= 0.8", "--since", "2h", "--format", "json"],
            transport: transport)
        #expect(result.status == 0)
        #expect(result.stdout == "[]\n")
        let body = try JSONParser.parse(bytes: transport.requests[0].body ?? [])
        #expect(body["project_name"] == "Default Project")
        #expect(body["type"] == "llm")
        let filters = body["filters"]?.arrayValue ?? []
        #expect(filters.count == 2)
        #expect(filters[0]["field"] == "feedback_scores")
        #expect(filters[0]["key"] == "accuracy")
        #expect(filters[1]["field"] == "start_time")
        #expect(filters[1]["operator"] == ">=")
        #expect(filters[1]["value"] == "2026-07-01T10:00:00.000Z")
    }

    @Test func sortUsesThePagedListWithTotalInTheFooter() throws {
        let transport = FakeTransport()
        let page = #"{"page":1,"size":2,"total":7,"content":[\#(Self.span1),\#(Self.span2)]}"#
        transport.stub("GET", "/api/v1/private/spans", body: page)
        let result = CLIHarness.run(["spans", "list", "--sort", "duration:desc", "-n", "2"], transport: transport, isTerminal: true, width: 120)
        #expect(result.status == 0)
        #expect(result.stdout.contains("llm_call"))
        // Without --page the total goes into a footer on stderr; the page count belongs to --page.
        #expect(result.stderr == "opik: 2 of 7 spans — use -n or --all\n")
        #expect(!result.stdout.contains("page 1 of"))
        transport.stub("GET", "/api/v1/private/spans", body: page)
        let paged = CLIHarness.run(["spans", "list", "--sort", "duration:desc", "-n", "2", "--page", "1"], transport: transport, isTerminal: true, width: 120)
        #expect(paged.stdout.hasSuffix("page 1 of 4, 7 spans\u{1B}[0m\n"))
        #expect(paged.stderr == "")
        let url = transport.requests[0].url
        #expect(url.contains("sorting=%5B%7B%22field%22%3A%22duration%22%2C%22direction%22%3A%22DESC%22%7D%5D"))
        #expect(url.contains("size=2"))
        #expect(url.contains("strip_attachments=true"))
        #expect(url.contains("exclude="))
    }

    @Test func pipeTableIsTabSeparatedWithoutHeader() {
        let transport = FakeTransport()
        transport.stub("POST", "/api/v1/private/spans/search", body: Self.span1 + "\r\n")
        transport.stub("POST", "/api/v1/private/spans/search", body: "")
        let result = CLIHarness.run(["spans", "list", "--fields", "id,name,usage.total_tokens,feedback_scores.accuracy"], transport: transport)
        #expect(result.stdout == "0190b5d2-7c1e-7a3b-8f00-000000000002\tllm_call\t1200\t0.9\n")
    }

    @Test func getReportsUnknownIdsAndPrintsTheRest() {
        let transport = FakeTransport()
        transport.stub("GET", "/api/v1/private/spans/0190b5d2-7c1e-7a3b-8f00-000000000009", status: 404,
                       body: #"{"code":404,"message":"Span id: 0190b5d2-7c1e-7a3b-8f00-000000000009 not found"}"#)
        transport.stub("GET", "/api/v1/private/spans/0190b5d2-7c1e-7a3b-8f00-000000000002", body: Self.span1)
        let result = CLIHarness.run(
            ["spans", "get", "0190b5d2-7c1e-7a3b-8f00-000000000009", "0190b5d2-7c1e-7a3b-8f00-000000000002", "--format", "ndjson"],
            transport: transport)
        #expect(result.status == 3)
        #expect(result.stdout == Self.span1 + "\n")
        #expect(result.stderr == "opik: error: span 0190b5d2-7c1e-7a3b-8f00-000000000009 not found\n")
    }

    @Test func getRejectsABadIdBeforeSending() {
        let transport = FakeTransport()
        let result = CLIHarness.run(["spans", "get", "nope"], transport: transport)
        #expect(result.status == 2)
        #expect(result.stderr.hasPrefix("opik: error: invalid span id 'nope'"))
        #expect(transport.requests.isEmpty)
    }

    @Test func statsAsOneObjectKeyedByName() {
        let transport = FakeTransport()
        transport.stub("GET", "/api/v1/private/spans/stats", body: #"{"stats":[{"name":"span_count","type":"COUNT","value":120},{"name":"duration","type":"PERCENTAGE","value":{"p50":812.5,"p90":2011.0,"p99":4830.2}}]}"#)
        let result = CLIHarness.run(["spans", "stats", "--format", "ndjson"], transport: transport)
        #expect(result.status == 0)
        #expect(result.stdout == #"{"span_count":120,"duration":{"p50":812.5,"p90":2011.0,"p99":4830.2}}"# + "\n")
    }

    @Test(arguments: [
        (401, #"{"code":401,"message":"API key should be provided"}"#, Int32(4), "opik: error: get span statistics: API key should be provided (HTTP 401)"),
        (403, #"{"code":403,"message":"no"}"#, Int32(4), "opik: error: get span statistics: no (HTTP 403)"),
        (404, #"{"code":404,"message":"Project name: x not found"}"#, Int32(3), "opik: error: get span statistics: Project name: x not found (HTTP 404)"),
        (500, #"{"errors":["boom"]}"#, Int32(1), "opik: error: get span statistics: boom (HTTP 500)"),
    ])
    func serverErrorsMapToExitStatuses(status: Int, body: String, exit: Int32, message: String) {
        let transport = FakeTransport()
        transport.stub("GET", "/api/v1/private/spans/stats", status: status, body: body)
        let result = CLIHarness.run(["spans", "stats", "--retries", "0"], transport: transport)
        #expect(result.status == exit)
        #expect(result.stderr.split(separator: "\n").first.map(String.init) == message)
    }

    @Test func unreachableServerExits5WithAHint() {
        let transport = FakeTransport()
        transport.fail("GET", "/api/v1/private/spans/stats", with: .connect("Connection refused"))
        let result = CLIHarness.run(["spans", "stats", "--retries", "0"], transport: transport)
        #expect(result.status == 5)
        #expect(result.stderr.hasPrefix("opik: error: get span statistics: could not connect (Connection refused) (http://opik.test/api/v1/private/spans/stats)\nhint: check --url"))
    }

    @Test func explainPrintsTheRequestAndSendsNothing() {
        let transport = FakeTransport()
        let result = CLIHarness.run(["spans", "stats", "-p", "a b", "--type", "llm", "--explain"], transport: transport)
        #expect(result.status == 0)
        #expect(result.stdout.hasPrefix("GET http://opik.test/api/v1/private/spans/stats\n  project_name = a b\n  type = llm\n"))
        #expect(transport.requests.isEmpty)
    }
}
