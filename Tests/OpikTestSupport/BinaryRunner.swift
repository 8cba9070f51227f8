import Foundation

/// Runs the built `opik` binary as a user would, with an explicit environment (a temporary
/// HOME, never the developer's own config).
public enum BinaryRunner {
    /// The directory holding the built products (next to the test bundle).
    public static var productsDirectory: URL {
        let bundle = Bundle.main.bundleURL
        return bundle.pathExtension == "xctest" ? bundle.deletingLastPathComponent() : bundle
    }

    public static var opikPath: String { productsDirectory.appendingPathComponent("opik").path }

    /// A fresh empty directory to use as HOME.
    public static func temporaryHome() -> String { temporaryDirectory(prefix: "opik-home-") }

    /// A fresh empty temporary directory (for input files, outputs and homes alike).
    public static func temporaryDirectory(prefix: String = "opik-test-") -> String {
        let path = NSTemporaryDirectory() + prefix + UUID().uuidString
        try? FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return path
    }

    /// The environment of a run: only PATH, HOME (`home`, else a fresh one) and `environment`.
    public static func environment(_ environment: [String: String], home: String?) -> [String: String] {
        ["PATH": "/usr/bin:/bin", "HOME": home ?? temporaryHome()].merging(environment) { _, new in new }
    }

    /// Runs `script` with `shell -c` in the environment of a run (PATH, HOME, `environment`) with
    /// the built opik as `$OPIK`: for pipelines, redirections and limits a plain run cannot set.
    public static func shell(
        _ script: String, shell: String = "/bin/bash", environment: [String: String] = [:], home: String? = nil,
        directory: String? = nil
    ) throws -> RunResult {
        let options = shell.hasSuffix("bash") ? ["--norc", "--noprofile"] : []
        return try ProcessRunner.run(shell, options + ["-c", script],
                                     environment: Self.environment(["OPIK": opikPath].merging(environment) { _, new in new }, home: home),
                                     directory: directory)
    }

    /// A process that runs opik with `arguments` in the environment above, not yet started.
    static func process(_ arguments: [String], environment: [String: String], home: String?) -> Process {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: opikPath)
        process.arguments = arguments
        process.environment = Self.environment(environment, home: home)
        return process
    }

    /// Runs opik with `arguments`; the environment holds only PATH, HOME and `environment`.
    /// With `stdoutFile` (such as /dev/full) stdout goes to that file instead of a pipe.
    public static func run(
        _ arguments: [String], environment: [String: String] = [:], stdin: String? = nil, home: String? = nil,
        stdoutFile: String? = nil
    ) throws -> RunResult {
        try ProcessRunner.run(opikPath, arguments, environment: Self.environment(environment, home: home),
                              stdin: stdin, stdoutFile: stdoutFile)
    }
}

/// A running `opik` process, for tests that interrupt it or read its output as it comes. Test
/// threads block SIGINT and a child inherits that mask: opik itself unblocks it, which is what
/// lets these tests press Ctrl-C.
public final class RunningBinary: @unchecked Sendable {
    let process: Process
    let out = Pipe()
    let err = Pipe()
    private let lock = NSLock()
    private var outData = Data()
    private var errData = Data()

    public init(_ arguments: [String], environment: [String: String] = [:], home: String? = nil) throws {
        process = BinaryRunner.process(arguments, environment: environment, home: home)
        process.standardOutput = out
        process.standardError = err
        process.standardInput = FileHandle.nullDevice
        out.fileHandleForReading.readabilityHandler = { [weak self] handle in
            let data = handle.availableData
            self?.lock.withLock { self?.outData.append(data) }
        }
        err.fileHandleForReading.readabilityHandler = { [weak self] handle in
            let data = handle.availableData
            self?.lock.withLock { self?.errData.append(data) }
        }
        try process.run()
    }

    /// Waits (up to `timeout` seconds) until `condition` holds for the output so far.
    @discardableResult
    public func waitForOutput(timeout: Double = 20, _ condition: (String, String) -> Bool) -> Bool {
        ProcessRunner.poll(timeout: timeout) {
            let (o, e) = lock.withLock { (String(decoding: outData, as: UTF8.self), String(decoding: errData, as: UTF8.self)) }
            return condition(o, e)
        }
    }

    /// Sends Ctrl-C.
    public func interrupt() { kill(process.processIdentifier, SIGINT) }

    /// Waits for the process to end and returns what it showed.
    public func wait(timeout: Double = 30) -> RunResult {
        ProcessRunner.finish(process, timeout: timeout)
        out.fileHandleForReading.readabilityHandler = nil
        err.fileHandleForReading.readabilityHandler = nil
        let restOut = out.fileHandleForReading.readDataToEndOfFile()
        let restErr = err.fileHandleForReading.readDataToEndOfFile()
        return lock.withLock {
            outData.append(restOut)
            errData.append(restErr)
            return RunResult(status: process.terminationStatus, stdout: String(decoding: outData, as: UTF8.self),
                             stderr: String(decoding: errData, as: UTF8.self))
        }
    }
}
