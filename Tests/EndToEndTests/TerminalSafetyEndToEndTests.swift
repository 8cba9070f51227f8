import Foundation
import OpikCore
import OpikTestServer
import OpikTestSupport
import Testing

/// Server text cannot drive the user's terminal: on a terminal control characters and bidi
/// overrides are shown as escapes; in a pipe the bytes are the server's.
@Suite(.serialized) struct TerminalSafetyEndToEndTests {
    /// Sets the window title, writes the clipboard (OSC 52), clears the screen, reverses text.
    static let hostile = "evil\u{1B}]0;pwned\u{07}\u{1B}]52;c;aGk=\u{07}\u{1B}[2J\u{9B}31m\u{202E}txt"
    static let escaped = #"evil\x1B]0;pwned\x07\x1B]52;c;aGk=\x07\x1B[2J\u009B31m\u202Etxt"#

    func server() throws -> OpikTestServer {
        let server = try OpikTestServer.start()
        let id = UUIDv7.make(milliseconds: UInt64(Date().timeIntervalSince1970 * 1000), random: (7, 7))
        server.insert(span: ["id": .string(id), "trace_id": .string(id), "name": .string(Self.hostile),
                             "start_time": "2026-07-01T12:00:00Z"], project: "app")
        return server
    }

    /// No raw ESC, BEL, C1 CSI or bidi override reached the terminal.
    func expectInert(_ text: String, _ context: String) {
        for scalar in ["\u{1B}]", "\u{07}", "\u{1B}[2J", "\u{9B}", "\u{202E}"] {
            #expect(!text.contains(scalar), "\(context): raw \(scalar.unicodeScalars.map { $0.value })")
        }
    }

    @Test(arguments: ["csv", "json", "ndjson"])
    func serverTextOnATerminalIsEscaped(format: String) throws {
        let server = try server()
        defer { server.stop() }
        let run = try TerminalRun.run(["spans", "list", "-p", "app", "--format", format, "--fields", "id,name"],
                                      columns: 120, rows: 40, environment: server.environment)
        #expect(run.status == 0)
        expectInert(run.terminal, format)
        #expect(run.terminal.contains("\\x1B]0;pwned") || run.terminal.contains("\\u001b]0;pwned"))
        #expect(run.terminal.contains("\\u202E"))
        #expect(!run.terminal.contains("\\x0D"))
    }

    @Test func theColouredTableKeepsItsColoursButNotTheServers() throws {
        let server = try server()
        defer { server.stop() }
        let run = try TerminalRun.run(["spans", "list", "-p", "app"], columns: 120, rows: 40, environment: server.environment)
        #expect(run.status == 0)
        expectInert(run.terminal, "table")
        #expect(run.terminal.contains("\u{1B}[1m"))
    }

    @Test func aPipeGetsTheServersBytesUnchanged() throws {
        let server = try server()
        defer { server.stop() }
        let run = try TerminalRun.run(["spans", "list", "-p", "app", "--format", "csv", "--fields", "name"], columns: 120, rows: 40,
                                      environment: server.environment, stdoutOnTerminal: false)
        #expect(run.status == 0)
        #expect(run.pipedStdout == Array("name\r\n\(Self.hostile)\r\n".utf8))
    }

    @Test func serverErrorsOnATerminalAreEscaped() throws {
        let server = try OpikTestServer.start()
        defer { server.stop() }
        let body = #"{"code":500,"message":"\#(Self.hostile.unicodeScalars.map { $0.value < 0x20 || $0.value >= 0x7F ? String(format: "\\u%04x", $0.value) : String($0) }.joined())"}"#
        server.inject(.status(500, body: body))
        let run = try TerminalRun.run(["spans", "stats", "-p", "app", "--retries", "0"],
                                      columns: 120, rows: 40, environment: server.environment)
        #expect(run.status == 1)
        expectInert(run.terminal, "stderr")
        #expect(run.terminal.contains("opik: error: get span statistics: \(Self.escaped) (HTTP 500)"))
    }
}

private extension RunResult {
    /// Everything the terminals showed: stdout's, then stderr's.
    var terminal: String { stdout + stderr }
    /// The bytes of stdout, when it was a pipe.
    var pipedStdout: [UInt8] { Array(stdout.utf8) }
}
