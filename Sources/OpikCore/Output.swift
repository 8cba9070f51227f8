/// The reader went away (EPIPE): stop quietly with status 0.
public struct OutputClosed: UserFacingError, Sendable {
    public init() {}
    package var userFacing: UserFacing { UserFacing(.outputClosed, "") }
}

/// Output could not be written for another reason (a full disk, EIO, EBADF): the command
/// fails with status 1, never silently.
public struct OutputFailed: UserFacingError, Sendable, Equatable {
    /// Why, as the system words it (`No space left on device`).
    package let reason: String
    /// What was lost with it (`the ids of 20 created spans were not all written`).
    package var lost: String?
    /// What the user can do about it.
    package var hint: String?

    public init(reason: String, lost: String? = nil, hint: String? = nil) {
        self.reason = reason
        self.lost = lost
        self.hint = hint
    }

    package var userFacing: UserFacing {
        UserFacing(.outputFailed, "cannot write output: \(reason)" + (lost.map { "; \($0)" } ?? ""), hint: hint)
    }
}

/// A buffered byte stream for stdout or stderr. The bytes go to `sink`, which main wires to a
/// file descriptor and tests wire to memory. A stream on a terminal escapes control
/// characters in what it is given (see `TerminalEscaping`), so server text cannot drive the
/// terminal; a stream on a pipe or file passes every byte unchanged.
public final class OutputStream: @unchecked Sendable {
    private var buffer: [UInt8] = []
    private let sink: (UnsafeRawBufferPointer) throws -> Void
    private let capacity: Int
    /// The first error of the sink; every later flush throws it again.
    private var failure: Error?
    package var isClosed: Bool { failure != nil }
    /// How text bound for the sink is escaped (`.none` unless the sink is a terminal).
    package var escaping: TerminalEscaping
    /// Masks secrets and URL user information in everything written (stderr sets one; stdout
    /// does not, so exported data stays byte-exact).
    public var redaction: Redaction?

    /// `capacity` is how many bytes are held before they are written out.
    public init(capacity: Int = 64 * 1024, escaping: TerminalEscaping = .none,
                sink: @escaping (UnsafeRawBufferPointer) throws -> Void) {
        self.capacity = capacity
        self.sink = sink
        self.escaping = escaping
        buffer.reserveCapacity(capacity)
    }

    package func write(_ text: String) throws {
        try writeRedacted(redaction?.apply(text) ?? text)
    }

    /// Writes text that redaction has already seen.
    private func writeRedacted(_ text: String) throws {
        if escaping == .none {
            buffer.append(contentsOf: text.utf8)
        } else {
            escaping.append(text.utf8, to: &buffer)
        }
        if buffer.count >= capacity { try flush() }
    }

    package func write(bytes: some Sequence<UInt8>) throws {
        if let redaction { return try writeRedacted(redaction.apply(String(decoding: Array(bytes), as: UTF8.self))) }
        if escaping == .none {
            buffer.append(contentsOf: bytes)
        } else {
            escaping.append(Array(bytes), to: &buffer)
        }
        if buffer.count >= capacity { try flush() }
    }

    /// Writes the user's own records (a last-resort copy of data that could not be saved)
    /// without redaction, which would alter them; a terminal still gets them escaped.
    package func writeRecords(_ bytes: [UInt8]) throws {
        escaping.append(bytes, to: &buffer)
        if buffer.count >= capacity { try flush() }
    }

    /// Writes the program's own terminal codes (a progress line's `\r` and erase) unescaped.
    package func writeControl(_ code: String) throws {
        buffer.append(contentsOf: code.utf8)
        if buffer.count >= capacity { try flush() }
    }

    /// Appends directly into the buffer (for serialisers that write bytes).
    package func append(_ body: (inout [UInt8]) -> Void) throws {
        if redaction != nil {
            var added: [UInt8] = []
            body(&added)
            return try write(bytes: added)
        }
        if escaping == .none {
            body(&buffer)
        } else {
            var added: [UInt8] = []
            body(&added)
            escaping.append(added, to: &buffer)
        }
        if buffer.count >= capacity { try flush() }
    }

    public func flush() throws {
        guard !buffer.isEmpty else { return }
        if let failure {
            buffer.removeAll(keepingCapacity: true)
            throw failure
        }
        defer { buffer.removeAll(keepingCapacity: true) }
        do {
            try buffer.withUnsafeBytes { raw throws in try sink(raw) }
        } catch {
            failure = error
            throw error
        }
    }

    /// A stream that collects everything in memory, for tests.
    package static func memory(escaping: TerminalEscaping = .none) -> (OutputStream, MemoryOutput) {
        let store = MemoryOutput()
        let stream = OutputStream(capacity: 1, escaping: escaping) { bytes in store.bytes.append(contentsOf: bytes) }
        return (stream, store)
    }
}

/// What a memory `OutputStream` received.
package final class MemoryOutput: @unchecked Sendable {
    package var bytes: [UInt8] = []
    package var text: String { String(decoding: bytes, as: UTF8.self) }
}
