#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// How the transport should behave, resolved from flags, environment and config.
public struct TransportOptions: Sendable {
    /// Verify TLS certificates (off with --insecure or check_tls_certificate=false).
    package var verifyTLS: Bool = true
    /// A CA bundle to trust instead of the system's (--cacert).
    package var caCertificateFile: String?
    /// Seconds to wait for a connection.
    package var connectTimeout: Double = 20
    /// Log each exchange to stderr (-v).
    package var isVerbose: Bool = false
    /// Strings that must never appear in logs (the API key).
    package var secrets: [String] = []

    package init() {}
}

/// Everything the program touches in the outside world. `main.swift` builds the live one;
/// tests build one with memory streams, a fixed clock and a fake or loopback transport.
public struct Context: @unchecked Sendable {
    public var stdout: OutputStream
    public var stderr: OutputStream
    /// Reads all of standard input. Commands read through `StdinReader`, which is bounded.
    public var readStdin: () throws -> [UInt8]
    /// Reads the next bytes of standard input, at most the given count; empty at its end.
    public var readStdinPiece: (Int) throws -> [UInt8]
    /// Reads one line from standard input (for confirmations), nil at end of input.
    public var readLine: () -> String?
    public var environment: [String: String]
    public var now: () -> Date
    /// Sleeps for the given seconds, returning early when interrupted.
    public var sleep: (Double) -> Void
    /// True once the user pressed Ctrl-C.
    public var isInterrupted: () -> Bool
    public var isStdoutTerminal: Bool
    public var isStderrTerminal: Bool
    public var isStdinTerminal: Bool
    /// Columns of the terminal stdout is on (80 when unknown).
    public var terminalWidth: Int
    /// Makes the transport once the options are known. The log closure receives verbose lines.
    public var makeTransport: (TransportOptions, @escaping (String) -> Void) -> HTTPTransport
    /// A random source for ids and jitter (seedable in tests).
    package var random: () -> UInt64

    public init(
        stdout: OutputStream, stderr: OutputStream,
        readStdin: @escaping () throws -> [UInt8] = { [] },
        readStdinPiece: ((Int) throws -> [UInt8])? = nil,
        readLine: @escaping () -> String? = { nil },
        environment: [String: String] = [:],
        now: @escaping () -> Date = { Date() },
        sleep: @escaping (Double) -> Void = { _ in },
        isInterrupted: @escaping () -> Bool = { false },
        isStdoutTerminal: Bool = false, isStderrTerminal: Bool = false, isStdinTerminal: Bool = false,
        terminalWidth: Int = 80,
        makeTransport: @escaping (TransportOptions, @escaping (String) -> Void) -> HTTPTransport,
        random: @escaping () -> UInt64 = { UInt64.random(in: 0...UInt64.max) }
    ) {
        self.stdout = stdout
        self.stderr = stderr
        self.readStdin = readStdin
        self.readStdinPiece = readStdinPiece ?? StdinReader.pieces(of: readStdin)
        self.readLine = readLine
        self.environment = environment
        self.now = now
        self.sleep = sleep
        self.isInterrupted = isInterrupted
        self.isStdoutTerminal = isStdoutTerminal
        self.isStderrTerminal = isStderrTerminal
        self.isStdinTerminal = isStdinTerminal
        self.terminalWidth = terminalWidth
        self.makeTransport = makeTransport
        self.random = random
    }
}
