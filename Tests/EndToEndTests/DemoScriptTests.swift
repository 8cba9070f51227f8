import Foundation
import OpikTestSupport
import Testing

/// `scripts/demo` with the binaries of this build: a kept server, reuse, stop, no leftovers.
@Suite(.serialized) struct DemoScriptTests {
    static let script = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("scripts/demo").path

    static func demo(_ arguments: [String], tmp: String) throws -> RunResult {
        try ProcessRunner.run("/bin/bash", [script] + arguments,
                              environment: ["PATH": "/usr/bin:/bin", "TMPDIR": tmp, "DEMO_BIN": BinaryRunner.productsDirectory.path])
    }

    @Test func serveKeepsDataBetweenCommandsUntilStop() throws {
        let tmp = BinaryRunner.temporaryHome()
        defer { _ = try? Self.demo(["--stop"], tmp: tmp) }
        let served = try Self.demo(["--serve", "--seed-spans", "3"], tmp: tmp)
        #expect(served.status == 0, "\(served.stderr)")
        #expect(served.stdout.hasPrefix("export OPIK_URL_OVERRIDE=http://127.0.0.1:"))
        #expect(served.stdout.hasSuffix("/api\n"))
        let again = try Self.demo(["--serve"], tmp: tmp)
        #expect(again.stdout == served.stdout)
        #expect(again.stderr.contains("already running"))
        let created = try Self.demo(["spans", "create", "-p", "mine", "--name", "kept"], tmp: tmp)
        #expect(created.status == 0, "\(created.stderr)")
        let listed = try Self.demo(["spans", "list", "-p", "mine", "--format", "ndjson", "--fields", "name"], tmp: tmp)
        #expect(listed.stdout == #"{"name":"kept"}"# + "\n")
        let demoSpans = try Self.demo(["spans", "list", "-p", "demo", "--format", "ndjson", "--fields", "id"], tmp: tmp)
        #expect(demoSpans.stdout.split(separator: "\n").count == 3)
        let stopped = try Self.demo(["--stop"], tmp: tmp)
        #expect(stopped.status == 0)
        #expect(stopped.stderr.hasPrefix("demo: stopped the demo server"))
        #expect(try Self.demo(["--stop"], tmp: tmp).stderr == "demo: no demo server is running\n")
        // Without a kept server each command gets a fresh one: the span made before is gone.
        let fresh = try Self.demo(["spans", "list", "-p", "mine"], tmp: tmp)
        #expect(fresh.status == 3)
        #expect(try FileManager.default.contentsOfDirectory(atPath: tmp).isEmpty)
    }

    @Test func aThrowawayRunLeavesNoTemporaryFolder() throws {
        let tmp = BinaryRunner.temporaryHome()
        let result = try Self.demo(["spans", "list", "-p", "demo", "-n", "5", "--format", "ndjson"], tmp: tmp)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.split(separator: "\n").count == 5)
        #expect(try FileManager.default.contentsOfDirectory(atPath: tmp).isEmpty)
    }

    @Test func withoutArgumentsTheDemoListsTracesAndShowsADeepOne() throws {
        let tmp = BinaryRunner.temporaryHome()
        let result = try Self.demo([], tmp: tmp)
        #expect(result.status == 0, "\(result.stderr)")
        let lines = result.stdout.split(separator: "\n")
        #expect(lines.first == "$ opik traces list -p demo -n 10")
        #expect(lines.count == 13)
        let get = try #require(lines.first { $0.hasPrefix("$ opik traces get ") })
        let id = get.dropFirst("$ opik traces get ".count)
        // In a pipe the trace is one row: its id and name first.
        #expect(lines.last?.hasPrefix("\(id)\tdeep_research_agent\t") == true)
        #expect(try FileManager.default.contentsOfDirectory(atPath: tmp).isEmpty)
    }
}
