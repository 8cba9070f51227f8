#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// Builds the writers and views that print spans and statistics.
package enum Renderer {
    /// The writer for `format`. `isTerminal` picks the terminal or pipe form of `table`;
    /// `width` is the terminal's column count; `entity` gives the default columns; `now` anchors relative times. A `streaming`
    /// writer shows each record at the next `flushIfNeeded()` (for `--follow`).
    package static func makeWriter(
        format: OutputFormat, fields: FieldSelection?, stdout: OutputStream,
        isTerminal: Bool, useColor: Bool, width: Int, now: Date, streaming: Bool = false, entity: Entity
    ) -> RecordWriter {
        switch format {
        case .json:
            return JSONArrayWriter(out: stdout, fields: fields)
        case .ndjson:
            return NDJSONWriter(out: stdout, fields: fields)
        case .csv:
            return CSVWriter(out: stdout, columns: Column.columns(for: fields, entity: entity))
        case .table where isTerminal:
            return TerminalTableWriter(
                out: stdout, columns: Column.columns(for: fields, entity: entity), useColor: useColor, width: width, now: now,
                isStreaming: streaming)
        case .table:
            return PipeTableWriter(out: stdout, columns: Column.columns(for: fields, entity: entity))
        }
    }
}
