import Foundation
import Glibc
import OpikCore
import OpikTestServer
import OpikTestSupport
import Testing

/// The built binary against servers that answer wrongly or not at all: limits hold on the
/// client's side, loops end, and a wrong answer is never a success.
@Suite struct UntrustedServerEndToEndTests {
    @Test func limitHoldsWhenTheServerSendsMore() throws {
        let server = try OpikTestServer.start()
        defer { server.stop() }
        server.seed(project: "app", count: 600)
        server.inject(.searchIgnoresPaging, pathPrefix: "/v1/private/spans/search")
        let result = try server.opik(["spans", "list", "-p", "app", "-n", "5", "--format", "ndjson"])
        #expect(result.status == 0)
        #expect(NDJSON.values(result.stdout).count == 5)
    }

    @Test func allStopsWhenTheCursorDoesNotAdvance() throws {
        let server = try OpikTestServer.start()
        defer { server.stop() }
        server.seed(project: "app", count: 600)
        server.inject(.searchIgnoresPaging, times: 20, pathPrefix: "/v1/private/spans/search")
        let result = try server.opik(["spans", "list", "-p", "app", "--all", "--format", "ndjson"])
        #expect(result.status == 1)
        #expect(result.stderr.contains("so it does not page by last_retrieved_id; stopped to avoid repeating spans"))
        let ids = NDJSON.values(result.stdout)
        #expect(ids.count == 500)
        #expect(Set(ids).count == ids.count)
    }

    @Test func aRefusedConnectionFailsAfterTheRetriesAlone() throws {
        let port = try ClosedPort()
        let result = try BinaryRunner.run(["spans", "list", "-p", "app", "--all", "-v", "--url", "http://127.0.0.1:\(port.number)"])
        #expect(result.status == 5)
        // --retries 4 by default: five attempts, and nothing resumes a stream that never began.
        #expect(result.stderr.split(separator: "\n").filter { $0.hasPrefix("> POST ") }.count == 5)
        #expect(!result.stderr.contains("resuming"))
    }

    @Test(arguments: ["{}", "5", #"{"id":"0190b5d2-7c1e-7a3b-8f00-000000000999","name":"other"}"#])
    func getRefusesAnAnswerThatIsNotTheSpan(body: String) throws {
        let server = try OpikTestServer.start()
        defer { server.stop() }
        let id = "0190b5d2-7c1e-7a3b-8f00-5b9a1c2d3e4f"
        server.inject(.status(200, headers: [("Content-Type", "application/json")], body: body), pathPrefix: "/v1/private/spans/")
        let result = try server.opik(["spans", "get", id, "--format", "json"])
        #expect(result.status == 1)
        #expect(result.stdout == "")
        #expect(result.stderr.hasPrefix("opik: error: get span \(id): expected span \(id), received '\(body)' (HTTP 200)\n"))
    }

    @Test(arguments: ["{}", "5", #"{"stats":[1]}"#])
    func statsRefusesAnAnswerThatIsNotStatistics(body: String) throws {
        let server = try OpikTestServer.start()
        defer { server.stop() }
        server.inject(.status(200, headers: [("Content-Type", "application/json")], body: body), pathPrefix: "/v1/private/spans/stats")
        let result = try server.opik(["spans", "stats", "-p", "app", "--format", "json"])
        #expect(result.status == 1)
        #expect(result.stdout == "")
        #expect(result.stderr.hasPrefix("opik: error: get span statistics: expected statistics (an object with a \"stats\" list), received '\(body)'"))
    }

    @Test func otherReadsRefuseAnAnswerOfTheWrongShape() throws {
        let server = try OpikTestServer.start()
        defer { server.stop() }
        server.seed(project: "app", count: 1)
        let span = "0190b5d2-7c1e-7a3b-8f00-5b9a1c2d3e4f", comment = "0190b5d2-7c1e-7a3b-8f00-5b9a1c2d3e40"
        server.inject(.status(200, body: "{}"), pathPrefix: "/v1/private/spans/feedback-scores/names")
        let names = try server.opik(["spans", "score", "names", "-p", "app"])
        #expect(names.status == 1)
        #expect(names.stderr.hasPrefix("opik: error: list score names: expected score names (an object with a \"scores\" list), received '{}'"))
        server.inject(.status(200, body: "{}"), pathPrefix: "/v1/private/spans/\(span)/comments/")
        let got = try server.opik(["spans", "comment", "get", span, comment])
        #expect(got.status == 1)
        #expect(got.stderr.hasPrefix("opik: error: get comment \(comment): expected comment \(comment), received '{}'"))
    }

    @Test func anExcerptMasksTheKeyAndControlCharacters() throws {
        let key = "secret-key-0123456789"
        let server = try OpikTestServer.start(apiKey: key)
        defer { server.stop() }
        server.inject(.status(200, body: "{\"echo\":\"\(key)\u{1B}[31m\"}"), pathPrefix: "/v1/private/spans/stats")
        let result = try server.opik(["spans", "stats", "-p", "app"], env: ["OPIK_API_KEY": key])
        #expect(result.status == 1)
        #expect(!result.stderr.contains(key))
        #expect(!result.stderr.contains("\u{1B}"))
        #expect(result.stderr.contains("sec***?[31m"))
    }
}
