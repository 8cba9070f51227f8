import Foundation
import OpikCore
import OpikTestServer
import OpikTestSupport
import Testing

/// `opik` against the bundled server configured as a local Opik install: a base URL ending in `/api`.
@Suite struct LocalOpikEndToEndTests {
    @Test func theCLIWorksWithALocalInstallURL() throws {
        let server = try OpikTestServer.start(apiKey: "local-key")
        defer { server.stop() }
        server.seed(project: "demo", count: 20)
        // A local install's URL: the server under /api/.
        let env = ["OPIK_URL_OVERRIDE": server.baseURL + "/api", "OPIK_API_KEY": "local-key"]
        let list = try server.opik(["spans", "list", "-p", "demo", "--format", "ndjson", "--fields", "id"], env: env)
        #expect(list.status == 0)
        #expect(list.stdout.split(separator: "\n").count == 20)
        let created = try server.opik(
            ["spans", "create", "-p", "demo", "--name", "call", "--type", "llm", "--model", "gpt-4o", "--provider", "openai",
             "--usage", "prompt_tokens=1000,completion_tokens=100", "--metadata", #"{"team":"search"}"#], env: env)
        #expect(created.status == 0, "\(created.stderr)")
        let newSpan = server.spans(project: "demo").first { $0["name"] == "call" }
        #expect(newSpan?["total_estimated_cost"] == .number("0.003500000000"))
        #expect(newSpan.map { JSONWriter.compact($0["metadata"]!) } == #"{"provider":"openai","team":"search"}"#)
        let id = newSpan?["id"]?.stringValue ?? ""
        let shown = try server.opik(["spans", "get", id, "--format", "json"], env: env)
        #expect(shown.status == 0)
        #expect(shown.stdout.contains("0.0035"))
        #expect(!server.requests.isEmpty)
        #expect(server.requests.allSatisfy { $0.path.hasPrefix("/api/v1/private/") })
        #expect(server.requests.allSatisfy { $0.header("Comet-Workspace") == "default" })
    }

    @Test func withAnAPIKeyABlankWorkspaceIsRefusedAs403() throws {
        let server = try OpikTestServer.start(apiKey: "local-key")
        defer { server.stop() }
        server.seed(project: "demo", count: 2)
        let env = ["OPIK_URL_OVERRIDE": server.baseURL + "/api", "OPIK_API_KEY": "local-key", "OPIK_WORKSPACE": ""]
        let result = try server.opik(["spans", "list", "-p", "demo"], env: env)
        #expect(result.status == 4)
        #expect(result.stderr.hasPrefix("opik: error: search spans: Workspace name should be provided (HTTP 403)\n"))
        #expect(result.stdout == "")
    }
}
