import Foundation
import OpikCore
import OpikTestServer
import OpikTestSupport
import Testing

/// The built binary against the loopback test server, as a user runs it.
@Suite struct ReadEndToEndTests {
    @Test func versionNamesLibcurl() throws {
        let result = try BinaryRunner.run(["--version"])
        #expect(result.status == 0)
        #expect(result.stdout.hasPrefix("opik \(OpikVersion.current) (libcurl/"))
    }

    @Test func exportsEverySpanExactlyOnceAsNDJSON() throws {
        try OpikTestServer.with { server in
            server.seed(project: "app", count: 4500)
            let result = try server.opik(["spans", "list", "-p", "app", "--all", "--format", "ndjson"])
            #expect(result.status == 0)
            let lines = result.stdout.split(separator: "\n")
            #expect(lines.count == 4500)
            let ids = lines.compactMap { try? JSONParser.parse(String($0))["id"]?.stringValue }
            #expect(Set(ids).count == 4500)
            #expect(Set(ids) == Set(server.spans(project: "app").compactMap { $0["id"]?.stringValue }))
            // 2000 + 2000 + 500, then one request confirms the end.
            let searches = server.requests.filter { $0.path == "/v1/private/spans/search" }
            #expect(searches.count == 4)
            #expect(searches.allSatisfy { $0.header("Comet-Workspace") == "default" && $0.header("Authorization") == nil })
        }
    }

    @Test func droppedStreamsResumeFromTheCursorWithoutDuplicates() throws {
        try OpikTestServer.with { server in
            server.seed(project: "app", count: 3000)
            server.inject(.dropMidBody(afterBytes: 20_000), times: 2, pathPrefix: "/v1/private/spans/search")
            server.inject(.truncateStream(afterObjects: 10), times: 1, pathPrefix: "/v1/private/spans/search")
            let result = try server.opik(["spans", "list", "-p", "app", "--all", "--format", "ndjson", "--fields", "id"])
            #expect(result.status == 0)
            let ids = result.stdout.split(separator: "\n")
            #expect(ids.count == 3000)
            #expect(Set(ids).count == 3000)
        }
    }

    /// Spans of a sample, or traces (hidden ones are not listed, so none are seeded).
    @Test(arguments: ["spans", "traces"])
    func anInterruptedExportPrintsTheCommandThatResumesItAndEachRecordComesOnce(group: String) throws {
        try OpikTestServer.with { server in
            if group == "spans" { server.seed(project: "app", count: 2500) } else { server.seed(project: "app", count: 0, traces: 2500) }
            let stream = "/v1/private/\(group)/search"
            // The second page keeps failing until retries run out.
            server.inject(.delay(seconds: 0), times: 1, pathPrefix: stream)
            server.inject(.dropMidBody(afterBytes: 100), times: 10, pathPrefix: stream)
            let first = try server.opik([group, "list", "-p", "app", "--all", "--format", "ndjson", "--retries", "2"])
            #expect(first.status == 5)
            let hint = try #require(first.stderr.split(separator: "\n").first { $0.hasPrefix("hint: to continue: ") })
            let command = hint.dropFirst("hint: to continue: ".count).split(separator: " ").map(String.init)
            #expect(Array(command.prefix(3)) == ["opik", group, "list"])
            #expect(command.contains("--after"))
            server.clearFaults()
            let rest = try server.opik(Array(command.dropFirst()))
            #expect(rest.status == 0)
            let all = NDJSON.values(first.stdout) + NDJSON.values(rest.stdout)
            #expect(!NDJSON.values(first.stdout).isEmpty)
            #expect(all.count == 2500)
            let stored = group == "spans" ? server.spans(project: "app") : server.traces(project: "app")
            #expect(Set(all) == Set(stored.compactMap { $0["id"]?.stringValue }))
        }
    }

    @Test func aClosedPipeEndsQuietlyWithStatus0() throws {
        try OpikTestServer.with { server in
            server.seed(project: "app", count: 3000)
            let script = "\"$OPIK\" spans list -p app --all --format ndjson | head -1 >/dev/null; echo ${PIPESTATUS[0]}"
            let result = try BinaryRunner.shell(script, environment: server.environment)
            #expect(result.stdout == "0\n")
            #expect(result.stderr == "")
        }
    }

    @Test func filtersSortPageAndFieldsWorkAgainstTheServer() throws {
        try OpikTestServer.with { server in
            server.seed(project: "app", count: 300)
            let llm = try server.opik(["spans", "list", "-p", "app", "--type", "llm", "-f", "usage.total_tokens >= 0", "--all",
                                        "--fields", "type", "--format", "ndjson"])
            #expect(llm.status == 0)
            #expect(!llm.stdout.isEmpty)
            #expect(llm.stdout.split(separator: "\n").allSatisfy { $0 == #"{"type":"llm"}"# })
            let sorted = try server.opik(["spans", "list", "-p", "app", "--sort", "duration:desc", "-n", "5", "--fields", "duration"])
            let durations = sorted.stdout.split(separator: "\n").compactMap { Double($0) }
            #expect(durations.count == 5)
            #expect(durations == durations.sorted(by: >))
            let page = try server.opik(["spans", "list", "-p", "app", "--page", "2", "-n", "7", "--fields", "id"])
            #expect(page.stdout.split(separator: "\n").count == 7)
            #expect(server.requests.last?.queryValue("page") == "2")
        }
    }

    @Test func getShowsASpanAndReportsUnknownOnes() throws {
        try OpikTestServer.with { server in
            server.seed(project: "app", count: 3)
            let id = try #require(server.spans(project: "app").first?["id"]?.stringValue)
            let missing = "0190b5d2-7c1e-7a3b-8f00-5b9a1c2d3e4f"
            let result = try server.opik(["spans", "get", id, missing, "--format", "ndjson", "--fields", "id,project_name"])
            #expect(result.status == 3)
            #expect(result.stdout == #"{"id":"\#(id)","project_name":"app"}"# + "\n")
            #expect(result.stderr == "opik: error: span \(missing) not found\n")
        }
    }

    @Test func statsAsJSON() throws {
        try OpikTestServer.with { server in
            server.seed(project: "app", count: 40)
            let result = try server.opik(["spans", "stats", "-p", "app", "--format", "json"])
            #expect(result.status == 0)
            let stats = try JSONParser.parse(result.stdout)
            #expect(stats["span_count"] == .number("40"))
            #expect(stats["duration"]?["p50"] != nil)
        }
    }

    @Test func everyFailureHasItsExitStatus() throws {
        try OpikTestServer.with(apiKey: "s3cret-key") { server in
            server.seed(project: "app", count: 2)
            let key = ["OPIK_API_KEY": "s3cret-key"]
            #expect(try server.opik(["spans", "list", "-p", "app"], env: key).status == 0)
            let usage = try server.opik(["spans", "list", "--limit", "0"], env: key)
            #expect(usage.status == 2)
            #expect(usage.stderr == "opik: error: invalid --limit '0': expected a whole number of at least 1\n")
            let missing = try server.opik(["spans", "list", "-p", "nope"], env: key)
            #expect(missing.status == 3)
            #expect(missing.stderr.contains("Project name: nope not found (HTTP 404)"))
            let auth = try server.opik(["spans", "list", "-p", "app"], env: ["OPIK_API_KEY": "wrong"])
            #expect(auth.status == 4)
            #expect(auth.stderr.contains("hint: check the API key"))
            server.inject(.status(500, body: #"{"code":500,"message":"There was an error processing your request"}"#), times: 1)
            let failed = try server.opik(["spans", "stats", "-p", "app"], env: key)
            #expect(failed.status == 1)
            #expect(failed.stderr.hasPrefix("opik: error: get span statistics: There was an error processing your request (HTTP 500)"))
        }
        let unreachable = try BinaryRunner.run(["spans", "list", "--retries", "0"], environment: ["OPIK_URL_OVERRIDE": "http://127.0.0.1:9"])
        #expect(unreachable.status == 5)
        #expect(unreachable.stderr.contains("could not connect"))
    }

    @Test func ctrlCExits130() throws {
        try OpikTestServer.with { server in
            server.seed(project: "app", count: 10)
            server.inject(.delay(seconds: 10), times: 1)
            let run = try server.running(["spans", "list", "-p", "app"])
            #expect(run.waitForOutput { _, _ in !server.requests.isEmpty })
            run.interrupt()
            let result = run.wait()
            #expect(result.status == 130)
            #expect(result.stderr.hasPrefix("opik: interrupted"))
        }
    }

    @Test func verboseLogNeverShowsTheKey() throws {
        try OpikTestServer.with(apiKey: "s3cret-key") { server in
            let result = try server.opik(["spans", "list", "-p", "x", "-v"], env: ["OPIK_API_KEY": "s3cret-key"])
            #expect(result.stderr.contains("> POST \(server.baseURL)/v1/private/spans/search"))
            #expect(!result.stderr.contains("s3cret-key"))
        }
    }

    @Test func followPrintsNewSpansUntilCtrlC() throws {
        try OpikTestServer.with { server in
            server.seed(project: "app", count: 3)
            let run = try server.running(["spans", "list", "-p", "app", "--follow", "--format", "ndjson", "--fields", "id,name"])
            #expect(run.waitForOutput { out, _ in out.split(separator: "\n").count == 3 })
            let newId = server.insertLateSpan(project: "app", random: (1, 2))
            #expect(run.waitForOutput { out, _ in out.contains("late_arrival") })
            run.interrupt()
            let result = run.wait()
            #expect(result.status == 0)
            let lines = result.stdout.split(separator: "\n")
            #expect(lines.count == 4)
            #expect(lines.last == #"{"id":"\#(newId)","name":"late_arrival"}"#)
        }
    }

    @Test func configSetThenShow() throws {
        let home = BinaryRunner.temporaryHome()
        let set = try BinaryRunner.run(["config", "set", "api_key", "abcdef123456"], home: home)
        #expect(set.status == 0)
        let attributes = try FileManager.default.attributesOfItem(atPath: home + "/.opik.config")
        #expect((attributes[.posixPermissions] as? Int) == 0o600)
        _ = try BinaryRunner.run(["config", "set", "project_name", "my app"], home: home)
        let show = try BinaryRunner.run(["config", "show"], environment: ["OPIK_WORKSPACE": "team"], home: home)
        #expect(show.status == 0)
        #expect(show.stdout.contains("api_key\tabc***\tfile \(home)/.opik.config\n"))
        #expect(show.stdout.contains("workspace\tteam\tenv OPIK_WORKSPACE\n"))
        #expect(show.stdout.contains("project\tmy app\tfile \(home)/.opik.config\n"))
        #expect(!show.stdout.contains("abcdef123456"))
        chmod(home + "/.opik.config", 0o644)
        let warned = try BinaryRunner.run(["config", "show"], home: home)
        #expect(warned.stderr.contains("holds an API key and is readable by others"))
    }
}
