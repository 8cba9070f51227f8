#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// The table for a terminal: a bold header, aligned columns that fit the terminal width
/// (low-priority columns left out first, see `TableLayout`).
///
/// The first 200 rows (or all, if fewer) are held to measure the columns; later rows are
/// printed at once with the same widths. A streaming table (`--follow`) cannot wait for rows
/// that may come in an hour: it fixes its widths from the usual width of each column at the
/// first flush, prints the header then, and every row as soon as it is flushed.
final class TerminalTableWriter: RecordWriter {
    static let batchSize = 200

    private let out: OutputStream
    private let columns: [Column]
    private let useColor: Bool
    private let width: Int
    private let now: Date
    private let isStreaming: Bool
    private var pending: [[(String, TerminalStyle)]] = []
    private var layout: TableLayout?

    init(out: OutputStream, columns: [Column], useColor: Bool, width: Int, now: Date, isStreaming: Bool = false) {
        self.isStreaming = isStreaming
        self.out = out
        self.columns = columns
        self.useColor = useColor
        self.width = width
        self.now = now
    }

    func begin() throws {}

    func write(_ record: JSONValue) throws {
        let cells = columns.map { $0.displayCell(record, now: now) }
        if let layout {
            try out.write(layout.line(cells, useColor: useColor))
            return
        }
        pending.append(cells)
        if pending.count >= Self.batchSize { try printPending() }
    }

    func flushIfNeeded() throws {
        if isStreaming, layout == nil || !pending.isEmpty { try printPending() }
        try out.flush()
    }

    func end(footer: String?) throws {
        if !pending.isEmpty { try printPending() }
        if let footer {
            let text = TerminalStyle.dim.apply(TerminalStyle.clean(footer), useColor: useColor)
            try out.write((layout == nil ? "" : "\n") + text + "\n")
        }
        try out.flush()
    }

    private func printPending() throws {
        if let layout {
            try out.write(pending.map { layout.line($0, useColor: useColor) }.joined())
            pending.removeAll()
            return
        }
        let headers = columns.map { ($0.header, TerminalStyle.bold) }
        let natural = columns.indices.map { index in
            let least = isStreaming ? columns[index].typicalWidth : DisplayWidth.of(columns[index].header)
            return pending.reduce(least) { max($0, DisplayWidth.of($1[index].0)) }
        }
        let layout = TableLayout.fitting(columns, natural: natural, width: width)
        self.layout = layout
        var text = layout.line(headers, useColor: useColor)
        for row in pending { text += layout.line(row, useColor: useColor) }
        pending.removeAll()
        try out.write(text)
    }
}
