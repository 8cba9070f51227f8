import Foundation
import OpikTestSupport

/// Runs a program found on PATH with the given arguments and captures its output.
func runProcess(_ program: String, _ arguments: [String], stdin: String? = nil) throws -> RunResult {
    try ProcessRunner.run("/usr/bin/env", [program] + arguments, stdin: stdin)
}

/// Writes `contents` to a new file in a fresh temporary directory and returns its path.
func temporaryFile(named name: String, contents: String) throws -> String {
    let directory = FileManager.default.temporaryDirectory.appendingPathComponent("opik-gen-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    let url = directory.appendingPathComponent(name)
    try contents.write(to: url, atomically: true, encoding: .utf8)
    return url.path
}
