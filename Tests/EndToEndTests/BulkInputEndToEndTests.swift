import Foundation
import OpikCore
import OpikTestServer
import OpikTestSupport
import Testing

/// The built binary reading bulk inputs: what it refuses before sending (status 2, nothing
/// reaches the server) and what it accepts.
@Suite struct BulkInputEndToEndTests {
    static let span1 = "0190b5d2-7c1e-7a3b-8f00-000000000001"
    static let span2 = "0190b5d2-7c1e-7a3b-8f00-000000000002"
    static let time = "2026-07-01T10:00:00Z"

    static func file(_ name: String, _ bytes: [UInt8]) throws -> String {
        let path = BinaryRunner.temporaryDirectory() + "/" + name
        try Data(bytes).write(to: URL(fileURLWithPath: path))
        return path
    }

    static func writes(_ server: OpikTestServer) -> [RecordedRequest] {
        server.requests.filter { $0.method != "GET" && !$0.path.hasSuffix("/search") }
    }

    @Test func repeatedIdsAreRefusedBeforeAnythingIsSent() throws {
        let server = try OpikTestServer.start()
        defer { server.stop() }
        let spans = try Self.file("spans.ndjson", Array("""
            {"id":"\(Self.span1)","start_time":"\(Self.time)"}
            {"id":"\(Self.span1)","start_time":"\(Self.time)","name":"again"}

            """.utf8))
        let created = try server.opik(["spans", "create", "-p", "dup", "--file", spans])
        #expect(created.status == 2)
        #expect(created.stderr.hasPrefix(
            "opik: error: \(spans):2: field \"id\": the same id as line 1 (the server would keep only one of them)\n"))
        let scores = try Self.file("scores.csv", Array("id,name,value\n\(Self.span1),a,1\n\(Self.span1),a,0\n".utf8))
        let uploaded = try server.opik(["spans", "score", "upload", "-p", "dup", scores])
        #expect(uploaded.status == 2)
        #expect(uploaded.stderr.hasPrefix(
            "opik: error: \(scores):3: field \"id\": the same id and name as line 2 (the server would keep only one of them)\n"))
        #expect(Self.writes(server).isEmpty)
    }

    @Test func oneFileSentToTwoProjectsMakesTwoSetsOfSpansAndTraces() throws {
        let server = try OpikTestServer.start()
        defer { server.stop() }
        let path = try Self.file("spans.ndjson", Array(BulkSupport.spans(3).utf8))
        for project in ["one", "two"] {
            let result = try server.opik(["spans", "create", "-p", project, "--file", path])
            #expect(result.status == 0, "\(result.stderr)")
        }
        let one = server.spans(project: "one")
        let two = server.spans(project: "two")
        #expect(one.count == 3 && two.count == 3)
        let ids = Set((one + two).compactMap { $0["id"]?.stringValue })
        let traces = Set((one + two).compactMap { $0["trace_id"]?.stringValue })
        #expect(ids.count == 6)
        #expect(traces.count == 6)
    }

    @Test func aRecordCutShortIsReportedWhereItStarts() throws {
        let server = try OpikTestServer.start()
        defer { server.stop() }
        var lines = BulkSupport.spans(8).split(separator: "\n").map(String.init)
        lines[6] = String(lines[6].dropLast())  // line 7 lacks its closing brace
        lines.insert("", at: 7)
        let path = try Self.file("spans.ndjson", Array((lines.joined(separator: "\n") + "\n").utf8))
        let result = try server.opik(["spans", "create", "-p", "cut", "--file", path])
        #expect(result.status == 2)
        #expect(result.stderr == """
            opik: error: \(path):7: invalid JSON in the record starting here: expected ',' or '}' in an object at line 9, column 1
            hint: nothing was sent; fix the record and run the command again

            """)
        #expect(Self.writes(server).isEmpty)
    }

    @Test func csvScoresThatAreNotUTF8AreRefused() throws {
        let server = try OpikTestServer.start()
        defer { server.stop() }
        let bytes = Array("id,name,value,reason\n\(Self.span1),a,1,caf".utf8) + [0xE9] + Array("\n".utf8)
        let path = try Self.file("scores.csv", bytes)
        let result = try server.opik(["spans", "score", "upload", "-p", "enc", path])
        #expect(result.status == 2)
        #expect(result.stderr == """
            opik: error: \(path):2: invalid CSV: field 4 is not valid UTF-8 text
            hint: nothing was sent; fix the record and run the command again

            """)
        #expect(Self.writes(server).isEmpty)
    }

    @Test func jsonFilesWithAByteOrderMarkAreRead() throws {
        let server = try OpikTestServer.start()
        defer { server.stop() }
        let mark: [UInt8] = [0xEF, 0xBB, 0xBF]
        let ndjson = try Self.file("spans.ndjson", mark + Array(BulkSupport.spans(2, name: "nd").utf8))
        let array = try Self.file("spans.json", mark + Array(#"[{"name":"arr","start_time":"\#(Self.time)"}]"#.utf8))
        for path in [ndjson, array] {
            let result = try server.opik(["spans", "create", "-p", "bom", "--file", path])
            #expect(result.status == 0, "\(result.stderr)")
        }
        #expect(Set(server.spans(project: "bom").compactMap { $0["name"]?.stringValue }) == ["nd 0", "nd 1", "arr"])
    }
}
