import Foundation
import OpikCLI
import OpikCore

/// What a run of the program showed the user.
public struct RunResult: Sendable {
    public var status: Int32
    public var stdout: String
    public var stderr: String

    public init(status: Int32, stdout: String, stderr: String) {
        self.status = status
        self.stdout = stdout
        self.stderr = stderr
    }
}

/// Runs the CLI in-process with memory streams, a fixed clock and a given transport.
public enum CLIHarness {
    /// 2026-07-01T12:00:00Z, the fixed "now" of in-process tests.
    public static let now = Date(timeIntervalSince1970: 1_782_907_200)

    /// `isTerminal` makes stdout and stderr terminals; `stderrIsTerminal` and
    /// `stdinIsTerminal` set those alone, and `readLine` answers confirmation questions.
    public static func run(
        _ arguments: [String], transport: HTTPTransport, environment: [String: String] = [:],
        stdin: String = "", isTerminal: Bool = false, width: Int = 100, home: String? = nil,
        stderrIsTerminal: Bool? = nil, stdinIsTerminal: Bool = false, readLine: @escaping () -> String? = { nil }
    ) -> RunResult {
        let (stdout, out) = OutputStream.memory()
        let (stderr, err) = OutputStream.memory()
        var env = environment
        env["HOME"] = home ?? env["HOME"] ?? "/nonexistent-home"
        if env["OPIK_URL_OVERRIDE"] == nil && !arguments.contains(where: { $0.hasPrefix("--url") }) {
            env["OPIK_URL_OVERRIDE"] = "http://opik.test/api"
        }
        var context = Context(
            stdout: stdout, stderr: stderr,
            readStdin: { Array(stdin.utf8) },
            readLine: readLine,
            environment: env,
            now: { now },
            isStdoutTerminal: isTerminal, isStderrTerminal: stderrIsTerminal ?? isTerminal, isStdinTerminal: stdinIsTerminal,
            terminalWidth: width,
            makeTransport: { _, _ in transport },
            random: { 42 })
        let status = Runner.run(arguments, context: &context, libcurlVersion: "libcurl/test")
        return RunResult(status: status.rawValue, stdout: out.text, stderr: err.text)
    }
}
