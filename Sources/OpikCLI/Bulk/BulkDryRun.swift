import OpikCore

/// What `--dry-run` prints on stdout: the request, the batches and the first record, as
/// text or (with --format json/ndjson) as one JSON object.
enum BulkDryRun {
    static func print(_ send: BulkSend, format: OutputFormat, stdout: OutputStream) throws {
        let payload = send.payload
        let endpoint = send.endpoint
        let firstRecord: JSONValue? = payload.count > 0 ? try JSONParser.parse(bytes: Array(payload.record(0))) : nil
        let batches = send.batches.map { range in
            (first: payload.lines[range.lowerBound], last: payload.lines[range.upperBound - 1], count: range.count,
             bytes: payload.body(key: endpoint.key, batch: range).count)
        }
        if format == .json || format == .ndjson {
            let summary: JSONValue = [
                "method": .string(endpoint.method), "path": .string(endpoint.path), "records": .int(payload.count),
                "batches": .array(batches.enumerated().map { index, batch in
                    ["batch": .int(index + 1), "first_line": .int(batch.first), "last_line": .int(batch.last),
                     "records": .int(batch.count), "bytes": .int(batch.bytes)]
                }),
                "first_record": firstRecord ?? .null,
            ]
            try stdout.write((format == .json ? JSONWriter.pretty(summary) : JSONWriter.compact(summary)) + "\n")
            return
        }
        var text = "would send \(Plural.count(payload.count, endpoint.noun)) in \(Plural.count(batches.count, "batch"))"
            + " to \(endpoint.method) \(endpoint.path); nothing was sent\n"
        for (index, batch) in batches.enumerated() {
            let lines = batch.first == batch.last ? "line \(batch.first)" : "lines \(batch.first)-\(batch.last)"
            text += "batch \(index + 1): \(Plural.count(batch.count, endpoint.noun)), \(lines), \(Plural.count(batch.bytes, "byte"))\n"
        }
        if let firstRecord { text += "first record:\n" + JSONWriter.pretty(firstRecord) + "\n" }
        try stdout.write(text)
    }
}
