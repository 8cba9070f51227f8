import Foundation
import OpikCore
import OpikTestServer
import OpikTestSupport
import Testing

/// `opik traces list|get|stats|score|comment` as a user runs them against the bundled server.
@Suite struct TraceReadEndToEndTests {
    /// The ids of the visible (not hidden) traces the server holds.
    func visibleIds(_ server: OpikTestServer, project: String) -> Set<String> {
        Set(server.traces(project: project).filter { $0["visibility_mode"]?.stringValue != "hidden" }.compactMap { $0["id"]?.stringValue })
    }

    @Test func listLeavesOutHiddenTracesAsTheUIDoesUnlessAsked() throws {
        try OpikTestServer.with { server in
            server.seed(project: "demo", count: 200)
            let all = server.traces(project: "demo")
            let hidden = all.filter { $0["visibility_mode"]?.stringValue == "hidden" }.compactMap { $0["id"]?.stringValue }
            #expect(hidden.count == 1)
            let shown = try server.opik(["traces", "list", "-p", "demo", "--all", "--format", "ndjson"])
            #expect(shown.status == 0)
            #expect(Set(NDJSON.values(shown.stdout)) == visibleIds(server, project: "demo"))
            #expect(!NDJSON.values(shown.stdout).contains(hidden[0]))
            let search = try #require(server.requests.last { $0.path == "/v1/private/traces/search" })
            let body = try JSONParser.parse(bytes: search.body)
            #expect(body["filters"] == [["field": "visibility_mode", "operator": "=", "key": "", "value": "default"]])
            #expect(body["strip_attachments"] == .bool(true))

            let everything = try server.opik(["traces", "list", "-p", "demo", "--all", "--format", "ndjson", "--include-hidden"])
            #expect(Set(NDJSON.values(everything.stdout)) == Set(all.compactMap { $0["id"]?.stringValue }))
            let onlyHidden = try server.opik(["traces", "list", "-p", "demo", "-f", "visibility_mode = \"hidden\"", "--fields", "id"])
            #expect(onlyHidden.stdout == hidden[0] + "\n")
        }
    }

    @Test func threadAndFiltersUseTheTraceVocabulary() throws {
        try OpikTestServer.with { server in
            server.seed(project: "demo", count: 200)
            let thread = try server.opik(["traces", "list", "-p", "demo", "--thread", "support-chat-1", "--all", "--fields", "thread_id"])
            #expect(thread.status == 0)
            let threads = thread.stdout.split(separator: "\n")
            #expect(!threads.isEmpty)
            #expect(threads.allSatisfy { $0 == "support-chat-1" })
            let wrong = try server.opik(["traces", "list", "-p", "demo", "-f", "model = \"gpt-4o\""])
            #expect(wrong.status == 2)
            #expect(wrong.stderr.hasPrefix("opik: error: invalid --filter 'model = \"gpt-4o\"': column 1: unknown field 'model'"))
            let spansOnly = try server.opik(["traces", "list", "-p", "demo", "--type", "llm"])
            #expect(spansOnly.status == 2)
            #expect(spansOnly.stderr.hasPrefix("opik: error: unknown option '--type' for 'opik traces list'"))
            let scored = try server.opik(["traces", "list", "-p", "demo", "-f", "span_feedback_scores.relevance is_not_empty",
                                           "--all", "--format", "ndjson", "--fields", "id,span_feedback_scores"])
            #expect(scored.status == 0)
            #expect(!NDJSON.values(scored.stdout).isEmpty)
        }
    }

    @Test func getPrintsTheServersTraceAndReportsUnknownIds() throws {
        try OpikTestServer.with { server in
            server.seed(project: "demo", count: 200)
            let trace = try #require(server.traces(project: "demo").first)
            let id = try #require(trace["id"]?.stringValue)
            let missing = "0190b5d2-7c1e-7a3b-8f00-5b9a1c2d3e4f"
            let one = try server.opik(["traces", "get", id, "--format", "json"])
            #expect(one.status == 0)
            #expect(try JSONParser.parse(one.stdout) == trace)
            let both = try server.opik(["traces", "get", missing, id, "--format", "ndjson", "--fields", "id,span_count"])
            #expect(both.status == 3)
            #expect(both.stderr == "opik: error: trace \(missing) not found\n")
            #expect(both.stdout == #"{"id":"\#(id)","span_count":\#(trace["span_count"].map(JSONWriter.compact) ?? "")}"# + "\n")
        }
    }

    @Test func getWithSpansGivesEverySpanOnceParentsBeforeChildren() throws {
        try OpikTestServer.with { server in
            server.seed(project: "demo", count: 200)
            // The trace with the most spans: a deep or wide tree of the sample.
            let trace = try #require(server.traces(project: "demo").max { ($0["span_count"]?.doubleValue ?? 0) < ($1["span_count"]?.doubleValue ?? 0) })
            let id = try #require(trace["id"]?.stringValue)
            let result = try server.opik(["traces", "get", id, "--spans", "--format", "json"])
            #expect(result.status == 0)
            let object = try JSONParser.parse(result.stdout)
            #expect(object.objectMembers?.map(\.0) == ["trace", "spans"])
            #expect(object["trace"] == trace)
            let spans = try #require(object["spans"]?.arrayValue)
            let expected = server.spans(project: "demo").filter { $0["trace_id"]?.stringValue == id }
            #expect(spans.count == expected.count)
            #expect(Set(spans.compactMap { $0["id"]?.stringValue }) == Set(expected.compactMap { $0["id"]?.stringValue }))
            #expect(Double(spans.count) == trace["span_count"]?.doubleValue)
            var seen = Set<String>()
            for span in spans {
                if let parent = span["parent_span_id"]?.stringValue, expected.contains(where: { $0["id"]?.stringValue == parent }) {
                    #expect(seen.contains(parent), "a child before its parent")
                }
                seen.insert(span["id"]?.stringValue ?? "")
            }
            let table = try server.opik(["traces", "get", id, "--spans"])
            #expect(table.status == 2)
            #expect(table.stderr.hasPrefix("opik: error: --spans needs --format json or ndjson"))
        }
    }

    @Test func statsCountTracesAndLabelSpanCountsAsAverages() throws {
        try OpikTestServer.with { server in
            server.seed(project: "demo", count: 200)
            let json = try server.opik(["traces", "stats", "-p", "demo", "--format", "json"])
            #expect(json.status == 0)
            let stats = try JSONParser.parse(json.stdout)
            #expect(stats["trace_count"]?.doubleValue == Double(visibleIds(server, project: "demo").count))
            #expect(stats["span_count"] != nil)
            #expect(stats["thread_count"]?.doubleValue == 3)
            let terminal = try TerminalRun.run(["traces", "stats", "-p", "demo", "--no-color"], columns: 100,
                                               environment: server.environment)
            let row = try #require(terminal.stdout.split(separator: "\n").first { $0.hasPrefix("span_count ") })
            #expect(row.contains("avg "))
        }
    }

    @Test func scoresAndCommentsOnATraceShowInItsReads() throws {
        try OpikTestServer.with { server in
            server.seed(project: "demo", count: 200)
            let id = try #require(server.traces(project: "demo").first?["id"]?.stringValue)
            let scored = try server.opik(["traces", "score", "add", id, "judge_correctness=0.75", "--reason", "close"])
            #expect(scored.status == 0)
            #expect(server.requests.last?.path == "/v1/private/traces/\(id)/feedback-scores")
            let value = try server.opik(["traces", "list", "-p", "demo", "-f", "id = \"\(id)\"", "--fields", "feedback_scores.judge_correctness"])
            #expect(value.stdout == "0.75\n")
            let names = try server.opik(["traces", "score", "names", "-p", "demo"])
            #expect(names.stdout.split(separator: "\n").contains("judge_correctness"))

            let added = try server.opik(["traces", "comment", "add", id, "wrong refund amount"])
            #expect(added.status == 0)
            let commentId = added.stdout.trimmingCharacters(in: .whitespacesAndNewlines)
            let listed = try server.opik(["traces", "comment", "list", id, "--fields", "id,text"])
            #expect(listed.stdout == "\(commentId)\twrong refund amount\n")
            let updated = try server.opik(["traces", "comment", "update", commentId, "right amount, wrong currency"])
            #expect(updated.status == 0)
            let shown = try server.opik(["traces", "comment", "get", id, commentId, "--format", "json"])
            #expect(try JSONParser.parse(shown.stdout)["text"] == "right amount, wrong currency")
            #expect(try server.opik(["traces", "comment", "delete", commentId]).status == 0)
            #expect(try server.opik(["traces", "comment", "list", id]).stdout == "")
            let deleted = try server.opik(["traces", "score", "delete", id, "judge_correctness"])
            #expect(deleted.status == 0)
            let gone = try server.opik(["traces", "list", "-p", "demo", "-f", "id = \"\(id)\"", "--fields", "feedback_scores.judge_correctness"])
            #expect(gone.stdout == "\n")

            let unknown = try server.opik(["traces", "comment", "add", "0190b5d2-7c1e-7a3b-8f00-5b9a1c2d3e4f", "x"])
            #expect(unknown.status == 3)
            #expect(unknown.stderr == "opik: error: trace 0190b5d2-7c1e-7a3b-8f00-5b9a1c2d3e4f not found; no comment added\n")
        }
    }

    @Test func aTraceThatWasNeverCreatedIsNamedAsSuchWhenSpansCarryItsId() throws {
        try OpikTestServer.with { server in
            let trace = "0190b5d2-7c1e-7a3b-8f00-5b9a1c2d3e4f"
            for index in 1...2 {
                server.insert(span: ["id": .string("0190b5d2-7c1e-7a3b-8f00-00000000000\(index)"), "trace_id": .string(trace), "name": "orphaned",
                                     "start_time": "2026-07-01T10:00:00Z"], project: "demo", createTrace: false)
            }
            let result = try server.opik(["traces", "get", trace, "-p", "demo"])
            #expect(result.status == 3)
            #expect(result.stderr == """
                opik: error: trace \(trace) not found
                hint: 2 spans in project 'demo' name this trace, which was never created, so no trace view shows them; \
                'opik traces create --file' with this id creates the trace

                """)
            let elsewhere = try server.opik(["traces", "get", trace, "-p", "other"])
            #expect(elsewhere.stderr == "opik: error: trace \(trace) not found\n")
        }
    }

    @Test func traceScoreNamesCoverTheWorkspaceUnlessAProjectIsNamed() throws {
        try OpikTestServer.with { server in
            for (index, project) in ["first", "second"].enumerated() {
                let id = "01a20000-0000-7000-8000-00000000020\(index)"
                server.insert(trace: ["id": .string(id), "name": "t", "start_time": "2026-07-01T10:00:00Z"], project: project)
                #expect(try server.opik(["traces", "score", "add", id, "\(project)_score=1"]).status == 0)
            }
            let everywhere = try server.opik(["traces", "score", "names"])
            #expect(everywhere.status == 0)
            #expect(everywhere.stdout.split(separator: "\n").sorted() == ["first_score", "second_score"])
            let names = server.requests.last { $0.path == "/v1/private/traces/feedback-scores/names" }
            #expect(names?.queryValue("project_id") == nil)
            #expect(try server.opik(["traces", "score", "names", "-p", "second"]).stdout == "second_score\n")
            #expect(try server.opik(["traces", "score", "names"], env: ["OPIK_PROJECT_NAME": "first"]).stdout == "first_score\n")
        }
    }
}
