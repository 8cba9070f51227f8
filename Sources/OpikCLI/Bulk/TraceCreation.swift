import OpikCore

/// Creates the traces that `spans create` invents for spans without a `trace_id`, as the
/// official SDK's `span()` does: a span whose trace row is missing is invisible to every trace
/// endpoint (see docs/SERVER.md#traces). The trace takes the span's project, name, times,
/// input and output. Spans that name their trace never create or change one.
enum TraceCreation {
    /// The members of a span that its new trace takes over.
    static let takenOver = ["project_name", "name", "start_time", "end_time", "input", "output"]

    /// The trace `traceId` of `span` as sent; with `last_updated_at` for a batch create.
    static func record(from span: JSONValue, traceId: String, withUpdateTime: Bool) -> JSONValue {
        var members: [(String, JSONValue)] = [("id", .string(traceId))]
        for name in takenOver + (withUpdateTime ? ["last_updated_at"] : []) {
            if let value = span[name], !value.isNull { members.append((name, value)) }
        }
        return .object(members)
    }

    /// `POST /v1/private/traces` for the trace of one span.
    static func write(for span: JSONValue, traceId: String, client: OpikClient) -> PlannedWrite {
        PlannedWrite(request: client.request("POST", Entity.trace.paths.list, body: record(from: span, traceId: traceId, withUpdateTime: false)),
                     what: "create trace \(traceId)", repetition: .safe)
    }

    /// Sends a single create. The single create answers 409 for a trace that exists (see
    /// docs/SERVER.md#traces): the id is new, so that is an earlier attempt whose answer was
    /// lost, and the trace is there.
    static func send(_ write: PlannedWrite, client: OpikClient) throws {
        do {
            try write.send(client)
        } catch let OpikError.server(_, status, _, _) where status == 409 {
            return
        }
    }

    /// For `spans create --file`: the traces of the derived trace ids that the server does not
    /// have yet, one per id, as a payload for `POST /traces/batch`. A batch create overwrites,
    /// and a rerun after an interruption must not overwrite a trace created (and maybe updated
    /// since) by the run before, so every id is looked up first (`GET /traces/{id}`, which is
    /// not rate limited), several at a time; without `check` (a dry run) none is. The ids are
    /// those of the payload's traces, in order.
    static func traces(for prepared: RecordPreparation, check work: ParallelWork?) throws -> (payload: BulkPayload, ids: [String]) {
        var seen = Set<String>()
        let records = prepared.derivedTraces.filter { seen.insert(prepared.traceIds[$0]).inserted }
        let candidates = records.map { prepared.traceIds[$0] }
        let existing = try work.map { try RecordExistence(entity: .trace, ids: candidates, work: $0).run() } ?? [:]
        let missing = candidates.map { existing[$0] == nil }
        var payload = BulkPayload()
        var ids: [String] = []
        for (index, isMissing) in zip(records, missing) where isMissing {
            let span = try JSONParser.parse(bytes: Array(prepared.payload.record(index)))
            let trace = record(from: span, traceId: prepared.traceIds[index], withUpdateTime: true)
            payload.append(line: prepared.payload.lines[index]) { JSONWriter.write(trace, into: &$0, indent: nil) }
            ids.append(prepared.traceIds[index])
        }
        return (payload, ids)
    }

    /// The spans of `prepared` as NDJSON for --failed when their new traces were not all
    /// created: a span whose trace is among `failed` goes without the trace_id derived for
    /// it, so that sending the file again makes and creates its trace instead of pointing at
    /// a trace that does not exist.
    static func failedSpans(_ prepared: RecordPreparation, failed: Set<String>) -> [UInt8] {
        var derived = Array(repeating: false, count: prepared.ids.count)
        for index in prepared.derivedTraces { derived[index] = true }
        var bytes: [UInt8] = []
        for index in 0..<prepared.payload.count {
            let record = prepared.payload.record(index)
            let member = Array(#""trace_id":"\#(prepared.traceIds[index])","#.utf8)
            // The derived member is one of the first two, written exactly so.
            if derived[index], failed.contains(prepared.traceIds[index]),
               let start = record.prefix(128).firstRange(of: member)?.lowerBound {
                bytes += record[..<start] + record[(start + member.count)...]
            } else {
                bytes += record
            }
            bytes.append(0x0A)
        }
        return bytes
    }
}
