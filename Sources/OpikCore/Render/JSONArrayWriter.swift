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
