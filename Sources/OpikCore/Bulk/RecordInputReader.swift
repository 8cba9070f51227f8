/// Reads, checks and prepares the records of a bulk input in one pass, as
/// `JSONRecordReader` reads them (same records, lines, issues and limits) followed by
/// `RecordPreparation`'s checks. Most records take a quick pass that builds only the values of
/// the checked fields and copies the record's text; any record that pass cannot vouch for is
/// parsed in full, so issues and results are those of the full parse.
enum RecordInputReader {
    struct Settings: Sendable {
        var filler: RecordChunk.Filler
        var maxRecordBytes: Int
    }

    /// The records of an NDJSON input (values separated by white space) that begin in
    /// `from..<limit`, reading from `from` (the start of the input or of a line).
    static func readSequence(_ buffer: UnsafeBufferPointer<UInt8>, from: Int, until limit: Int, settings: Settings) -> RecordChunk {
        var chunk = RecordChunk()
        var reader = Reader(bytes: buffer)
        reader.index = from
        reader.skipByteOrderMark()
        var lines = LineCounter(offset: from, count: 1 + newlines(in: UnsafeBufferPointer(rebasing: buffer[0..<from])))
        reader.skipSpace()
        chunk.firstStart = reader.index
        chunk.payload.reserve(bytes: (limit - from) + (limit - from) / 2, records: 0)
        while true {
            reader.skipSpace()
            if reader.index >= buffer.count || reader.index >= limit { break }
            let start = reader.index
            let line = lines.line(at: start, in: buffer)
            do {
                guard try readRecord(&reader, into: &chunk, line: line, depth: 0, settings: settings) else { return chunk }
            } catch {
                chunk.syntaxIssues.append(.syntax(error, recordLine: line))
                while reader.index < buffer.count && buffer[reader.index] != 0x0A { reader.index += 1 }
            }
        }
        chunk.nextStart = reader.index
        return chunk
    }

    /// The records of an input that is one JSON array (the reader just past its `[`).
    static func readArray(_ buffer: UnsafeBufferPointer<UInt8>, reader: inout Reader, lines: inout LineCounter, settings: Settings) -> RecordChunk {
        var chunk = RecordChunk()
        chunk.payload.reserve(bytes: buffer.count + buffer.count / 2, records: 0)
        do throws(JSONSyntaxError) {
            while true {
                reader.skipSpace()
                let line = lines.line(at: reader.index, in: buffer)
                guard try readRecord(&reader, into: &chunk, line: line, depth: 1, settings: settings) else { return chunk }
                if try JSONRecordReader.arrayEnds(&reader) { break }
            }
        } catch {
            chunk.thrown = RecordIssue(error)
        }
        return chunk
    }

    /// Reads one record at the reader's index and checks and adds it; false when it stops
    /// the input (the issue is then the chunk's `thrown`).
    static func readRecord(_ reader: inout Reader, into chunk: inout RecordChunk, line: Int, depth: Int, settings: Settings)
        throws(JSONSyntaxError) -> Bool
    {
        let start = reader.index
        reader.sawSpace = false
        if let scan = reader.scanRecord(depth: depth, line: line, rules: settings.filler.rules) {
            guard fits(start..<reader.index, line: line, into: &chunk, settings: settings) else { return false }
            guard !chunk.hasIssues else { return true }
            let text = UnsafeBufferPointer(rebasing: reader.bytes[(start + 1)..<reader.index])
            let isCompact = !reader.sawSpace
            chunk.add(line: line, startMillis: scan.startMillis, id: scan.id, traceId: scan.traceId,
                      hasProject: scan.hasProject, hasUpdate: scan.hasUpdate, filler: settings.filler) { out in
                if isCompact { out.append(contentsOf: text) } else { JSONCompactor.append(text, to: &out) }
            }
            return true
        }
        reader.index = start
        let value = try reader.parseValue(depth: depth)
        guard fits(start..<reader.index, line: line, into: &chunk, settings: settings) else { return false }
        chunk.add(value: value, line: line, source: reader.bytes, range: start..<reader.index, filler: settings.filler)
        return true
    }

    static func fits(_ range: Range<Int>, line: Int, into chunk: inout RecordChunk, settings: Settings) -> Bool {
        guard range.count > settings.maxRecordBytes else { return true }
        chunk.thrown = RecordIssue(line: line, message: "record of \(range.count) bytes is larger than the limit of \(settings.maxRecordBytes) bytes")
        return false
    }

    static func newlines(in bytes: UnsafeBufferPointer<UInt8>) -> Int {
        var count = 0
        for byte in bytes where byte == 0x0A { count += 1 }
        return count
    }
}
