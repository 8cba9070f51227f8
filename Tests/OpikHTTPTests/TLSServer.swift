import Foundation
import OpikTestSupport

/// `openssl s_server -www` on loopback with a fresh self-signed certificate for 127.0.0.1.
final class TLSServer {
    static let openssl = "/usr/bin/openssl"
    static var isAvailable: Bool { FileManager.default.isExecutableFile(atPath: openssl) }

    let directory: URL
    /// The self-signed certificate, usable as a CA file.
    let certificateFile: String
    let port: Int
    private let process: Process

    var baseURL: String { "https://127.0.0.1:\(port)" }

    init() throws {
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("opik-tls-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        certificateFile = directory.appendingPathComponent("cert.pem").path
        let keyFile = directory.appendingPathComponent("key.pem").path
        try Self.run([
            "req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes",
            "-keyout", keyFile, "-out", certificateFile, "-days", "1", "-subj", "/CN=localhost",
            "-addext", "subjectAltName=DNS:localhost,IP:127.0.0.1",
        ])
        process = Process()
        process.executableURL = URL(fileURLWithPath: Self.openssl)
        process.arguments = ["s_server", "-accept", "127.0.0.1:0", "-cert", certificateFile, "-key", keyFile, "-www"]
        let output = Pipe()
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        process.standardInput = FileHandle.nullDevice
        try process.run()
        port = try Self.acceptedPort(from: output.fileHandleForReading)
    }

    deinit {
        // The child inherits the test runner's blocked signals, SIGTERM included: only SIGKILL works.
        kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
        try? FileManager.default.removeItem(at: directory)
    }

    /// Reads s_server's `ACCEPT 127.0.0.1:PORT` line, printed once it listens.
    private static func acceptedPort(from handle: FileHandle) throws -> Int {
        var text = ""
        while true {
            let data = handle.availableData
            guard !data.isEmpty else { throw CocoaError(.fileReadUnknown) }
            text += String(decoding: data, as: UTF8.self)
            if let line = text.split(separator: "\n").first(where: { $0.hasPrefix("ACCEPT ") }),
               let port = line.split(separator: ":").last.flatMap({ Int($0) }) {
                return port
            }
        }
    }

    private static func run(_ arguments: [String]) throws {
        guard try ProcessRunner.run(openssl, arguments).status == 0 else { throw CocoaError(.executableLoad) }
    }
}
