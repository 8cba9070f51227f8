/// Reads standard input within limits, so that endless input (`yes ID | …`, `< /dev/zero`)
/// ends in a one-line error instead of exhausting memory. Each piece read is shown to a
/// `check` that can refuse the input early (a record over its size limit, too many ids).
package enum StdinReader {
    /// Bytes asked for at a time.
    static let pieceSize = 64 * 1024

    /// All of standard input, at most `maxBytes`; `what` names the input in the error
    /// (`standard input`, `--input`). `check` sees each piece as it arrives.
    package static func read(_ context: Context, maxBytes: Int, what: String,
                            check: (UnsafeBufferPointer<UInt8>) throws -> Void = { _ in }) throws -> [UInt8] {
        var bytes: [UInt8] = []
        while true {
            let piece = try context.readStdinPiece(pieceSize)
            if piece.isEmpty { return bytes }
            if context.isInterrupted() { throw OpikError.interrupted(summary: "while reading standard input") }
            try piece.withUnsafeBufferPointer { try check($0) }
            guard bytes.count + piece.count <= maxBytes else {
                throw OpikError.invalidInput("\(what): standard input is larger than \(ResponseLimit.describe(maxBytes))",
                                             hint: "nothing was sent; save the input to a file and pass the file instead")
            }
            bytes.append(contentsOf: piece)
        }
    }

    /// Reads standard input to its end, showing each piece to `consume` and keeping nothing:
    /// `consume` bounds what it keeps itself.
    package static func scan(_ context: Context, _ consume: (UnsafeBufferPointer<UInt8>) throws -> Void) throws {
        while true {
            let piece = try context.readStdinPiece(pieceSize)
            if piece.isEmpty { return }
            if context.isInterrupted() { throw OpikError.interrupted(summary: "while reading standard input") }
            try piece.withUnsafeBufferPointer { try consume($0) }
        }
    }

    /// Pieces of what `readAll` returns, for contexts that only have the whole input.
    package static func pieces(of readAll: @escaping () throws -> [UInt8]) -> (Int) throws -> [UInt8] {
        final class Rest: @unchecked Sendable {
            var bytes: [UInt8]?
            var offset = 0
        }
        let rest = Rest()
        return { count in
            if rest.bytes == nil { rest.bytes = try readAll() }
            let bytes = rest.bytes!
            let end = min(bytes.count, rest.offset + count)
            defer { rest.offset = end }
            return Array(bytes[rest.offset..<end])
        }
    }
}
