/// One data row of a CSV file: its fields, the line it starts on, and its text as written
/// (so rows can be copied unchanged into a file of failed rows).
package struct CSVRow: Sendable, Equatable {
    package var fields: [String]
    package var line: Int
    package var text: String
}

/// Reads CSV as RFC 4180 describes it: comma-separated fields, fields in double quotes may hold
/// commas, line breaks and doubled quotes; CRLF or LF line ends; a UTF-8 byte-order mark is
/// skipped; blank lines are ignored. The text must be UTF-8.
package enum CSVReader {
    /// The header and the data rows of `bytes`. An unterminated quote, text after a closing
    /// quote or a field that is not UTF-8 throws `RecordIssue`.
    package static func read(_ bytes: [UInt8]) throws(RecordIssue) -> (header: CSVRow, rows: [CSVRow])? {
        var rows: [CSVRow] = []
        var index = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
        var line = 1
        while index < bytes.count {
            let start = index
            let startLine = line
            var fields: [String] = []
            var field: [UInt8] = []
            var rowEnded = false
            while !rowEnded {
                let fieldLine = line
                if index < bytes.count && bytes[index] == UInt8(ascii: "\"") {
                    index += 1
                    while true {
                        guard index < bytes.count else {
                            throw RecordIssue(line: startLine, message: "invalid CSV: a quoted field is not closed")
                        }
                        let byte = bytes[index]
                        index += 1
                        if byte == UInt8(ascii: "\"") {
                            if index < bytes.count && bytes[index] == UInt8(ascii: "\"") {
                                field.append(byte)
                                index += 1
                            } else {
                                break
                            }
                        } else {
                            if byte == 0x0A { line += 1 }
                            field.append(byte)
                        }
                    }
                    let next = index < bytes.count ? bytes[index] : 0x0A
                    guard next == UInt8(ascii: ",") || next == 0x0A || next == 0x0D else {
                        throw RecordIssue(line: line, message: "invalid CSV: text after a closing quote (a quote inside a field must be doubled)")
                    }
                } else {
                    while index < bytes.count, bytes[index] != UInt8(ascii: ","), bytes[index] != 0x0A, bytes[index] != 0x0D {
                        field.append(bytes[index])
                        index += 1
                    }
                }
                guard let text = String(validating: field, as: UTF8.self) else {
                    // Decoding would put U+FFFD in place of the bytes and send that instead.
                    throw RecordIssue(line: fieldLine, message: "invalid CSV: field \(fields.count + 1) is not valid UTF-8 text")
                }
                fields.append(text)
                field.removeAll(keepingCapacity: true)
                if index < bytes.count && bytes[index] == UInt8(ascii: ",") {
                    index += 1
                    continue
                }
                rowEnded = true
            }
            var end = index
            if index < bytes.count && bytes[index] == 0x0D { index += 1 }
            if index < bytes.count && bytes[index] == 0x0A { index += 1 }
            line += 1
            if end > start && bytes[end - 1] == 0x0D { end -= 1 }
            if fields == [""] { continue }
            rows.append(CSVRow(fields: fields, line: startLine, text: String(decoding: bytes[start..<end], as: UTF8.self)))
        }
        guard let header = rows.first else { return nil }
        return (header, Array(rows.dropFirst()))
    }
}
