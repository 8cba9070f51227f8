import Synchronization

/// Turns the records of `spans create --file` and `traces create --file` into what is sent:
/// each record checked by its entity's `RecordRules`, then given the fields it lacks — `id`
/// and, for spans, `trace_id` (deterministic, see `RecordIdentity`),
/// `project_name` (the `--project`) and `last_updated_at` (one value per run, so a re-run
/// overwrites instead of duplicating, see docs/SERVER.md#creating-spans) — in front of its own members.
package struct RecordPreparation: Sendable {
    package var payload = BulkPayload()
    package var ids: [String] = []
    /// Per record, its `trace_id` when derived or given; empty unless trace ids are derived.
    package var traceIds: [String] = []
    /// The records whose `trace_id` was derived (their traces are new), in input order.
    package var derivedTraces: [Int] = []
    /// Every invalid record, in input order.
    package var issues: [RecordIssue] = []

    /// Reads, checks and prepares the records of a JSON array or NDJSON input, as
    /// `JSONRecordReader.read` followed by `init(records:source:…)` would, without keeping
    /// the records' parsed values. Large NDJSON inputs are split at line ends and read on
    /// `threads` threads. Throws what `JSONRecordReader.read` throws.
    /// `derivesTraceIds`: records without `trace_id` get one derived from them, as `id` is
    /// (spans, whose trace is then created by the caller).
    package init(input: [UInt8], entity: Entity, derivesTraceIds: Bool, projectName: String, lastUpdatedAt: String,
                maxRecordBytes: Int = JSONRecordReader.defaultMaxRecordBytes, threads: Int? = nil) throws(RecordIssue)
    {
        let filler = RecordChunk.Filler(rules: entity.recordRules, derivesTraceIds: derivesTraceIds,
                                        projectName: projectName, lastUpdatedAt: lastUpdatedAt)
        let settings = RecordInputReader.Settings(filler: filler, maxRecordBytes: maxRecordBytes)
        let threads = threads ?? (input.count >= 1 << 20 ? WorkerThreads.processorCount : 1)
        var chunks = input.withUnsafeBufferPointer { buffer in Self.read(buffer, settings: settings, threads: threads) }
        var syntaxIssues: [RecordIssue] = []
        for chunk in chunks {
            if let thrown = chunk.thrown { throw thrown }
            syntaxIssues += chunk.syntaxIssues
            issues += chunk.issues
        }
        let duplicates = Self.duplicateIds(chunks.flatMap(\.ids), lines: chunks.flatMap(\.payload.lines))
        issues = RecordIssue.merged(RecordIssue.merged(syntaxIssues, issues), duplicates)
        guard issues.isEmpty else { return }
        Self.fillIdentities(&chunks)
        for chunk in chunks {
            if payload.count == 0 { payload = chunk.payload } else { payload.append(contentsOf: chunk.payload) }
            derivedTraces += chunk.derivedTraces.lazy.map { [count = ids.count] in $0 + count }
            ids += chunk.ids
            traceIds += chunk.traceIds
        }
    }

    /// From records already read. `source` is the input they were read from: a record's own
    /// text, without its white space, is what is sent and hashed (it is valid JSON, and far
    /// cheaper than writing the parsed value again). Without it the parsed values are written.
    package init(records: [SourceRecord], source: [UInt8]? = nil, entity: Entity, derivesTraceIds: Bool,
                projectName: String, lastUpdatedAt: String) {
        let filler = RecordChunk.Filler(rules: entity.recordRules, derivesTraceIds: derivesTraceIds,
                                        projectName: projectName, lastUpdatedAt: lastUpdatedAt)
        var chunk = RecordChunk()
        func add(_ source: UnsafeBufferPointer<UInt8>?) {
            for record in records {
                chunk.add(value: record.value, line: record.line, source: source, range: record.range, filler: filler)
            }
        }
        if let source { source.withUnsafeBufferPointer { add($0) } } else { add(nil) }
        issues = RecordIssue.merged(chunk.issues, Self.duplicateIds(chunk.ids, lines: chunk.payload.lines))
        guard issues.isEmpty else { return }
        chunk.fillIdentities(earlier: [])
        payload = chunk.payload
        ids = chunk.ids
        traceIds = chunk.traceIds
        derivedTraces = chunk.derivedTraces
    }

    /// Records given the same `id` (before generated ids are filled in, which are empty).
    static func duplicateIds(_ ids: [String], lines: [Int]) -> [RecordIssue] {
        DuplicateKeys.issues(keys: ids.map { $0.isEmpty ? nil : $0.lowercased() }, lines: lines, field: "id", described: "id")
    }

    /// Fills in the generated ids of every chunk, one thread per chunk.
    static func fillIdentities(_ chunks: inout [RecordChunk]) {
        let earlier = chunks.map(\.occurrences)
        let count = chunks.count
        // The chunks move to the threads: a second reference would make writing the ids
        // copy the whole payload.
        let results = Results(chunks.map { $0 })
        chunks = []
        WorkerThreads.run(count: count) { part in
            guard var chunk = results.chunks.withLock({ $0[part].take() }) else { return }
            chunk.fillIdentities(earlier: Array(earlier[..<part]))
            results.chunks.withLock { $0[part] = chunk }
        }
        chunks = results.chunks.withLock { parts in
            defer { parts = [] }
            return parts.map { $0! }
        }
    }

    /// The chunks of the input in order, read on up to `threads` threads.
    static func read(_ buffer: UnsafeBufferPointer<UInt8>, settings: RecordInputReader.Settings, threads: Int) -> [RecordChunk] {
        var reader = Reader(bytes: buffer)
        reader.skipByteOrderMark()
        reader.skipSpace()
        if reader.index < buffer.count && buffer[reader.index] == UInt8(ascii: "[") {
            reader.index += 1
            reader.skipSpace()
            if reader.index < buffer.count && buffer[reader.index] == UInt8(ascii: "]") {
                reader.index += 1
                var chunk = RecordChunk()
                do throws(JSONSyntaxError) {
                    try JSONRecordReader.expectEnd(&reader)
                } catch {
                    chunk.thrown = RecordIssue(error)
                }
                return [chunk]
            }
            var lines = LineCounter()
            return [RecordInputReader.readArray(buffer, reader: &reader, lines: &lines, settings: settings)]
        }
        return readSequence(buffer, settings: settings, threads: threads)
    }

    /// NDJSON cut at line ends into one stretch per thread. A stretch's reading starts at a
    /// line start, which may be inside a record spread over lines; its results are kept only
    /// when the stretch before ended exactly where it began, else it is read again from there.
    static func readSequence(_ buffer: UnsafeBufferPointer<UInt8>, settings: RecordInputReader.Settings, threads: Int) -> [RecordChunk] {
        var cuts = [0]
        for part in 1..<max(threads, 1) {
            var cut = max(buffer.count * part / threads, cuts[part - 1])
            while cut < buffer.count && buffer[cut] != 0x0A { cut += 1 }
            cuts.append(min(cut + 1, buffer.count))
        }
        cuts.append(buffer.count)
        let bounds = cuts
        let count = bounds.count - 1
        let shared = SharedInput(buffer: buffer)
        let results = Results(Array(repeating: nil, count: count))
        WorkerThreads.run(count: count) { part in
            let chunk = RecordInputReader.readSequence(shared.buffer, from: bounds[part], until: bounds[part + 1], settings: settings)
            results.chunks.withLock { $0[part] = chunk }
        }
        var chunks: [RecordChunk] = []
        var position = 0
        for (part, result) in results.chunks.withLock({ $0 }).enumerated() {
            guard var chunk = result else { continue }
            if part > 0 && chunk.firstStart != position {
                guard position < bounds[part + 1] else { continue }
                chunk = RecordInputReader.readSequence(buffer, from: position, until: bounds[part + 1], settings: settings)
            }
            chunks.append(chunk)
            if chunk.thrown != nil { break }
            position = chunk.nextStart
        }
        return chunks
    }

    final class Results: Sendable {
        let chunks: Mutex<[RecordChunk?]>
        init(_ chunks: [RecordChunk?]) { self.chunks = Mutex(chunks) }
    }

    /// The input, shared read-only by the threads that read it.
    struct SharedInput: @unchecked Sendable {
        let buffer: UnsafeBufferPointer<UInt8>
    }
}
