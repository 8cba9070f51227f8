/// The reader went away (EPIPE): stop quietly with status 0.
public struct OutputClosed: Error, Sendable {
    public init() {}
}

/// A buffered byte stream for stdout or stderr. The bytes go to `sink`, which main wires to a
/// file descriptor and tests wire to memory.
public final class OutputStream: @unchecked Sendable {
    private var buffer: [UInt8] = []
    private let sink: (UnsafeRawBufferPointer) throws -> Void
    private let capacity: Int
    public private(set) var isClosed = false

    /// `capacity` is how many bytes are held before they are written out.
    public init(capacity: Int = 64 * 1024, sink: @escaping (UnsafeRawBufferPointer) throws -> Void) {
        self.capacity = capacity
        self.sink = sink
        buffer.reserveCapacity(capacity)
    }

    public func write(_ text: String) throws {
        buffer.append(contentsOf: text.utf8)
        if buffer.count >= capacity { try flush() }
    }

    public func write(bytes: some Sequence<UInt8>) throws {
        buffer.append(contentsOf: bytes)
        if buffer.count >= capacity { try flush() }
    }

    /// Appends directly into the buffer (for serialisers that write bytes).
    public func append(_ body: (inout [UInt8]) -> Void) throws {
        body(&buffer)
        if buffer.count >= capacity { try flush() }
    }

    public func flush() throws {
        guard !buffer.isEmpty else { return }
        if isClosed {
            buffer.removeAll(keepingCapacity: true)
            throw OutputClosed()
        }
        defer { buffer.removeAll(keepingCapacity: true) }
        do {
            try buffer.withUnsafeBytes { raw throws in try sink(raw) }
        } catch {
            isClosed = true
            throw error
        }
    }

    /// A stream that collects everything in memory, for tests.
    public static func memory() -> (OutputStream, MemoryOutput) {
        let store = MemoryOutput()
        let stream = OutputStream(capacity: 1) { bytes in store.bytes.append(contentsOf: bytes) }
        return (stream, store)
    }
}

/// What a memory `OutputStream` received.
public final class MemoryOutput: @unchecked Sendable {
    public var bytes: [UInt8] = []
    public var text: String { String(decoding: bytes, as: UTF8.self) }
}
