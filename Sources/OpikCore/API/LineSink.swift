/// Splits a streamed body into lines as chunks arrive (docs/SERVER.md#search-stream: objects end in `\r\n`, but
/// chunk boundaries need not align with objects). Empty lines are skipped; a trailing `\r`
/// is trimmed.
public final class LineSink: HTTPResponseSink {
    private var pending: [UInt8] = []
    private let onLine: (UnsafeBufferPointer<UInt8>) throws -> Void
    private let onChunkEnd: () throws -> Void

    public init(onLine: @escaping (UnsafeBufferPointer<UInt8>) throws -> Void, onChunkEnd: @escaping () throws -> Void = {}) {
        self.onLine = onLine
        self.onChunkEnd = onChunkEnd
    }

    /// Bytes after the last newline: a line the stream never finished.
    public var unfinishedLine: [UInt8] { pending }

    public func receive(head: HTTPResponseHead) throws { pending.removeAll() }

    public func receive(body chunk: UnsafeRawBufferPointer) throws {
        let bytes = chunk.bindMemory(to: UInt8.self)
        var start = 0
        if !pending.isEmpty {
            guard let newline = bytes.firstIndex(of: 0x0A) else {
                pending.append(contentsOf: bytes)
                return
            }
            pending.append(contentsOf: bytes[0..<newline])
            let line = pending
            pending.removeAll(keepingCapacity: true)
            try line.withUnsafeBufferPointer { try emit($0) }
            start = newline + 1
        }
        var index = start
        while index < bytes.count {
            if bytes[index] == 0x0A {
                try emit(UnsafeBufferPointer(rebasing: bytes[start..<index]))
                start = index + 1
            }
            index += 1
        }
        if start < bytes.count { pending.append(contentsOf: bytes[start..<bytes.count]) }
        try onChunkEnd()
    }

    private func emit(_ line: UnsafeBufferPointer<UInt8>) throws {
        var end = line.count
        if end > 0 && line[end - 1] == 0x0D { end -= 1 }
        guard end > 0 else { return }
        try onLine(UnsafeBufferPointer(rebasing: line[0..<end]))
    }
}
