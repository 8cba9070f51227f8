/// RFC 4180 CSV: a header row of field paths, CRLF line ends, quoted cells where needed.
final class CSVWriter: RecordWriter {
    private let out: OutputStream
    private let columns: [Column]

    init(out: OutputStream, columns: [Column]) {
        self.out = out
        self.columns = columns
    }

    func begin() throws {
        try writeRow(columns.map(\.csvHeader))
    }

    func write(_ record: JSONValue) throws {
        try writeRow(columns.map { $0.rawCell(record) })
    }

    func flushIfNeeded() throws { try out.flush() }

    func end(footer: String?) throws { try out.flush() }

    private func writeRow(_ cells: [String]) throws {
        try out.write(cells.map(Self.quote).joined(separator: ",") + "\r\n")
    }

    /// The cell, quoted with inner quotes doubled when it holds a comma, quote, CR or LF.
    static func quote(_ cell: String) -> String {
        let needsQuotes = cell.utf8.contains { $0 == 0x2C || $0 == 0x22 || $0 == 0x0D || $0 == 0x0A }
        guard needsQuotes else { return cell }
        return "\"" + cell.replacing("\"", with: "\"\"") + "\""
    }
}
