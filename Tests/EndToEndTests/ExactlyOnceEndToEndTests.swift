import Foundation
import OpikCore
import OpikTestServer
import OpikTestSupport
import Testing

/// Promises that a command can only keep by checking: an export resumed with the printed
/// command yields each span once, a score lands where it shows, and a tag edit lands.
@Suite struct ExactlyOnceEndToEndTests {
    @Test func aResumedCSVExportHasEverySpanOnceAndOneHeader() throws {
        let server = try OpikTestServer.start()
        defer { server.stop() }
        server.seed(project: "app", count: 3000, endingNear: Date())
        // The first page arrives whole; every try at the second breaks after some spans were
        // written, until the retries are used up.
        server.inject(.delay(seconds: 0), times: 1, pathPrefix: "/v1/private/spans/search")
        server.inject(.dropMidBody(afterBytes: 30_000), times: 3, pathPrefix: "/v1/private/spans/search")
        let first = try server.opik(["spans", "list", "-p", "app", "--all", "--format", "csv", "--fields", "id,name",
                                           "--since", "30d", "--retries", "2"])
        #expect(first.status == 5)
        let hint = try #require(first.stderr.split(separator: "\n").first { $0.hasPrefix("hint: to continue: ") })
        let command = hint.dropFirst("hint: to continue: ".count).split(separator: " ").map(String.init)
        #expect(command.contains("--no-header"))
        #expect(!command.contains("30d"))
        let since = try #require(command.firstIndex(of: "--since").map { command[$0 + 1] })
        #expect(TimeParser.date(rfc3339: since) != nil)
        let firstRows = first.stdout.split(separator: "\r\n").map(String.init)
        #expect(firstRows.count > 2001)
        server.clearFaults()
        let rest = try server.opik(Array(command.dropFirst()))
        #expect(rest.status == 0)
        let rows = firstRows + rest.stdout.split(separator: "\r\n").map(String.init)
        #expect(rows.filter { $0 == "id,name" }.count == 1)
        let ids = rows.dropFirst().map { String($0.split(separator: ",")[0]) }
        #expect(ids.count == 3000)
        #expect(Set(ids).count == 3000)
    }

    @Test func scoresGoToTheSpansProjectAndUnknownSpansFail() throws {
        let server = try OpikTestServer.start()
        defer { server.stop() }
        let created = try server.opik(["spans", "create", "-p", "scored", "--file", "-"], stdin: BulkSupport.spans(2))
        let ids = created.stdout.split(separator: "\n").map(String.init)
        #expect(ids.count == 2)
        let unknown = "0190b5d2-7c1e-7a3b-8f00-000000000999"
        let dir = BinaryRunner.temporaryDirectory()
        let csv = "id,name,value\n\(ids[0]),accuracy,0.75\n\(unknown),accuracy,1\n\(ids[1]),accuracy,0.5\n"
        try csv.write(toFile: dir + "/scores.csv", atomically: true, encoding: .utf8)
        let result = try server.opik(["spans", "score", "upload", "-p", "elsewhere", dir + "/scores.csv", "--failed", dir + "/failed.csv"])
        #expect(result.status == 6)
        #expect(result.stderr.contains("opik: error: \(dir)/scores.csv:3: span \(unknown) not found; score not uploaded\n"))
        #expect(result.stderr.contains("opik: uploaded 2 of 3 scores; 1 names a span that does not exist ("))
        #expect(try String(contentsOfFile: dir + "/failed.csv", encoding: .utf8) == "id,name,value\n\(unknown),accuracy,1\n")
        #expect(server.scores(spanId: ids[0]).first?["value"]?.doubleValue == 0.75)
        #expect(server.scores(spanId: ids[1]).first?["value"]?.doubleValue == 0.5)
        let put = try #require(server.requests.last { $0.method == "PUT" })
        #expect(put.json?["scores"]?.arrayValue?.map { $0["project_name"] } == ["scored", "scored"])
        // The span lookups of the score check; spans create looked up the two new traces.
        #expect(server.requests.filter { $0.method == "GET" && $0.path.contains("/spans/") }.count == 3)
    }

    @Test func noCheckSendsAsGivenWithoutLookingUp() throws {
        let server = try OpikTestServer.start()
        defer { server.stop() }
        let unknown = "0190b5d2-7c1e-7a3b-8f00-000000000999"
        let result = try server.opik(["spans", "score", "upload", "-", "--no-check", "--input-format", "csv"],
                                   stdin: "id,name,value\n\(unknown),accuracy,1\n")
        // The server accepts a score for a span it does not have, as released servers do.
        #expect(result.status == 0)
        #expect(server.requests.map(\.method) == ["PUT"])
    }

    @Test func aTagAddedToOneSpanLands() throws {
        let server = try OpikTestServer.start()
        defer { server.stop() }
        let created = try server.opik(["spans", "create", "-p", "tagged", "--name", "n", "--tags", "old"])
        let id = try #require(created.stdout.split(separator: "\n").first.map(String.init))
        let result = try server.opik(["spans", "update", id, "--add-tag", "reviewed", "--remove-tag", "old"])
        #expect(result.status == 0)
        #expect(server.span(id: id)?["tags"] == ["reviewed"])
    }
}
