import Foundation
import OpikCore
import OpikTestServer
import OpikTestSupport
import Testing

/// The README's shell snippets, taken from README.md and run with bash and the built binary.
@Suite struct ReadmeEndToEndTests {
    static let readme = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("README.md")

    /// The lines of the README's code block that starts with `firstLine`.
    func snippet(startingWith firstLine: String) throws -> String {
        let text = try String(contentsOf: Self.readme, encoding: .utf8)
        let start = try #require(text.range(of: firstLine))
        let end = try #require(text.range(of: "\n```", range: start.upperBound..<text.endIndex))
        return String(text[start.lowerBound..<end.lowerBound]) + "\n"
    }

    /// Runs `script` with bash in `directory`, with the built opik first on PATH.
    func bash(_ script: String, in directory: String, server: OpikTestServer) throws -> RunResult {
        try BinaryRunner.shell(script, environment: server.environment.merging([
            "PATH": BinaryRunner.productsDirectory.path + ":/usr/bin:/bin",
        ]) { _, new in new }, directory: directory)
    }

    @Test func theAwkExampleKeepsRowsWithEmptyCells() throws {
        let server = try OpikTestServer.start()
        defer { server.stop() }
        server.seed(project: "my-app", count: 40)
        // A span with many tokens and no model: an empty cell in the middle of the line.
        let id = "019f0000-0000-7000-8000-00000000beef"
        server.insert(span: ["id": .string(id), "trace_id": .string(id), "name": "no_model", "start_time": "2026-07-01T10:00:00Z",
                             "usage": ["total_tokens": 5000]], project: "my-app")
        let line = try snippet(startingWith: "opik spans list -p my-app --fields id,model,usage.total_tokens | awk")
        let result = try bash(line, in: NSTemporaryDirectory(), server: server)
        #expect(result.status == 0)
        let expected = server.spans(project: "my-app").filter { ($0["usage"]?["total_tokens"]?.doubleValue ?? 0) > 1000 }
            .compactMap { $0["id"]?.stringValue }
        #expect(result.stdout.split(separator: "\n").map(String.init).sorted() == Array(expected.prefix(50)).sorted())
        #expect(result.stdout.contains(id))
    }

    @Test func theCISnippetShowsOnlyThisRunsRejectedRows() throws {
        let server = try OpikTestServer.start()
        defer { server.stop() }
        server.seed(project: "my-app", count: 3)
        let ids = server.spans(project: "my-app").compactMap { $0["id"]?.stringValue }
        let script = try snippet(startingWith: "# scores.csv: id,name,value,reason")
        let directory = NSTemporaryDirectory() + "opik-ci-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        // A rejected.csv left by an earlier run, and no scores.csv: the command fails before
        // it writes anything, so the old rows must not be shown as this run's.
        try "stale,row,1,from an earlier run\n".write(toFile: directory + "/rejected.csv", atomically: true, encoding: .utf8)
        let missing = try bash(script, in: directory, server: server)
        #expect(missing.status == 1)
        #expect(missing.stderr.contains("score upload failed (status 2)"))
        #expect(!missing.stderr.contains("stale,row"))

        // The server refuses the batch: status 6, and this run's rows are shown.
        try "id,name,value,reason\n\(ids[0]),accuracy,0.5,meh\n".write(toFile: directory + "/scores.csv", atomically: true, encoding: .utf8)
        server.inject(.status(422, body: #"{"errors":["nope"]}"#), times: 10, pathPrefix: "/v1/private/spans/feedback-scores")
        let refused = try bash(script, in: directory, server: server)
        #expect(refused.status == 1)
        #expect(refused.stderr.contains("score upload failed (status 6)"))
        #expect(refused.stderr.contains("\(ids[0]),accuracy,0.5,meh"))
        #expect(!refused.stderr.contains("stale,row"))

        server.clearFaults()
        let accepted = try bash(script, in: directory, server: server)
        #expect(accepted.status == 0)
        #expect(accepted.stderr == "")
    }

    @Test func theTraceJudgingSnippetScoresTheRunsTracesAndFailsOnUnknownOnes() throws {
        let server = try OpikTestServer.start()
        defer { server.stop() }
        var run: [String] = []
        for index in 0..<3 {
            let id = "01a20000-0000-7000-8000-00000000010\(index)"
            server.insert(trace: ["id": .string(id), "name": "eval_case", "start_time": .string("2026-07-01T10:00:0\(index)Z"),
                                  "tags": index < 2 ? ["run-42"] : ["run-41"], "output": "ok"], project: "my-app")
            if index < 2 { run.append(id) }
        }
        let snippet = try snippet(startingWith: "# the traces of run 42, judged one by one")
        let directory = NSTemporaryDirectory() + "opik-judge-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        // Stands in for judge.py: one score per trace read, plus whatever $EXTRA holds.
        let judge = #"""
            python3() {
              while IFS= read -r line; do
                printf '{"id":"%s","name":"correctness","value":1,"reason":"matches"}\n' "${line:7:36}"
              done
              [ -n "${EXTRA:-}" ] && printf '%s\n' "$EXTRA"
              return 0
            }
            """#
        let accepted = try bash(judge + "\n" + snippet, in: directory, server: server)
        #expect(accepted.status == 0)
        #expect(accepted.stderr == "")
        for trace in server.traces(project: "my-app") {
            let scores = trace["feedback_scores"]?.arrayValue?.compactMap { $0["name"]?.stringValue } ?? []
            #expect(scores == (run.contains(trace["id"]?.stringValue ?? "") ? ["correctness"] : []))
        }

        let unknown = #"{"id":"01a20000-0000-7000-8000-0000000001ff","name":"correctness","value":0}"#
        let refused = try bash("EXTRA='\(unknown)'\n" + judge + "\n" + snippet, in: directory, server: server)
        #expect(refused.status == 1)
        #expect(refused.stderr.hasPrefix("opik: error: scores.ndjson:3: trace 01a20000-0000-7000-8000-0000000001ff not found; score not uploaded\n"))
        let rejected = try #require(refused.stderr.components(separatedBy: "rejected scores:\n").last)
        #expect(rejected.split(separator: "\n").count == 1)
        #expect(try JSONParser.parse(rejected)["id"] == "01a20000-0000-7000-8000-0000000001ff")
    }
}
