import Foundation
import OpikCore
import OpikTestServer
import OpikTestSupport
import Testing

/// `opik traces get ID` on pseudo-terminals of 80 and 200 columns: the span tree as a person sees
/// it, orphans and all, and the same trace in a pipe.
@Suite struct TraceTreeEndToEndTests {
    static let trace = "01a20000-0000-7000-8000-000000000001"
    static let root = "01a20000-0000-7000-8000-0000000000a1"
    static let early = "01a20000-0000-7000-8000-0000000000a2"
    static let late = "01a20000-0000-7000-8000-0000000000a3"
    static let orphan = "01a20000-0000-7000-8000-0000000000a4"
    static let orphanChild = "01a20000-0000-7000-8000-0000000000a5"
    static let missing = "01a20000-0000-7000-8000-0000000000ff"

    /// A trace whose root has two children started at `…:00.5Z` and `…:00.25Z` (as text the
    /// later one sorts first), and an orphan with a child whose parent was never sent.
    func withTree(_ body: (OpikTestServer) throws -> Void) throws {
        try OpikTestServer.with { server in
        server.insert(trace: ["id": .string(Self.trace), "name": "checkout", "start_time": "2026-07-01T10:00:00Z",
                              "end_time": "2026-07-01T10:00:04Z", "input": ["question": "where is my order?"],
                              "output": ["answer": "on its way"], "thread_id": "chat-7"], project: "shop")
        func span(_ id: String, _ name: String, parent: String?, start: String, end: String, type: String = "general") -> JSONValue {
            var members: [(String, JSONValue)] = [("id", .string(id)), ("trace_id", .string(Self.trace)), ("name", .string(name)),
                                                  ("type", .string(type)), ("start_time", .string(start)), ("end_time", .string(end))]
            if let parent { members.append(("parent_span_id", .string(parent))) }
            return .object(members)
        }
        let spans = [
            span(Self.root, "handle_request", parent: nil, start: "2026-07-01T10:00:00Z", end: "2026-07-01T10:00:03Z"),
            span(Self.late, "answer_llm", parent: Self.root, start: "2026-07-01T10:00:00.5Z", end: "2026-07-01T10:00:02Z", type: "llm"),
            span(Self.early, "lookup_order", parent: Self.root, start: "2026-07-01T10:00:00.25Z", end: "2026-07-01T10:00:00.4Z", type: "tool"),
            span(Self.orphan, "mcp_tool", parent: Self.missing, start: "2026-07-01T10:00:01Z", end: "2026-07-01T10:00:01.5Z", type: "tool"),
            span(Self.orphanChild, "mcp_fetch", parent: Self.orphan, start: "2026-07-01T10:00:01.1Z", end: "2026-07-01T10:00:01.2Z"),
        ]
        for value in spans { server.insert(span: value, project: "shop", createTrace: false) }
        try body(server)
        }
    }

    /// The tree's lines: from the header line that starts with SPAN to the end.
    func treeLines(_ stdout: String) -> [Substring] {
        let lines = stdout.split(separator: "\n")
        guard let start = lines.firstIndex(where: { $0.hasPrefix("SPAN ") }) else { return [] }
        return Array(lines[start...])
    }

    @Test(arguments: [80, 200])
    func theTreeShowsEverySpanUnderItsParentOrphansUnderTheMissingId(columns: Int) throws {
        try withTree { server in
            let result = try TerminalRun.run(["traces", "get", Self.trace, "--no-color"], columns: columns,
                                             environment: server.environment)
            #expect(result.status == 0)
            for line in result.stdout.split(separator: "\n") { #expect(DisplayWidth.of(String(line)) <= columns, "\(line)") }
            #expect(result.stdout.hasPrefix("name:"))
            let lines = result.stdout.split(separator: "\n")
            #expect(lines.contains { $0.hasPrefix("project:") && $0.hasSuffix(" shop") })
            #expect(lines.contains { $0.hasPrefix("thread:") && $0.hasSuffix(" chat-7") })
            #expect(result.stdout.contains("where is my order?"))
            let tree = treeLines(result.stdout)
            let names = tree.dropFirst().map { line in
                line.split(separator: " ").first { $0.first.map { $0.isLetter || $0 == "⟨" } ?? false }.map(String.init) ?? ""
            }
            // The trace, its root, the two children by parsed start time (.25 before .5), then
            // the orphans under the id of the parent that was never sent, nothing dropped.
            #expect(names == ["checkout", "handle_request", "lookup_order", "answer_llm", "⟨missing", "mcp_tool", "mcp_fetch"])
            #expect(tree.contains { $0.contains("⟨missing span \(Self.missing)⟩") })
            #expect(tree.contains { $0.contains("└─ ⟨missing span") })
            #expect(tree.contains { $0.contains("+250ms") && $0.contains("lookup_order") })
            #expect(result.stderr == "opik: warning: 1 span has a missing parent (\(Self.missing)): shown under \"missing span\"\n")
            // The tree asks only for what it shows: inputs and outputs never travel.
            let search = try #require(server.requests.last { $0.path == "/v1/private/spans/search" })
            let exclude = try JSONParser.parse(bytes: search.body)["exclude"]?.arrayValue?.compactMap(\.stringValue) ?? []
            #expect(exclude.contains("input") && exclude.contains("output") && exclude.contains("metadata"))
            #expect(!exclude.contains("name") && !exclude.contains("start_time") && !exclude.contains("usage"))
            let header = try #require(tree.first)
            #expect(header.contains("TIMELINE") == (columns >= 120))
            #expect(header.contains("DURATION"))
        }
    }

    @Test func inAPipeTheSameTraceIsOneRowAndWithSpansEverySpanInTreeOrder() throws {
        try withTree { server in
            let row = try server.opik(["traces", "get", Self.trace, "--fields", "id,name,span_count"])
            #expect(row.stdout == "\(Self.trace)\tcheckout\t5\n")
            let json = try server.opik(["traces", "get", Self.trace, "--spans", "--format", "ndjson"])
            #expect(json.status == 0)
            #expect(json.stderr == "")
            let search = try #require(server.requests.last { $0.path == "/v1/private/spans/search" })
            #expect(try JSONParser.parse(bytes: search.body)["exclude"] == nil)
            let object = try JSONParser.parse(json.stdout)
            let ids = object["spans"]?.arrayValue?.compactMap { $0["id"]?.stringValue }
            #expect(ids == [Self.root, Self.early, Self.late, Self.orphan, Self.orphanChild])
        }
    }
}
