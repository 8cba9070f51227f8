import OpikCore
import Synchronization

/// Serialises what several threads write to stderr, and keeps a one-line progress display
/// (redrawn with `\r`) out of the way of other messages.
final class StderrGate: Sendable {
    private struct State {
        var progressShown = false
    }

    private let stderr: OutputStream
    private let state = Mutex(State())

    init(stderr: OutputStream) { self.stderr = stderr }

    /// Writes whole lines, first clearing the progress line.
    func write(lines: [String]) {
        state.withLock { state in
            if state.progressShown { try? stderr.writeControl("\r\u{1B}[K") }
            state.progressShown = false
            for line in lines { try? stderr.write(line + "\n") }
            try? stderr.flush()
        }
    }

    /// Replaces the progress line.
    func progress(_ line: String) {
        state.withLock { state in
            try? stderr.writeControl("\r\u{1B}[K")
            try? stderr.write(line)
            try? stderr.flush()
            state.progressShown = true
        }
    }

    /// Removes the progress line.
    func clearProgress() {
        state.withLock { state in
            guard state.progressShown else { return }
            try? stderr.writeControl("\r\u{1B}[K")
            try? stderr.flush()
            state.progressShown = false
        }
    }
}
