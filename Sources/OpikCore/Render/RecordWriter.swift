#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// Prints a stream of records (spans) in one output format, as they arrive.
///
/// Call `begin()` once, `write(_:)` per record, `flushIfNeeded()` at the end of each network
/// chunk, and `end(footer:)` once. Every method may throw `OutputClosed` when the reader
/// went away; callers let it propagate.
public protocol RecordWriter: AnyObject {
    func begin() throws
    func write(_ record: JSONValue) throws
    /// Pushes out what is ready so a reader sees spans before the listing ends.
    func flushIfNeeded() throws
    /// Finishes the output; `footer` (e.g. `page 2 of 7, 312 spans`) shows only on a terminal.
    func end(footer: String?) throws
}

/// Builds the writers and views that print spans and statistics.
public enum Renderer {
    /// The writer for `format`. `isTerminal` picks the terminal or pipe form of `table`;
    /// `width` is the terminal's column count; `now` anchors relative times.
    public static func makeWriter(
        format: OutputFormat, fields: FieldSelection?, stdout: OutputStream,
        isTerminal: Bool, useColor: Bool, width: Int, now: Date
    ) -> RecordWriter {
        switch format {
        case .json:
            return JSONArrayWriter(out: stdout, fields: fields)
        case .ndjson:
            return NDJSONWriter(out: stdout, fields: fields)
        case .csv:
            return CSVWriter(out: stdout, columns: Column.columns(for: fields))
        case .table where isTerminal:
            return TerminalTableWriter(
                out: stdout, columns: Column.columns(for: fields), useColor: useColor, width: width, now: now)
        case .table:
            return PipeTableWriter(out: stdout, columns: Column.columns(for: fields))
        }
    }
}

/// A JSON array written element by element, each indented by two spaces.
final class JSONArrayWriter: RecordWriter {
    private let out: OutputStream
    private let fields: FieldSelection?
    private var count = 0

    init(out: OutputStream, fields: FieldSelection?) {
        self.out = out
        self.fields = fields
    }

    func begin() throws { try out.write("[") }

    func write(_ record: JSONValue) throws {
        let value = fields?.project(record) ?? record
        let separator = count == 0 ? "\n  " : ",\n  "
        count += 1
        try out.append { bytes in
            bytes.append(contentsOf: separator.utf8)
            JSONWriter.write(value, into: &bytes, indent: 2, level: 1)
        }
    }

    func flushIfNeeded() throws { try out.flush() }

    func end(footer: String?) throws {
        try out.write(count == 0 ? "]\n" : "\n]\n")
        try out.flush()
    }
}

/// One compact JSON object per line.
final class NDJSONWriter: RecordWriter {
    private let out: OutputStream
    private let fields: FieldSelection?

    init(out: OutputStream, fields: FieldSelection?) {
        self.out = out
        self.fields = fields
    }

    func begin() throws {}

    func write(_ record: JSONValue) throws {
        let value = fields?.project(record) ?? record
        try out.append { bytes in
            JSONWriter.write(value, into: &bytes, indent: nil)
            bytes.append(0x0A)
        }
    }

    func flushIfNeeded() throws { try out.flush() }

    func end(footer: String?) throws { try out.flush() }
}
