import Foundation
import OpikCore
import OpikTestServer
import OpikTestSupport
import Testing

/// The edit commands of the built binary against the loopback Opik test server.
@Suite struct EditEndToEndTests {
    static let trace = "0190b5d2-7c1e-7a3b-8f00-0000000000aa"
    static let otherTrace = "0190b5d2-7c1e-7a3b-8f00-0000000000bb"
    static let root = "0190b5d2-7c1e-7a3b-8f00-000000000001"
    static let child = "0190b5d2-7c1e-7a3b-8f00-000000000002"
    static let sibling = "0190b5d2-7c1e-7a3b-8f00-000000000003"
    static let loner = "0190b5d2-7c1e-7a3b-8f00-000000000004"
    static let unknown = "0190b5d2-7c1e-7a3b-8f00-000000000009"

    /// A server holding one trace of three spans (root, child, sibling) and another of one span,
    /// all in project "e2e".
    static func startServer() throws -> OpikTestServer {
        let server = try OpikTestServer.start()
        func span(_ id: String, trace: String, parent: String?, name: String, tags: [String]) -> JSONValue {
            var members: [(String, JSONValue)] = [("id", .string(id)), ("trace_id", .string(trace))]
            if let parent { members.append(("parent_span_id", .string(parent))) }
            members += [("name", .string(name)), ("type", "llm"), ("start_time", "2026-07-01T11:57:00Z"),
                        ("tags", .array(tags.map { .string($0) }))]
            return .object(members)
        }
        server.insert(span: span(root, trace: trace, parent: nil, name: "pipeline", tags: ["draft"]), project: "e2e")
        server.insert(span: span(child, trace: trace, parent: root, name: "llm_call", tags: ["draft", "keep"]), project: "e2e")
        server.insert(span: span(sibling, trace: trace, parent: root, name: "retrieve", tags: []), project: "e2e")
        server.insert(span: span(loner, trace: otherTrace, parent: nil, name: "other", tags: []), project: "e2e")
        return server
    }

    /// The project these tests work in, as the environment names it.
    static let project = ["OPIK_PROJECT_NAME": "e2e"]

    static func tags(_ server: OpikTestServer, _ id: String) -> [String] {
        server.span(id: id)?["tags"]?.arrayValue?.compactMap(\.stringValue) ?? []
    }

    @Test func updateChangesFieldsAndTagsAndKeepsTheParent() throws {
        let server = try Self.startServer()
        defer { server.stop() }
        let result = try server.opik(["spans", "update", Self.child, "--add-tag", "reviewed", "--remove-tag", "draft",
                                    "--name", "renamed", "--output", #"{"answer": 42}"#], env: Self.project)
        #expect(result.status == 0)
        #expect(result.stdout == "")
        #expect(result.stderr == "")
        let span = server.span(id: Self.child)
        #expect(Self.tags(server, Self.child) == ["keep", "reviewed"])
        #expect(span?["name"] == "renamed")
        #expect(span?["output"] == ["answer": 42])
        #expect(span?["parent_span_id"] == .string(Self.root))
        #expect(span?["trace_id"] == .string(Self.trace))
        // The single-span update of released servers drops tag edits: they go through the batch one.
        #expect(server.requests.map { "\($0.method) \($0.path)" } == ["GET /v1/private/spans/\(Self.child)", "PATCH /v1/private/spans/batch"])
    }

    @Test func updateOfSeveralIdsIsOneBatchAndSkipsUnknownIds() throws {
        let server = try Self.startServer()
        defer { server.stop() }
        let result = try server.opik(["spans", "update", "-", "--tags", "final"], env: Self.project,
                                   stdin: "\(Self.child)\n\(Self.unknown)\n\(Self.loner)\n")
        #expect(result.status == 3)
        #expect(result.stderr == "opik: error: span \(Self.unknown) not found; not updated\n")
        #expect(Self.tags(server, Self.child) == ["final"])
        #expect(Self.tags(server, Self.loner) == ["final"])
        #expect(Self.tags(server, Self.root) == ["draft"])
        #expect(server.span(id: Self.unknown) == nil)
        #expect(server.requests.filter { $0.method == "PATCH" }.map(\.path) == ["/v1/private/spans/batch"])
    }

    @Test func deleteOfASpanExplainsTheServerRefusalAndNamesItsTrace() throws {
        let server = try Self.startServer()
        defer { server.stop() }
        let result = try server.opik(["spans", "delete", Self.child], env: Self.project)
        #expect(result.status == 1)
        #expect(result.stderr == """
            opik: error: delete span \(Self.child): Opik servers cannot delete single spans (HTTP 501)
            hint: delete the span's trace with all its spans: opik spans delete --trace \(Self.trace)

            """)
        #expect(server.span(id: Self.child) != nil)
    }

    @Test func deleteTraceWithoutYesInAPipeDeletesNothing() throws {
        let server = try Self.startServer()
        defer { server.stop() }
        let result = try server.opik(["spans", "delete", "--trace", Self.trace], env: Self.project)
        #expect(result.status == 2)
        #expect(result.stderr.hasPrefix("opik: error: refusing to delete 1 trace (\"pipeline\") with 3 spans without confirmation"))
        #expect(server.spans(project: "e2e").count == 4)
        #expect(!server.requests.contains { $0.path == "/v1/private/traces/delete" })
    }

    @Test func deleteTraceWithYesRemovesItsSpansOnly() throws {
        let server = try Self.startServer()
        defer { server.stop() }
        let result = try server.opik(["spans", "delete", "--trace", "-", "--yes"], env: Self.project, stdin: Self.trace + "\n")
        #expect(result.status == 0)
        #expect(result.stderr == "opik: deleted 1 trace (\"pipeline\") with 3 spans\n")
        // The delete names the trace's project: one id may exist in several.
        let delete = server.requests.last { $0.path == "/v1/private/traces/delete" }
        #expect(delete?.json?["project_id"]?.stringValue?.isEmpty == false)
        #expect(server.spans(project: "e2e").compactMap { $0["id"]?.stringValue } == [Self.loner])
    }

    @Test func scoresAreAddedListedByNameAndDeleted() throws {
        let server = try Self.startServer()
        defer { server.stop() }
        let add = try server.opik(["spans", "score", "add", Self.child, "accuracy=0.92", "relevance=1", "--reason", "matches"], env: Self.project)
        #expect(add.status == 0)
        #expect(add.stderr == "")
        let scores = server.scores(spanId: Self.child)
        #expect(scores.compactMap { $0["name"]?.stringValue }.sorted() == ["accuracy", "relevance"])
        #expect(scores.first { $0["name"] == "accuracy" }?["value"] == .number("0.92"))
        #expect(scores.first { $0["name"] == "accuracy" }?["reason"] == "matches")

        let names = try server.opik(["spans", "score", "names"], env: Self.project)
        #expect(names.status == 0)
        #expect(names.stdout == "accuracy\nrelevance\n")

        let delete = try server.opik(["spans", "score", "delete", Self.child, "accuracy"], env: Self.project)
        #expect(delete.status == 0)
        #expect(server.scores(spanId: Self.child).compactMap { $0["name"]?.stringValue } == ["relevance"])

        let unknown = try server.opik(["spans", "score", "add", Self.unknown, "accuracy=1"], env: Self.project)
        #expect(unknown.status == 3)
        #expect(unknown.stderr == "opik: error: span \(Self.unknown) not found; no score added\n")
    }

    @Test func scoreNamesOfAnUnknownProjectExits3() throws {
        let server = try Self.startServer()
        defer { server.stop() }
        let result = try server.opik(["spans", "score", "names", "-p", "nope"], env: Self.project)
        #expect(result.status == 3)
        #expect(result.stderr.hasPrefix("opik: error: project 'nope' not found\n"))
    }

    @Test func commentsMakeTheFullRoundTrip() throws {
        let server = try Self.startServer()
        defer { server.stop() }
        let add = try server.opik(["spans", "comment", "add", Self.child, "-"], env: Self.project, stdin: "retrieval missed the page\n")
        #expect(add.status == 0)
        let id = add.stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        #expect(server.comments(spanId: Self.child).map { $0["id"] } == [.string(id)])
        #expect(server.comments(spanId: Self.child).first?["text"] == "retrieval missed the page")

        let list = try server.opik(["spans", "comment", "list", Self.child], env: Self.project)
        #expect(list.status == 0)
        let row = list.stdout.split(separator: "\t").map(String.init)
        #expect(row.first == id)
        #expect(row.last == "retrieval missed the page\n")

        let update = try server.opik(["spans", "comment", "update", id, "fixed in v2"], env: Self.project)
        #expect(update.status == 0)
        let get = try server.opik(["spans", "comment", "get", Self.child, id, "--format", "json"], env: Self.project)
        #expect(get.status == 0)
        #expect(try JSONParser.parse(get.stdout)["text"] == "fixed in v2")

        let delete = try server.opik(["spans", "comment", "delete", id], env: Self.project)
        #expect(delete.status == 0)
        #expect(server.comments(spanId: Self.child).isEmpty)
        let gone = try server.opik(["spans", "comment", "get", Self.child, id], env: Self.project)
        #expect(gone.status == 3)
    }

    @Test func dryRunsLeaveTheServerUntouched() throws {
        let server = try Self.startServer()
        defer { server.stop() }
        for arguments in [
            ["spans", "update", Self.child, "--name", "x", "--dry-run"],
            ["spans", "delete", "--trace", Self.trace, "--dry-run"],
            ["spans", "score", "add", Self.child, "a=1", "--dry-run"],
            ["spans", "comment", "add", Self.child, "hi", "--dry-run"],
        ] {
            let result = try server.opik(arguments, env: Self.project)
            #expect(result.status == 0, "\(arguments)")
        }
        #expect(server.span(id: Self.child)?["name"] == "llm_call")
        #expect(server.spans(project: "e2e").count == 4)
        #expect(server.scores(spanId: Self.child).isEmpty)
        #expect(server.comments(spanId: Self.child).isEmpty)
        #expect(server.requests.allSatisfy { $0.method == "GET" })
    }
}
