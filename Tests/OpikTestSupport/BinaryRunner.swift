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
    public static func temporaryHome() -> String {
        let path = NSTemporaryDirectory() + "opik-home-" + UUID().uuidString
        try? FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return path
    }

    /// Runs opik with `arguments`; the environment holds only PATH, HOME and `environment`.
    public static func run(
        _ arguments: [String], environment: [String: String] = [:], stdin: String? = nil, home: String? = nil
    ) throws -> RunResult {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: opikPath)
        process.arguments = arguments
        var env = ["PATH": "/usr/bin:/bin", "HOME": home ?? temporaryHome()]
        env.merge(environment) { _, new in new }
        process.environment = env
        let out = Pipe()
        let err = Pipe()
        let input = Pipe()
        process.standardOutput = out
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
}
