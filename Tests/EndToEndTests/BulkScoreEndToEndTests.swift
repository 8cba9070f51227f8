import Foundation
import OpikCore
import OpikTestServer
import OpikTestSupport
import Testing

/// The built binary uploading feedback scores to the loopback test server.
@Suite(.serialized) struct BulkScoreEndToEndTests {
    @Test func csvScoresLandOnTheirSpansInTheirProjects() throws {
        let server = try OpikTestServer.start()
        defer { server.stop() }
        let created = try server.opik(["spans", "create", "-p", "scored", "--file", "-"], stdin: BulkSupport.spans(3))
        let ids = created.stdout.split(separator: "\n").map(String.init)
        #expect(ids.count == 3)
        let dir = BinaryRunner.temporaryDirectory()
        let csv = "id,name,value,reason\n\(ids[0]),accuracy,0.75,\"right, mostly\"\n\(ids[2]),accuracy,1,\n\(ids[2]),relevance,0.5,\"\"\"quoted\"\"\"\n"
        try csv.write(toFile: dir + "/scores.csv", atomically: true, encoding: .utf8)
        let result = try server.opik(["spans", "score", "upload", "-p", "scored", dir + "/scores.csv"])
        #expect(result.status == 0)
        #expect(result.stderr.hasPrefix("opik: uploaded 3 scores in 1 batch ("))
        let items = try #require(server.requests.last?.json?["scores"]?.arrayValue)
        #expect(items.allSatisfy { $0["project_name"] == "scored" })
        let first = server.scores(spanId: ids[0])
        #expect(first.count == 1)
        #expect(first.first?["value"]?.doubleValue == 0.75)
        #expect(first.first?["reason"] == "right, mostly")
        #expect(server.scores(spanId: ids[1]).isEmpty)
        #expect(Set(server.scores(spanId: ids[2]).compactMap { $0["name"]?.stringValue }) == ["accuracy", "relevance"])
    }

    @Test func aCSVWithOneBadValueSendsNothing() throws {
        let server = try OpikTestServer.start()
        defer { server.stop() }
        let dir = BinaryRunner.temporaryDirectory()
        var rows = ["id,name,value"]
        for i in 0..<50 { rows.append("\(UUIDv7.make(milliseconds: 1_782_900_000_000 + UInt64(i), random: (UInt64(i), 1))),accuracy,0.\(i % 10)") }
        rows[31] = rows[31].replacingOccurrences(of: ",accuracy,0.0", with: ",accuracy,n/a")
        try (rows.joined(separator: "\n") + "\n").write(toFile: dir + "/scores.csv", atomically: true, encoding: .utf8)
        let result = try server.opik(["spans", "score", "upload", dir + "/scores.csv"])
        #expect(result.status == 2)
        #expect(result.stderr.hasPrefix("opik: error: \(dir)/scores.csv:32: field \"value\": invalid value \"n/a\" (expected a number)\n"))
        #expect(server.requests.isEmpty)
    }
}
