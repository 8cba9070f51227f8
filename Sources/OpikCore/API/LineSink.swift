/// Splits a streamed body into lines as chunks arrive (objects end in `\r\n`, but chunk
/// boundaries need not align with objects; see docs/SERVER.md). Empty lines are skipped; a
/// trailing `\r` is trimmed. A line longer than `maxLineBytes` throws `ResponseTooLarge`: a
/// stream that never sends a newline must not grow memory without end.
package final class LineSink: HTTPResponseSink {
    private var pending: [UInt8] = []
    private let maxLineBytes: Int
    private let onLine: (UnsafeBufferPointer<UInt8>) throws -> Void
    private let onChunkEnd: () throws -> Void

    package init(maxLineBytes: Int = ResponseLimit.lineBytes,
                onLine: @escaping (UnsafeBufferPointer<UInt8>) throws -> Void, onChunkEnd: @escaping () throws -> Void = {}) {
        self.maxLineBytes = maxLineBytes
        self.onLine = onLine
        self.onChunkEnd = onChunkEnd
    }

    /// Bytes after the last newline: a line the stream never finished.
    package var unfinishedLine: [UInt8] { pending }

    package func receive(head: HTTPResponseHead) throws { pending.removeAll() }

    package func receive(body chunk: UnsafeRawBufferPointer) throws {
        let bytes = chunk.bindMemory(to: UInt8.self)
        var start = 0
        if !pending.isEmpty {
            guard let newline = bytes.firstIndex(of: 0x0A) else {
                try keep(UnsafeBufferPointer(rebasing: bytes[0..<bytes.count]))
                return
            }
            try keep(UnsafeBufferPointer(rebasing: bytes[0..<newline]))
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
        if start < bytes.count { try keep(UnsafeBufferPointer(rebasing: bytes[start..<bytes.count])) }
        try onChunkEnd()
    }

    /// Adds bytes to the unfinished line, refusing to let it pass the limit.
    private func keep(_ bytes: UnsafeBufferPointer<UInt8>) throws {
        guard pending.count + bytes.count <= maxLineBytes else {
            throw ResponseTooLarge(part: "a line of the stream", limit: maxLineBytes)
        }
        pending.append(contentsOf: bytes)
    }

    private func emit(_ line: UnsafeBufferPointer<UInt8>) throws {
        guard line.count <= maxLineBytes else { throw ResponseTooLarge(part: "a line of the stream", limit: maxLineBytes) }
        var end = line.count
        if end > 0 && line[end - 1] == 0x0D { end -= 1 }
        guard end > 0 else { return }
        try onLine(UnsafeBufferPointer(rebasing: line[0..<end]))
    }
}
