/// The table for a pipe: one line per record, tab-separated raw values, no header.
///
/// Tabs, carriage returns and line feeds inside a value become spaces so that every record
/// stays one line with a fixed number of fields for `cut` and `awk -F'\t'`.
final class PipeTableWriter: RecordWriter {
    private let out: OutputStream
    private let columns: [Column]

    init(out: OutputStream, columns: [Column]) {
        self.out = out
        self.columns = columns
    }

    func begin() throws {}

    func write(_ record: JSONValue) throws {
        try out.write(Self.line(columns.map { $0.rawCell(record) }))
    }

    func flushIfNeeded() throws { try out.flush() }

    func end(footer: String?) throws { try out.flush() }

    /// Cells joined by tabs, each made single-line, ending in a line feed.
    static func line(_ cells: [String]) -> String {
        cells.map(flatten).joined(separator: "\t") + "\n"
    }

    static func flatten(_ cell: String) -> String {
        guard cell.utf8.contains(where: { $0 == 0x09 || $0 == 0x0A || $0 == 0x0D }) else { return cell }
        return String(
            String.UnicodeScalarView(
                cell.unicodeScalars.map { $0 == "\t" || $0 == "\n" || $0 == "\r" ? " " : $0 }))
    }
}
