import OpikCore
import Synchronization

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
    /// not rate limited), several at a time; with `check` false (a dry run) none is.
    static func payload(for prepared: RecordPreparation, check work: ParallelWork?) throws -> BulkPayload {
        var seen = Set<String>()
        let records = prepared.derivedTraces.filter { seen.insert(prepared.traceIds[$0]).inserted }
        let missing = try work.map { try self.missing(records.map { prepared.traceIds[$0] }, work: $0) }
            ?? Array(repeating: true, count: records.count)
        var payload = BulkPayload()
        for (index, isMissing) in zip(records, missing) where isMissing {
            let span = try JSONParser.parse(bytes: Array(prepared.payload.record(index)))
            let trace = record(from: span, traceId: prepared.traceIds[index], withUpdateTime: true)
            payload.append(line: prepared.payload.lines[index]) { JSONWriter.write(trace, into: &$0, indent: nil) }
        }
        return payload
    }

    /// Per id, whether the server answered that it has no such trace.
    static func missing(_ ids: [String], work: ParallelWork) throws -> [Bool] {
        let missing = Flags(count: ids.count)
        let outcome = work.run(count: ids.count) { index, client in
            do {
                if try RecordLookup.find(ids[index], entity: .trace, client: client) == nil { missing.flags.withLock { $0[index] = true } }
            } catch OpikError.interrupted {
                return .interrupted
            } catch {
                return .stop(OpikError.from(error))
            }
            return .next
        }
        if outcome.wasInterrupted { throw OpikError.interrupted(summary: "while checking which traces exist; nothing was created") }
        if let fatal = outcome.fatal { throw fatal }
        return missing.flags.withLock { $0 }
    }

    private final class Flags: Sendable {
        let flags: Mutex<[Bool]>
        init(count: Int) { flags = Mutex(Array(repeating: false, count: count)) }
    }
}
