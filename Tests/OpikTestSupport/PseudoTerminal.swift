import Foundation

/// Runs the built `opik` with stdout and/or stderr on a pseudo-terminal, as on a user's
/// screen, and collects what the terminal received. Output post-processing (LF to CRLF) is
/// turned off, so the bytes are exactly the program's.
public enum PseudoTerminal {
    /// What a run showed: the terminal's bytes, and stdout when it was a pipe.
    public struct Run: Sendable {
        public var status: Int32
        public var terminal: String
        public var pipedStdout: [UInt8]
    }

    struct Failure: Error { let step: String }

    public static func run(
        _ arguments: [String], environment: [String: String] = [:], stdoutOnTerminal: Bool = true
    ) throws -> Run {
        // posix_openpt and friends are not in the Glibc module: the same through /dev/ptmx
        // and its ioctls (TIOCSPTLCK unlocks, TIOCGPTN gives the number of /dev/pts/N).
        let master = open("/dev/ptmx", O_RDWR | O_NOCTTY)
        var unlock: Int32 = 0
        var number: UInt32 = 0
        guard master >= 0, ioctl(master, 0x4004_5431, &unlock) == 0, ioctl(master, 0x8004_5430, &number) == 0 else {
            throw Failure(step: "open a pseudo-terminal")
        }
        defer { close(master) }
        let slave = open("/dev/pts/\(number)", O_RDWR | O_NOCTTY)
        guard slave >= 0 else { throw Failure(step: "open the terminal side") }
        var settings = termios()
        tcgetattr(slave, &settings)
        settings.c_oflag &= ~tcflag_t(OPOST)
        tcsetattr(slave, TCSANOW, &settings)
        var size = winsize(ws_row: 40, ws_col: 120, ws_xpixel: 0, ws_ypixel: 0)
        _ = ioctl(slave, UInt(TIOCSWINSZ), &size)

        let process = Process()
        process.executableURL = URL(fileURLWithPath: BinaryRunner.opikPath)
        process.arguments = arguments
        process.environment = ["PATH": "/usr/bin:/bin", "HOME": BinaryRunner.temporaryHome()].merging(environment) { $1 }
        let terminal = FileHandle(fileDescriptor: slave, closeOnDealloc: false)
        let out = Pipe()
        process.standardOutput = stdoutOnTerminal ? terminal : out
        process.standardError = terminal
        process.standardInput = FileHandle.nullDevice

        final class Box: @unchecked Sendable { var bytes: [UInt8] = [] }
        let shown = Box()
        let reader = Thread {
            var buffer = [UInt8](repeating: 0, count: 4096)
            while true {
                let count = read(master, &buffer, buffer.count)
                if count < 0 && errno == EINTR { continue }
                // EIO once every copy of the terminal side is closed.
                guard count > 0 else { break }
                shown.bytes.append(contentsOf: buffer[0..<count])
            }
        }
        try process.run()
        close(slave)
        reader.start()
        try? out.fileHandleForWriting.close()
        let piped = stdoutOnTerminal ? Data() : out.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        while !reader.isFinished { Thread.sleep(forTimeInterval: 0.01) }
        return Run(status: process.terminationStatus, terminal: String(decoding: shown.bytes, as: UTF8.self),
                   pipedStdout: [UInt8](piped))
    }
}
