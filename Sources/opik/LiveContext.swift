#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
#if canImport(Glibc)
import Glibc
#endif
import OpikCore
import OpikHTTP

/// The real world: file descriptors 0–2, the process environment, the clock, libcurl.
enum LiveContext {
    static func make() -> Context {
        let environment = processEnvironment()
        let stdoutIsTerminal = isatty(STDOUT_FILENO) == 1
        let stderrIsTerminal = isatty(STDERR_FILENO) == 1
        // Whatever reaches a terminal is escaped at the stream, so no path can skip it; URL
        // user information is masked in everything on stderr from the first line on.
        let stderr = OutputStream(capacity: 4096, escaping: stderrIsTerminal ? .all : .none, sink: fileSink(STDERR_FILENO))
        stderr.redaction = Redaction()
        return Context(
            stdout: OutputStream(capacity: 64 * 1024, escaping: stdoutIsTerminal ? .all : .none, sink: fileSink(STDOUT_FILENO)),
            stderr: stderr,
            readStdinPiece: { try readPiece(STDIN_FILENO, count: $0) },
            readLine: { Swift.readLine() },
            environment: environment,
            now: { Date() },
            sleep: interruptibleSleep,
            isInterrupted: { Interrupt.isSet },
            isStdoutTerminal: stdoutIsTerminal,
            isStderrTerminal: stderrIsTerminal,
            isStdinTerminal: isatty(STDIN_FILENO) == 1,
            terminalWidth: terminalWidth(environment),
            makeTransport: { options, log in
                CurlTransport(options: options, log: log, isInterrupted: { Interrupt.isSet })
            })
    }

    /// Writes all the bytes to `fd`. A closed pipe (EPIPE) is `OutputClosed`, which ends the
    /// program quietly; any other failure (ENOSPC, EIO, EBADF) is `OutputFailed`, an error.
    static func fileSink(_ fd: Int32) -> (UnsafeRawBufferPointer) throws -> Void {
        return { bytes in
            var offset = 0
            while offset < bytes.count {
                let written = Glibc.write(fd, bytes.baseAddress! + offset, bytes.count - offset)
                if written < 0 {
                    let code = errno
                    if code == EINTR { continue }
                    if code == EPIPE { throw OutputClosed() }
                    throw OutputFailed(reason: String(cString: strerror(code)))
                }
                offset += written
            }
        }
    }

    /// The process environment, read from `environ`: Foundation's ProcessInfo would link its
    /// file writer into a static binary, and with it the unsafe `mktemp`.
    static func processEnvironment() -> [String: String] {
        var result: [String: String] = [:]
        var entry = environ
        while let pointer = entry.pointee {
            let text = String(decoding: UnsafeRawBufferPointer(start: pointer, count: strlen(pointer)), as: UTF8.self)
            if let equals = text.firstIndex(of: "=") {
                let name = String(text[..<equals])
                // The first definition wins, as getenv(3) finds it.
                if result[name] == nil { result[name] = String(text[text.index(after: equals)...]) }
            }
            entry += 1
        }
        return result
    }

    /// Up to `count` bytes (at least one unless the input has ended).
    static func readPiece(_ fd: Int32, count: Int) throws -> [UInt8] {
        var buffer = [UInt8](repeating: 0, count: max(1, count))
        while true {
            let read = buffer.withUnsafeMutableBytes { Glibc.read(fd, $0.baseAddress, $0.count) }
            if read < 0 {
                let code = errno
                if code == EINTR {
                    if Interrupt.isSet { throw OpikError.interrupted(summary: "while reading standard input") }
                    continue
                }
                // A directory or a broken device on standard input is an input error, not Ctrl-C.
                throw OpikError.file(path: "<stdin>", message: "cannot be read (\(String(cString: strerror(code))))")
            }
            return Array(buffer[0..<read])
        }
    }

    static func interruptibleSleep(_ seconds: Double) {
        var remaining = seconds
        while remaining > 0 && !Interrupt.isSet {
            let slice = min(remaining, 0.05)
            var spec = timespec(tv_sec: Int(slice), tv_nsec: Int((slice - Double(Int(slice))) * 1e9))
            nanosleep(&spec, nil)
            remaining -= slice
        }
    }

    static func terminalWidth(_ environment: [String: String]) -> Int {
        var size = winsize()
        if ioctl(STDOUT_FILENO, UInt(TIOCGWINSZ), &size) == 0, size.ws_col > 0 { return Int(size.ws_col) }
        return environment["COLUMNS"].flatMap(Int.init) ?? 80
    }
}
