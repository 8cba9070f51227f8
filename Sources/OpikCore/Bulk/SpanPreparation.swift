/// Turns the records of `spans create --file` into what is sent: each record checked, then
/// given the fields it lacks — `id` and `trace_id` (deterministic, see `RecordIdentity`),
/// `project_name` (the `--project`) and `last_updated_at` (one value per run, so a re-run
/// overwrites instead of duplicating, API.md §5.7) — in front of its own members.
public struct SpanPreparation: Sendable {
    public var payload = BulkPayload()
    public var ids: [String] = []
    public var traceIds: [String] = []
    /// Every invalid record, in input order.
    public var issues: [RecordIssue] = []

    public init(records: [SourceRecord], projectName: String, lastUpdatedAt: String) {
        var identity = RecordIdentity()
        var compact: [UInt8] = []
        ids.reserveCapacity(records.count)
        traceIds.reserveCapacity(records.count)
        for record in records {
            let startMillis: Int64
            do {
                startMillis = try SpanRecordRules.check(record.value, line: record.line)
            } catch {
                issues.append(error)
                continue
            }
            guard issues.isEmpty else { continue }
            var value = record.value
            for name in Self.filled where value[name]?.isNull == true { value = value.removing(name) }
            compact.removeAll(keepingCapacity: true)
            JSONWriter.write(value, into: &compact, indent: nil)
            var id = value["id"]?.stringValue
            var traceId = value["trace_id"]?.stringValue
            if id == nil || traceId == nil {
                let made = identity.ids(compact: compact, startMillis: startMillis)
                id = id ?? made.id
                traceId = traceId ?? made.traceId
            }
            var prefix: [(String, String)] = []
            if value["id"] == nil { prefix.append(("id", id!)) }
            if value["trace_id"] == nil { prefix.append(("trace_id", traceId!)) }
            if value["project_name"] == nil { prefix.append(("project_name", projectName)) }
            if value["last_updated_at"] == nil { prefix.append(("last_updated_at", lastUpdatedAt)) }
            payload.append(line: record.line) { out in
                out.append(UInt8(ascii: "{"))
                for (name, text) in prefix {
                    JSONWriter.writeString(name, into: &out)
                    out.append(UInt8(ascii: ":"))
                    JSONWriter.writeString(text, into: &out)
                    out.append(UInt8(ascii: ","))
                }
                out.append(contentsOf: compact.dropFirst())
            }
            ids.append(id!)
            traceIds.append(traceId!)
        }
    }

    /// Fields filled in when absent; a `null` counts as absent.
    static let filled = ["id", "trace_id", "project_name", "last_updated_at"]
}
