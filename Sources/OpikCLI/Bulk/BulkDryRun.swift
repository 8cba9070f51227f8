import OpikCore

/// What `--dry-run` prints on stdout: the request, the batches and the first record, as
/// text or (with --format json/ndjson) as one JSON object; for several uploads (the traces
/// `spans create` makes, then the spans) one after the other, in json as an array.
enum BulkDryRun {
    static func print(_ sends: [BulkSend], format: OutputFormat, stdout: OutputStream) throws {
        guard sends.count > 1 else { return try print(sends[0], format: format, stdout: stdout) }
        if format == .json {
            try stdout.write(JSONWriter.pretty(.array(try sends.map(summary))) + "\n")
        } else {
            for send in sends { try print(send, format: format, stdout: stdout) }
        }
    }

    static func print(_ send: BulkSend, format: OutputFormat, stdout: OutputStream) throws {
        if format == .json || format == .ndjson {
            let summary = try summary(send)
            try stdout.write((format == .json ? JSONWriter.pretty(summary) : JSONWriter.compact(summary)) + "\n")
            return
        }
        let endpoint = send.endpoint
        let batches = self.batches(send)
        var text = "would send \(Plural.count(send.payload.count, endpoint.noun)) in \(Plural.count(batches.count, "batch"))"
            + " to \(endpoint.method) \(endpoint.path); nothing was sent\n"
        for (index, batch) in batches.enumerated() {
            let lines = batch.first == batch.last ? "line \(batch.first)" : "lines \(batch.first)-\(batch.last)"
            text += "batch \(index + 1): \(Plural.count(batch.count, endpoint.noun)), \(lines), \(Plural.count(batch.bytes, "byte"))\n"
        }
        if let firstRecord = try firstRecord(send) { text += "first record:\n" + JSONWriter.pretty(firstRecord) + "\n" }
        try stdout.write(text)
    }

    /// The upload as one JSON object.
    static func summary(_ send: BulkSend) throws -> JSONValue {
        [
            "method": .string(send.endpoint.method), "path": .string(send.endpoint.path), "records": .int(send.payload.count),
            "batches": .array(batches(send).enumerated().map { index, batch in
                ["batch": .int(index + 1), "first_line": .int(batch.first), "last_line": .int(batch.last),
                 "records": .int(batch.count), "bytes": .int(batch.bytes)]
            }),
            "first_record": try firstRecord(send) ?? .null,
        ]
    }

    static func firstRecord(_ send: BulkSend) throws -> JSONValue? {
        send.payload.count > 0 ? try JSONParser.parse(bytes: Array(send.payload.record(0))) : nil
    }

    static func batches(_ send: BulkSend) -> [(first: Int, last: Int, count: Int, bytes: Int)] {
        let payload = send.payload
        return send.batches.map { range in
            (first: payload.lines[range.lowerBound], last: payload.lines[range.upperBound - 1], count: range.count,
             bytes: payload.body(key: send.endpoint.key, batch: range).count)
        }
    }
}
