import Foundation
import OpikCLI
import OpikCore
import OpikTestSupport
import Testing

/// Counts in messages agree with their nouns, and help names only commands that exist.
@Suite struct GrammarTests {
    static let span1 = "0190b5d2-7c1e-7a3b-8f00-000000000001"

    @Test func oneScoreIsOneScore() {
        let transport = FakeTransport()
        transport.stub("PUT", "/api/v1/private/spans/feedback-scores", status: 204)
        let result = CLIHarness.run(["spans", "score", "upload", "-", "--input-format", "csv", "--no-check"], transport: transport,
                                    stdin: "id,name,value\n\(Self.span1),accuracy,1\n")
        #expect(result.status == 0)
        #expect(result.stderr == "opik: uploaded 1 score in 1 batch (0.0 s)\n")
    }

    @Test func oneSpanIsOneSpanInADryRun() {
        let transport = FakeTransport()
        let result = CLIHarness.run(["spans", "create", "--file", "-", "--dry-run"], transport: transport,
                                    stdin: #"{"name":"a","start_time":"2026-07-01T10:00:00Z"}"# + "\n")
        #expect(result.status == 0)
        // The span's new trace comes first.
        #expect(result.stdout.hasPrefix("would send 1 trace in 1 batch to POST /v1/private/traces/batch; nothing was sent\n"))
        #expect(result.stdout.contains("\nwould send 1 span in 1 batch to POST /v1/private/spans/batch; nothing was sent\n"))
        #expect(result.stdout.contains("batch 1: 1 span, line 1, "))
        #expect(transport.requests.isEmpty)
    }

    @Test func oneRefusedScoreWasNotAccepted() {
        let transport = FakeTransport()
        transport.stub("PUT", "/api/v1/private/spans/feedback-scores", status: 422, body: #"{"errors":["value bad"]}"#)
        let result = CLIHarness.run(["spans", "score", "upload", "-", "--input-format", "csv", "--no-check"], transport: transport,
                                    stdin: "id,name,value\n\(Self.span1),accuracy,1\n")
        #expect(result.status == 6)
        #expect(result.stderr.contains("opik: error: 1 of 1 score was not accepted\n"))
    }

    @Test func scoreHelpNamesItsRealSubcommands() {
        let result = CLIHarness.run(["spans", "score", "--help"], transport: FakeTransport())
        #expect(result.status == 0)
        let score = CommandTree.root.subcommand(named: "spans")?.subcommand(named: "score")
        let names = score?.visibleSubcommands.map(\.name) ?? []
        #expect(names == ["add", "upload", "delete", "names"])
        // "list" is no subcommand of score: the help must not offer to list scores there.
        #expect(!result.stdout.contains("list feedback scores"))
        #expect(result.stdout.contains("list score names"))
    }
}
