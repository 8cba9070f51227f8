import Foundation
import OpikTestServer
import OpikTestSupport
import Testing

/// The `opik-test-server` command line: help, refused flags and startup.
@Suite struct ServerCommandTests {
    static func run(_ arguments: [String]) throws -> RunResult {
        try ProcessRunner.run(BinaryRunner.productsDirectory.appendingPathComponent("opik-test-server").path, arguments)
    }

    @Test(arguments: ["--help", "-h"])
    func helpExplainsHowToRunAndConnect(flag: String) throws {
        let result = try Self.run(["--seed-spans", "3", flag])
        #expect(result.status == 0)
        #expect(result.stderr == "")
        for text in ["usage: opik-test-server", "--port N", "--seed-spans N", "--seed-traces N", "--seed-tree N", "--project NAME", "--api-key KEY", "--log",
                     "lasts while it runs", "OPIK_URL_OVERRIDE=http://127.0.0.1:PORT/api", "Python SDK", "OPIK_WORKSPACE=default"] {
            #expect(result.stdout.contains(text), "help lacks \(text)")
        }
    }

    @Test(arguments: [
        (["--bogus"], "opik-test-server: error: unknown option '--bogus' (see --help)\n"),
        (["--port"], "opik-test-server: error: --port needs a value\n"),
        (["--port", "70000"], "opik-test-server: error: invalid --port '70000': expected a port number from 0 to 65535\n"),
        (["--seed-spans=-1"], "opik-test-server: error: invalid --seed-spans '-1': expected a whole number from 0 to 10000000\n"),
        (["--seed-traces", "many"], "opik-test-server: error: invalid --seed-traces 'many': expected a whole number from 0 to 10000000\n"),
        (["--seed-tree"], "opik-test-server: error: --seed-tree needs a value\n"),
        (["--project", " "], "opik-test-server: error: --project needs a non-blank name\n"),
        (["extra"], "opik-test-server: error: unknown option 'extra' (see --help)\n"),
    ] as [([String], String)])
    func badFlagsAreOneLineAndStatus2(arguments: [String], message: String) throws {
        let result = try Self.run(arguments)
        #expect(result.status == 2)
        #expect(result.stdout == "")
        #expect(result.stderr == message)
    }

    @Test func aBusyPortIsStatus1() throws {
        let busy = try OpikTestServer.start()
        defer { busy.stop() }
        let result = try Self.run(["--port", String(busy.port)])
        #expect(result.status == 1)
        #expect(result.stderr.hasPrefix("opik-test-server: error: cannot listen on 127.0.0.1:\(busy.port): "))
    }
}
