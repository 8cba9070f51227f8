import Foundation
import OpikCore
import OpikTestServer
import OpikTestSupport

/// Helpers for end-to-end runs of the bulk commands against the in-process test server.
enum BulkSupport {
    /// A fresh temporary directory.
    static func directory() -> String {
        let path = NSTemporaryDirectory() + "opik-bulk-" + UUID().uuidString
        try? FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return path
    }

    /// `count` NDJSON span records without ids, one millisecond apart.
    static func spans(_ count: Int, name: String = "step") -> String {
        (0..<count).map { i in
            let seconds = String(format: "%02d.%03d", i / 1000 % 60, i % 1000)
            return #"{"name":"\#(name) \#(i)","type":"tool","start_time":"2026-07-01T10:\#(String(format: "%02d", i / 60000)):\#(seconds)Z","input":{"n":\#(i)}}"#
        }.joined(separator: "\n") + "\n"
    }

    static func run(_ server: OpikTestServer, _ arguments: [String], stdin: String? = nil) throws -> RunResult {
        try BinaryRunner.run(arguments, environment: ["OPIK_URL_OVERRIDE": server.baseURL], stdin: stdin)
    }

    /// A running opik, started with a clean signal mask: test threads (libdispatch workers)
    /// block SIGINT, and a child inherits its parent thread's mask, so a plain `Process`
    /// would never see the Ctrl-C the test sends.
    final class Running: @unchecked Sendable {
        let pid: pid_t
        private var out = Data()
        private var err = Data()
        private let group = DispatchGroup()

        init(_ arguments: [String], environment: [String: String]) throws {
            var outPipe: [Int32] = [0, 0]
            var errPipe: [Int32] = [0, 0]
            guard pipe(&outPipe) == 0, pipe(&errPipe) == 0 else { throw POSIXError(.EMFILE) }
            var actions = posix_spawn_file_actions_t()
            posix_spawn_file_actions_init(&actions)
            posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
            posix_spawn_file_actions_adddup2(&actions, outPipe[1], 1)
            posix_spawn_file_actions_adddup2(&actions, errPipe[1], 2)
            for fd in outPipe + errPipe { posix_spawn_file_actions_addclose(&actions, fd) }
            var attributes = posix_spawnattr_t()
            posix_spawnattr_init(&attributes)
            var empty = sigset_t()
            sigemptyset(&empty)
            posix_spawnattr_setsigmask(&attributes, &empty)
            var defaults = sigset_t()
            sigemptyset(&defaults)
            sigaddset(&defaults, SIGINT)
            posix_spawnattr_setsigdefault(&attributes, &defaults)
            posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF))
            let argv = ([BinaryRunner.opikPath] + arguments).map { strdup($0) } + [nil]
            let envp = environment.map { strdup("\($0.key)=\($0.value)") } + [nil]
            var child = pid_t()
            let status = posix_spawn(&child, BinaryRunner.opikPath, &actions, &attributes, argv, envp)
            for pointer in argv + envp { free(pointer) }
            posix_spawn_file_actions_destroy(&actions)
            posix_spawnattr_destroy(&attributes)
            close(outPipe[1])
            close(errPipe[1])
            guard status == 0 else { throw POSIXError(POSIXErrorCode(rawValue: status) ?? .EINVAL) }
            pid = child
            // Both pipes are drained as the child writes, so it never blocks on a full pipe.
            for (fd, isOut) in [(outPipe[0], true), (errPipe[0], false)] {
                group.enter()
                DispatchQueue.global().async {
                    let data = FileHandle(fileDescriptor: fd, closeOnDealloc: true).readDataToEndOfFile()
                    if isOut { self.out = data } else { self.err = data }
                    self.group.leave()
                }
            }
        }

        func interrupt() { kill(pid, SIGINT) }

        /// Waits for the exit and returns what the user saw.
        func wait() -> RunResult {
            group.wait()
            var status: Int32 = 0
            waitpid(pid, &status, 0)
            let code = (status & 0x7F) == 0 ? (status >> 8) & 0xFF : 128 + (status & 0x7F)
            return RunResult(status: code, stdout: String(decoding: out, as: UTF8.self), stderr: String(decoding: err, as: UTF8.self))
        }
    }

    static func start(_ server: OpikTestServer, _ arguments: [String]) throws -> Running {
        try Running(arguments, environment: ["PATH": "/usr/bin:/bin", "HOME": BinaryRunner.temporaryHome(), "OPIK_URL_OVERRIDE": server.baseURL])
    }

    /// Span ids stored in `project`, each as many times as the server holds it.
    static func storedIds(_ server: OpikTestServer, project: String) -> [String] {
        server.spans(project: project).compactMap { $0["id"]?.stringValue }
    }

    /// Requests to the span batch endpoint so far.
    static func batchRequests(_ server: OpikTestServer) -> [RecordedRequest] {
        server.requests.filter { $0.path == "/v1/private/spans/batch" }
    }
}
