/// Follows a bulk input as it is read, piece by piece, and refuses it as soon as one record
/// passes the size limit: what `JSONRecordReader` and `CSVReader` would refuse once the whole
/// input is in memory, but before an endless or enormous input is.
///
/// JSON: the records are the values of a top-level array, or the top-level values of a
/// sequence (NDJSON). CSV: the records are rows (a quoted field may hold line breaks).
package struct RecordSizeCheck {
    package enum Syntax: Sendable { case json, csv }

    let syntax: Syntax
    let limit: Int
    private var offset = 0
    private var line = 1
    /// Where the current record started (absolute offset), and on which line.
    private var start: Int?
    private var startLine = 1
    private var depth = 0
    /// 1 inside a top-level array, 0 otherwise; nil before the first byte that is not space.
    private var base: Int?
    private var inString = false
    private var escaped = false

    package init(_ syntax: Syntax, limit: Int = JSONRecordReader.defaultMaxRecordBytes) {
        self.syntax = syntax
        self.limit = limit
    }

    /// Takes the next bytes of the input; throws when a record is larger than the limit.
    package mutating func feed(_ bytes: UnsafeBufferPointer<UInt8>) throws(RecordIssue) {
        for byte in bytes {
            switch syntax {
            case .json: json(byte)
            case .csv: csv(byte)
            }
            if byte == 0x0A { line += 1 }
            offset += 1
            if let start, offset - start > limit {
                throw RecordIssue(line: startLine, message: "a record is larger than the limit of \(limit) bytes; reading stopped there")
            }
        }
    }

    private static func isSpace(_ byte: UInt8) -> Bool { byte == 0x20 || byte == 0x0A || byte == 0x0D || byte == 0x09 }

    private mutating func begin() {
        start = offset
        startLine = line
    }

    private mutating func json(_ byte: UInt8) {
        if inString {
            if escaped { escaped = false } else if byte == UInt8(ascii: "\\") { escaped = true } else if byte == UInt8(ascii: "\"") {
                inString = false
                if depth == (base ?? 0) { start = nil }
            }
            return
        }
        if base == nil {
            if Self.isSpace(byte) { return }
            base = byte == UInt8(ascii: "[") ? 1 : 0
            if base == 1 {
                depth = 1
                return
            }
        }
        let level = base ?? 0
        if start == nil {
            if Self.isSpace(byte) || (level == 1 && (byte == UInt8(ascii: ",") || byte == UInt8(ascii: "]"))) { return }
            begin()
        }
        switch byte {
        case UInt8(ascii: "\""): inString = true
        case UInt8(ascii: "{"), UInt8(ascii: "["): depth += 1
        case UInt8(ascii: "}"), UInt8(ascii: "]"):
            depth -= 1
            if depth <= level { start = nil }
        default:
            // A number or literal ends at white space or the array's punctuation.
            if depth == level, Self.isSpace(byte) || byte == UInt8(ascii: ",") { start = nil }
        }
    }

    private mutating func csv(_ byte: UInt8) {
        if byte == UInt8(ascii: "\"") { inString.toggle() }
        if start == nil {
            if byte == 0x0A || byte == 0x0D { return }
            begin()
        }
        if byte == 0x0A, !inString { start = nil }
    }
}
