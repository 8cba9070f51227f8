import Foundation

/// Runs a program to its end and collects what it wrote as text: how tests run the built
/// binaries, shell snippets, scripts and tools such as curl. Processes a test acts on while they
/// run start their own `Process` (`RunningBinary`, `TerminalRun`, the TLS server of the HTTP
/// tests), as does the `gzip` helper of the server tests, whose input and output are bytes.
public enum ProcessRunner {
    /// Runs `executable` with `arguments`. With `environment` nil the child inherits the test's;
    /// otherwise it holds exactly `environment`. Standard input is `stdin` then end of file.
    /// With `stdoutFile` (such as /dev/full) stdout goes to that file instead of a pipe.
    public static func run(
        _ executable: String, _ arguments: [String], environment: [String: String]? = nil, directory: String? = nil,
        stdin: String? = nil, stdoutFile: String? = nil
    ) throws -> RunResult {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        if let environment { process.environment = environment }
        if let directory { process.currentDirectoryURL = URL(fileURLWithPath: directory) }
        let out = Pipe()
        let err = Pipe()
        let input = Pipe()
        if let stdoutFile {
            guard let handle = FileHandle(forWritingAtPath: stdoutFile) else { throw CocoaError(.fileWriteUnknown) }
            process.standardOutput = handle
            try? out.fileHandleForWriting.close()
        } else {
            process.standardOutput = out
        }
        process.standardError = err
        process.standardInput = input
        try process.run()
        if let stdin { input.fileHandleForWriting.write(Data(stdin.utf8)) }
        try? input.fileHandleForWriting.close()
        // Read both pipes concurrently so neither fills up.
        final class Box: @unchecked Sendable { var data = Data() }
        let errBox = Box()
        let group = DispatchGroup()
        group.enter()
        let errHandle = err.fileHandleForReading
        DispatchQueue.global().async {
            errBox.data = errHandle.readDataToEndOfFile()
            group.leave()
        }
        let outData = out.fileHandleForReading.readDataToEndOfFile()
        group.wait()
        let errData = errBox.data
        process.waitUntilExit()
        return RunResult(status: process.terminationStatus,
                         stdout: String(decoding: outData, as: UTF8.self),
                         stderr: String(decoding: errData, as: UTF8.self))
    }

    /// Polls `condition` every 20 ms until it holds (true) or `timeout` seconds pass (false).
    public static func poll(timeout: Double, _ condition: () -> Bool) -> Bool {
        let deadline = Date().addingTimeInterval(timeout)
        while Date() < deadline {
            if condition() { return true }
            Thread.sleep(forTimeInterval: 0.02)
        }
        return false
    }

    /// Waits for `process` to end, killing it after `timeout` seconds: a test must end even when
    /// the program does not, and the status shows it.
    public static func finish(_ process: Process, timeout: Double) {
        _ = poll(timeout: timeout) { !process.isRunning }
        if process.isRunning { kill(process.processIdentifier, SIGKILL) }
        process.waitUntilExit()
    }
}
