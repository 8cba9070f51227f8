#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import OpikCore

/// Comments as a terminal table: ID, AUTHOR, CREATED, TEXT. Ids stay whole, because they are
/// what `comment get`, `update` and `delete` take; only the text is cut to the width.
enum CommentTable {
    static func write(_ comments: [JSONValue], to out: OutputStream, useColor: Bool, width: Int, now: Date) throws {
        let rows: [[String]] = comments.map { comment in
            let created = comment["created_at"]?.stringValue ?? ""
            return [
                comment["id"]?.stringValue ?? "",
                comment["created_by"]?.stringValue ?? "",
                TimeParser.instant(created).map { Humanize.relativeTime($0, now: now) } ?? created,
                comment["text"]?.stringValue ?? "",
            ].map { TerminalStyle.clean($0) }
        }
        let header = ["ID", "AUTHOR", "CREATED", "TEXT"]
        var widths = header.indices.map { column in
            ([header[column]] + rows.map { $0[column] }).map(DisplayWidth.of).max() ?? 0
        }
        let fixed = widths.dropLast().reduce(0, +) + 2 * (widths.count - 1)
        widths[3] = max(10, min(widths[3], width - fixed))
        var text = line(header.map { TerminalStyle.bold.apply($0, useColor: useColor) }, plain: header, widths: widths)
        for row in rows {
            let cells = [TerminalStyle.dim.apply(row[0], useColor: useColor), row[1], row[2], DisplayWidth.truncate(row[3], to: widths[3])]
            text += line(cells, plain: [row[0], row[1], row[2], DisplayWidth.truncate(row[3], to: widths[3])], widths: widths)
        }
        try out.write(text)
    }

    /// Cells padded to their widths by their unstyled text, with no trailing spaces.
    static func line(_ cells: [String], plain: [String], widths: [Int]) -> String {
        var line = ""
        for index in cells.indices {
            let padding = index == cells.count - 1 ? 0 : widths[index] - DisplayWidth.of(plain[index]) + 2
            line += cells[index] + String(repeating: " ", count: max(0, padding))
        }
        while line.hasSuffix(" ") { line.removeLast() }
        return line + "\n"
    }
}
