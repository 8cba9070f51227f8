/// One record of a JSON or NDJSON input: the parsed value, the line it starts on and its size.
package struct SourceRecord: Sendable {
    package var value: JSONValue
    package var line: Int
    /// Where the record's text is in the input (empty when it has none).
    package var range: Range<Int>

    package init(value: JSONValue, line: Int, range: Range<Int> = 0..<0) {
        self.value = value
        self.line = line
        self.range = range
    }
}

/// Reads the records of a bulk input that is either one JSON array or a sequence of JSON
/// values (NDJSON, or values separated by any white space), keeping each record's line.
package enum JSONRecordReader {
    /// Records larger than this are refused before anything is sent.
    package static let defaultMaxRecordBytes = 20 * 1024 * 1024

    /// The records of `bytes`, and the issues of records that could not be read. In NDJSON a
    /// syntax error costs only its own line: reading goes on at the next line, so one run
    /// reports every bad line. In an array, or past an oversized record, the first issue is
    /// thrown.
    package static func read(_ bytes: [UInt8], maxRecordBytes: Int = defaultMaxRecordBytes) throws(RecordIssue)
        -> (records: [SourceRecord], issues: [RecordIssue])
    {
        try bytes.withUnsafeBufferPointer { buffer throws(RecordIssue) in
            try read(buffer, maxRecordBytes: maxRecordBytes)
        }
    }

    static func read(_ buffer: UnsafeBufferPointer<UInt8>, maxRecordBytes: Int) throws(RecordIssue)
        -> (records: [SourceRecord], issues: [RecordIssue])
    {
        let read: (records: [SourceRecord], issues: [RecordIssue], oversized: RecordIssue?)
        do throws(JSONSyntaxError) {
            read = try readRecords(buffer, maxRecordBytes: maxRecordBytes)
        } catch {
            throw RecordIssue(error)
        }
        if let oversized = read.oversized { throw oversized }
        return (read.records, read.issues)
    }

    /// `read` with the syntax error that ends an array thrown as it is, and the issue of an
    /// oversized record (which ends any input) returned.
    static func readRecords(_ buffer: UnsafeBufferPointer<UInt8>, maxRecordBytes: Int) throws(JSONSyntaxError)
        -> (records: [SourceRecord], issues: [RecordIssue], oversized: RecordIssue?)
    {
        var reader = Reader(bytes: buffer)
        var lines = LineCounter()
        var records: [SourceRecord] = []
        var issues: [RecordIssue] = []
        reader.skipByteOrderMark()
        reader.skipSpace()
        let isArray = reader.index < buffer.count && buffer[reader.index] == UInt8(ascii: "[")
        if isArray {
            reader.index += 1
            reader.skipSpace()
            if reader.index < buffer.count && buffer[reader.index] == UInt8(ascii: "]") {
                reader.index += 1
                try expectEnd(&reader)
                return ([], [], nil)
            }
        }
        while true {
            reader.skipSpace()
            if !isArray && reader.index >= buffer.count { break }
            let start = reader.index
            let line = lines.line(at: start, in: buffer)
            let value: JSONValue
            do throws(JSONSyntaxError) {
                value = try reader.parseValue(depth: isArray ? 1 : 0)
            } catch where !isArray {
                issues.append(.syntax(error, recordLine: line))
                while reader.index < buffer.count && buffer[reader.index] != 0x0A { reader.index += 1 }
                continue
            }
            let size = reader.index - start
            if size > maxRecordBytes {
                let issue = RecordIssue(line: line, message: "record of \(size) bytes is larger than the limit of \(maxRecordBytes) bytes")
                return (records, issues, issue)
            }
            records.append(SourceRecord(value: value, line: line, range: start..<reader.index))
            guard isArray else { continue }
            if try arrayEnds(&reader) { break }
        }
        return (records, issues, nil)
    }

    /// Moves past the `,` after an element of the top-level array, or its `]` and the end of
    /// the input; whether the array ended.
    static func arrayEnds(_ reader: inout Reader) throws(JSONSyntaxError) -> Bool {
        reader.skipSpace()
        guard reader.index < reader.bytes.count else { throw reader.error("unexpected end of input in the array") }
        if reader.bytes[reader.index] == UInt8(ascii: ",") {
            reader.index += 1
            return false
        }
        guard reader.bytes[reader.index] == UInt8(ascii: "]") else { throw reader.error("expected ',' or ']' in the array") }
        reader.index += 1
        try expectEnd(&reader)
        return true
    }

    static func expectEnd(_ reader: inout Reader) throws(JSONSyntaxError) {
        reader.skipSpace()
        if reader.index < reader.bytes.count { throw reader.error("unexpected text after the JSON array") }
    }
}

/// Counts lines up to increasing offsets without rescanning from the start.
struct LineCounter {
    var offset = 0
    var count = 1

    mutating func line(at target: Int, in bytes: UnsafeBufferPointer<UInt8>) -> Int {
        while offset < target {
            if bytes[offset] == 0x0A { count += 1 }
            offset += 1
        }
        return count
    }
}

/// Removes the white space between the tokens of valid JSON text, leaving strings alone.
enum JSONCompactor {
    static func append(_ text: UnsafeBufferPointer<UInt8>, to out: inout [UInt8]) {
        var inString = false
        var escaped = false
        var runStart = 0
        // Copies the stretches between removed bytes whole.
        for (offset, byte) in text.enumerated() {
            if inString {
                if escaped {
                    escaped = false
                } else if byte == UInt8(ascii: "\\") {
                    escaped = true
                } else if byte == UInt8(ascii: "\"") {
                    inString = false
                }
            } else {
                switch byte {
                case 0x20, 0x09, 0x0A, 0x0D:
                    if runStart < offset { out.append(contentsOf: UnsafeBufferPointer(rebasing: text[runStart..<offset])) }
                    runStart = offset + 1
                case UInt8(ascii: "\""): inString = true
                default: break
                }
            }
        }
        if runStart < text.count { out.append(contentsOf: UnsafeBufferPointer(rebasing: text[runStart...])) }
    }
}
