import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Runs the built `opik` binary on pseudo-terminals of a given size, as a person at a terminal
/// runs it: stdout and stderr are each a terminal (so both "terminal only" behaviours show),
/// and what each shows is captured separately; stdout can be a pipe instead, to see what a
/// pipe gets while stderr is on a terminal. The terminals are raw (no `\r` added), so the
/// captured text is exactly what the program wrote.
public final class TerminalRun: @unchecked Sendable {
    let process: Process
    private let lock = NSLock()
    private var outData = Data()
    private var errData = Data()
    private let readers = DispatchGroup()

    /// Starts opik with `arguments` on terminals `columns` wide (stdout on a pipe unless
    /// `stdoutOnTerminal`); the environment holds only PATH, HOME, TERM and `environment`.
    public init(
        _ arguments: [String], columns: Int, rows: Int = 50, environment: [String: String] = [:], home: String? = nil,
        stdoutOnTerminal: Bool = true
    ) throws {
        process = BinaryRunner.process(arguments, environment: ["TERM": "xterm"].merging(environment) { _, new in new }, home: home)
        let out = stdoutOnTerminal ? try Self.openTerminal(columns: columns, rows: rows) : try Self.openPipe()
        let err = try Self.openTerminal(columns: columns, rows: rows)
        process.standardOutput = FileHandle(fileDescriptor: out.follower, closeOnDealloc: false)
        process.standardError = FileHandle(fileDescriptor: err.follower, closeOnDealloc: false)
        process.standardInput = FileHandle.nullDevice
        try process.run()
        // Only the child holds the terminals now, so the reads end when it exits.
        close(out.follower)
        close(err.follower)
        read(out.leader) { data in self.lock.withLock { self.outData.append(data) } }
        read(err.leader) { data in self.lock.withLock { self.errData.append(data) } }
    }

    /// Runs opik to its end and returns what its terminals (and the pipe) showed.
    public static func run(
        _ arguments: [String], columns: Int, rows: Int = 50, environment: [String: String] = [:], home: String? = nil,
        stdoutOnTerminal: Bool = true
    ) throws -> RunResult {
        try TerminalRun(arguments, columns: columns, rows: rows, environment: environment, home: home,
                        stdoutOnTerminal: stdoutOnTerminal).wait()
    }

    /// What each terminal has shown so far.
    public var shown: (stdout: String, stderr: String) {
        lock.withLock { (String(decoding: outData, as: UTF8.self), String(decoding: errData, as: UTF8.self)) }
    }

    /// Waits (up to `timeout` seconds) until `condition` holds for what the terminals show.
    @discardableResult
    public func waitFor(timeout: Double = 20, _ condition: (String, String) -> Bool) -> Bool {
        ProcessRunner.poll(timeout: timeout) {
            let (out, err) = shown
            return condition(out, err)
        }
    }

    /// Sends Ctrl-C.
    public func interrupt() { kill(process.processIdentifier, SIGINT) }

    /// Waits for the process to end (killing it after `timeout` seconds) and returns what it showed.
    public func wait(timeout: Double = 30) -> RunResult {
        ProcessRunner.finish(process, timeout: timeout)
        _ = readers.wait(timeout: .now() + 10)
        let (out, err) = shown
        return RunResult(status: process.terminationStatus, stdout: out, stderr: err)
    }

    /// Reads `fd` until the terminal closes (EIO once no process holds the other end) or the pipe ends.
    private func read(_ fd: Int32, into append: @escaping @Sendable (Data) -> Void) {
        readers.enter()
        let group = readers
        Thread.detachNewThread {
            var buffer = [UInt8](repeating: 0, count: 65536)
            while true {
                let count = buffer.withUnsafeMutableBytes { Glibc.read(fd, $0.baseAddress, $0.count) }
                if count < 0, errno == EINTR { continue }
                if count <= 0 { break }
                append(Data(buffer[0..<count]))
            }
            close(fd)
            group.leave()
        }
    }

    /// A raw pseudo-terminal of the given size: the leader end to read, the follower for the child.
    static func openTerminal(columns: Int, rows: Int) throws -> (leader: Int32, follower: Int32) {
        // /dev/ptmx by hand (what posix_openpt, unlockpt and ptsname do, which Swift does not import).
        let leader = open("/dev/ptmx", O_RDWR | O_NOCTTY | O_CLOEXEC)
        var unlock: Int32 = 0
        var number: UInt32 = 0
        guard leader >= 0, ioctl(leader, Self.unlockRequest, &unlock) == 0, ioctl(leader, Self.numberRequest, &number) == 0 else {
            throw TerminalError(message: "cannot open a pseudo-terminal (errno \(errno))")
        }
        let follower = open("/dev/pts/\(number)", O_RDWR | O_NOCTTY | O_CLOEXEC)
        guard follower >= 0 else { throw TerminalError(message: "cannot open /dev/pts/\(number) (errno \(errno))") }
        var attributes = termios()
        tcgetattr(follower, &attributes)
        cfmakeraw(&attributes)
        tcsetattr(follower, TCSANOW, &attributes)
        var size = winsize(ws_row: UInt16(rows), ws_col: UInt16(columns), ws_xpixel: 0, ws_ypixel: 0)
        _ = ioctl(follower, UInt(TIOCSWINSZ), &size)
        return (leader, follower)
    }

    /// A pipe, in the shape of a terminal: the read end as leader, the write end for the child.
    static func openPipe() throws -> (leader: Int32, follower: Int32) {
        var ends: [Int32] = [0, 0]
        guard pipe(&ends) == 0 else { throw TerminalError(message: "cannot open a pipe (errno \(errno))") }
        // Close-on-exec, as the terminals are: only the child's stdout keeps the write end open.
        for end in ends { _ = fcntl(end, F_SETFD, FD_CLOEXEC) }
        return (ends[0], ends[1])
    }

    // Linux's TIOCSPTLCK (_IOW('T', 0x31, int)) and TIOCGPTN (_IOR('T', 0x30, unsigned int)).
    static let unlockRequest: UInt = 0x4004_5431
    static let numberRequest: UInt = 0x8004_5430

    struct TerminalError: Error, CustomStringConvertible {
        var message: String
        var description: String { message }
    }
}
