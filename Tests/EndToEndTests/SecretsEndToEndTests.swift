import Foundation
import OpikCore
import OpikTestServer
import OpikTestSupport
import Testing

/// Passwords in URLs and API keys never show, wherever the URL or server text is printed; a
/// URL that is no http(s) URL stops before any request.
@Suite(.serialized) struct SecretsEndToEndTests {
    static let key = "sk-live-0123456789abcdef"

    /// The server's URL with `user:pass@` in it.
    func withPassword(_ server: OpikTestServer) -> String {
        server.baseURL.replacing("http://", with: "http://ana:hunter2@")
    }

    func expectNoSecret(_ result: RunResult, _ context: String = "") {
        for secret in ["hunter2", Self.key] {
            #expect(!result.stdout.contains(secret), "\(context)")
            #expect(!result.stderr.contains(secret), "\(context)")
        }
    }

    @Test func aURLPasswordIsMaskedInConfigShowTheWireLogAndExplain() throws {
        let server = try OpikTestServer.start()
        defer { server.stop() }
        server.seed(project: "app", count: 2)
        let environment = ["OPIK_URL_OVERRIDE": withPassword(server), "OPIK_API_KEY": Self.key]
        let masked = server.baseURL.replacing("http://", with: "http://***@")
        let show = try BinaryRunner.run(["config", "show"], environment: environment)
        #expect(show.stdout.contains("url\t\(masked)\tenv OPIK_URL_OVERRIDE\n"))
        expectNoSecret(show, "config show")
        let verbose = try BinaryRunner.run(["-v", "spans", "list", "-p", "app", "-n", "1"], environment: environment)
        #expect(verbose.status == 0)
        #expect(verbose.stderr.contains("> POST \(masked)/v1/private/spans/search\n"))
        expectNoSecret(verbose, "-v")
        let explain = try BinaryRunner.run(["spans", "list", "-p", "app", "--explain"], environment: environment)
        #expect(explain.stdout.hasPrefix("POST \(masked)/v1/private/spans/search\n"))
        expectNoSecret(explain, "--explain")
    }

    @Test func errorsAndResumeHintsMaskTheURLPassword() throws {
        let server = try OpikTestServer.start()
        defer { server.stop() }
        server.seed(project: "app", count: 2500)
        server.inject(.delay(seconds: 0), times: 1, pathPrefix: "/v1/private/spans/search")
        server.inject(.dropMidBody(afterBytes: 100), times: 10, pathPrefix: "/v1/private/spans/search")
        let result = try BinaryRunner.run(["spans", "list", "-p", "app", "--all", "--format", "ndjson", "--retries", "1",
                                           "--url", withPassword(server)])
        #expect(result.status == 5)
        #expect(result.stderr.contains("(\(server.baseURL.replacing("http://", with: "http://***@"))/v1/private/spans/search)"))
        #expect(result.stderr.contains("--url 'http://***@127.0.0.1:"))
        expectNoSecret(result)
    }

    @Test func anAPIKeyEchoedByTheServerIsMasked() throws {
        let server = try OpikTestServer.start()
        defer { server.stop() }
        server.inject(.status(401, body: #"{"code":401,"message":"API key \#(Self.key) is not valid"}"#))
        let result = try server.opik(["spans", "stats", "-p", "app"], env: ["OPIK_API_KEY": Self.key])
        #expect(result.status == 4)
        #expect(result.stderr.hasPrefix("opik: error: get span statistics: API key sk-*** is not valid (HTTP 401)\n"))
        expectNoSecret(result)
    }

    @Test func anInvalidURLStopsBeforeAnyRequestNamingWhereItCameFrom() throws {
        let server = try OpikTestServer.start()
        defer { server.stop() }
        let home = BinaryRunner.temporaryHome()
        try "[opik]\nurl_override = localhost:5173/api\n".write(toFile: home + "/.opik.config", atomically: true, encoding: .utf8)
        let fromFile = try BinaryRunner.run(["spans", "list", "-p", "app"], environment: ["OPIK_API_KEY": Self.key], home: home)
        #expect(fromFile.status == 2)
        #expect(fromFile.stderr.hasPrefix("opik: error: invalid URL 'localhost:5173/api' in url_override in \(home)/.opik.config: "
            + "it has no scheme (expected http:// or https://)\n"))
        let fromEnvironment = try BinaryRunner.run(["spans", "stats", "-p", "app"],
                                                   environment: ["OPIK_URL_OVERRIDE": "ftp://127.0.0.1:\(server.port)/api"])
        #expect(fromEnvironment.status == 2)
        #expect(fromEnvironment.stderr.hasPrefix("opik: error: invalid URL 'ftp://127.0.0.1:\(server.port)/api' in OPIK_URL_OVERRIDE: "
            + "the scheme 'ftp' is not supported (expected http or https)\n"))
        let fromFlag = try BinaryRunner.run(["spans", "create", "--name", "x", "--url", "http://ana:hunter2@/api"])
        #expect(fromFlag.status == 2)
        #expect(fromFlag.stderr.hasPrefix("opik: error: invalid URL 'http://***@/api' in --url: it has no host\n"))
        #expect(server.requests.isEmpty)
    }
}
