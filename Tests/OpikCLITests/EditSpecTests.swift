import OpikCLI
import OpikCore
import OpikTestSupport
import Testing

@Suite struct EditSpecTests {
    /// The edit commands are sound in the one command tree (documented options, examples, no clashes).
    @Test func editCommandsPassTheSpecLint() {
        let mine = ["opik spans update", "opik spans delete", "opik spans score", "opik spans comment"]
        let problems = SpecLint.problems(in: CommandTree.root).filter { problem in
            mine.contains { problem.hasPrefix($0) } && !problem.hasPrefix("opik spans score upload")
        }
        #expect(problems == [])
    }

    @Test func commentsOnATerminalShowAHeaderAndFullIds() {
        let transport = FakeTransport()
        let comment = #"{"id":"\#(EditHarness.comment)","text":"looks wrong \u001b[31mred","created_at":"2026-07-01T11:58:00Z","created_by":"alice"}"#
        transport.stub("GET", "/api/v1/private/spans/\(EditHarness.span)", body: String(EditHarness.spanJSON().dropLast()) + #","comments":[\#(comment)]}"#)
        let result = CLIHarness.run(["spans", "comment", "list", EditHarness.span, "--no-color"], transport: transport, isTerminal: true, width: 60)
        #expect(result.status == 0)
        let lines = result.stdout.split(separator: "\n").map(String.init)
        #expect(lines.count == 2)
        #expect(lines.first == "ID" + String(repeating: " ", count: 36) + "AUTHOR  CREATED  TEXT")
        #expect(lines.last == "\(EditHarness.comment)  alice   2m ago   looks wro…")
    }

    @Test func oneCommentOnATerminalShowsItsFieldsThenTheText() {
        let transport = FakeTransport()
        transport.stub("GET", "/api/v1/private/spans/\(EditHarness.span)/comments/\(EditHarness.comment)",
                       body: #"{"id":"\#(EditHarness.comment)","text":"line one\nline two","created_at":"2026-07-01T11:58:00Z","created_by":"alice"}"#)
        let result = CLIHarness.run(["spans", "comment", "get", EditHarness.span, EditHarness.comment], transport: transport, isTerminal: true)
        #expect(result.status == 0)
        #expect(result.stdout == "id      \(EditHarness.comment)\nauthor  alice\ncreated 2026-07-01T11:58:00Z\n\nline one\nline two\n")
    }
}
