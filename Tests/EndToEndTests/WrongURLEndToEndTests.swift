import Foundation
import OpikCore
import OpikTestServer
import OpikTestSupport
import Testing

/// A base URL with `/api` where the server has none, or without it where a frontend serves
/// web pages: the user hears that the URL is wrong, not that a span does not exist.
@Suite struct WrongURLEndToEndTests {
    static let id = "01a2265e-d99d-7024-9741-dfa42ac3d759"

    func expectWrongURL(_ result: RunResult, base: String, sourceLocation: SourceLocation = #_sourceLocation) {
        #expect(result.status == 5, sourceLocation: sourceLocation)
        let lines = result.stderr.split(separator: "\n").map(String.init)
        #expect(lines.count == 2, "\(result.stderr)", sourceLocation: sourceLocation)
        #expect(lines.first?.hasPrefix("opik: error: ") == true, sourceLocation: sourceLocation)
        #expect(lines.first?.contains("no Opik API at this address") == true, sourceLocation: sourceLocation)
        #expect(!result.stderr.contains("not found"), sourceLocation: sourceLocation)
        #expect(lines.last?.hasPrefix("hint: check the base URL (now \(base);") == true, sourceLocation: sourceLocation)
        #expect(lines.last?.contains("http://HOST:5173/api") == true, sourceLocation: sourceLocation)
        #expect(lines.last?.contains("http://HOST:8080") == true, sourceLocation: sourceLocation)
    }

    @Test func anHTML404IsAWrongURLNotAMissingSpan() throws {
        let server = try OpikTestServer.start()
        defer { server.stop() }
        // What a frontend's web server answers for a path it does not serve.
        server.inject(.status(404, headers: [("Content-Type", "text/html")], body: "<html><body><h1>404 Not Found</h1></body></html>"), times: 10)
        let env = server.environment
        expectWrongURL(try BinaryRunner.run(["spans", "get", Self.id], environment: env), base: server.baseURL)
        expectWrongURL(try BinaryRunner.run(["spans", "list", "-p", "app"], environment: env), base: server.baseURL)
        expectWrongURL(try BinaryRunner.run(["spans", "score", "add", Self.id, "accuracy=1"], environment: env), base: server.baseURL)
    }

    @Test func theBackendsOwn404ForAnUnknownPathIsAWrongURLToo() throws {
        let server = try OpikTestServer.start()
        defer { server.stop() }
        server.seed(project: "app", count: 2)
        // The backend serves its resources at the root (the test server also under "/api", as
        // an install does): one "/api" too many leads nowhere, and it answers
        // {"code":404,"message":"HTTP 404 Not Found"}.
        let base = server.baseURL + "/api/api"
        let env = ["OPIK_URL_OVERRIDE": base]
        expectWrongURL(try BinaryRunner.run(["spans", "get", Self.id], environment: env), base: base)
        expectWrongURL(try BinaryRunner.run(["spans", "stats", "-p", "app"], environment: env), base: base)
    }

    @Test func opiksOwnNotFoundKeepsItsMeaning() throws {
        let server = try OpikTestServer.start()
        defer { server.stop() }
        let result = try server.opik(["spans", "get", Self.id])
        #expect(result.status == 3)
        #expect(result.stderr.contains("not found"))
        #expect(!result.stderr.contains("base URL"))
    }
}
