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

    /// `source` is the input the records were read from: a record's own text, without its
    /// white space, is what is sent and hashed (it is valid JSON, and far cheaper than
    /// writing the parsed value again). Without it the parsed values are written.
    public init(records: [SourceRecord], source: [UInt8]? = nil, projectName: String, lastUpdatedAt: String) {
        var identity = RecordIdentity()
        var compact: [UInt8] = []
        var projectMember: [UInt8] = []
        JSONWriter.writeString("project_name", into: &projectMember)
        projectMember.append(UInt8(ascii: ":"))
        JSONWriter.writeString(projectName, into: &projectMember)
        projectMember.append(UInt8(ascii: ","))
        var updateMember: [UInt8] = []
        JSONWriter.writeString("last_updated_at", into: &updateMember)
        updateMember.append(UInt8(ascii: ":"))
        JSONWriter.writeString(lastUpdatedAt, into: &updateMember)
        updateMember.append(UInt8(ascii: ","))
        payload.reserve(bytes: (source?.count ?? 0) + records.count * (128 + projectMember.count), records: records.count)
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
            var hasNull = false
            for name in Self.filled where value[name]?.isNull == true {
                value = value.removing(name)
                hasNull = true
            }
            compact.removeAll(keepingCapacity: true)
            if let source, !hasNull, !record.range.isEmpty {
                JSONCompactor.append(source[record.range], to: &compact)
            } else {
                JSONWriter.write(value, into: &compact, indent: nil)
            }
            var id = value["id"]?.stringValue
            var traceId = value["trace_id"]?.stringValue
            if id == nil || traceId == nil {
                let made = identity.ids(compact: compact, startMillis: startMillis)
                id = id ?? made.id
                traceId = traceId ?? made.traceId
            }
            let needsId = value["id"] == nil
            let needsTrace = value["trace_id"] == nil
            let needsProject = value["project_name"] == nil
            let needsUpdate = value["last_updated_at"] == nil
            payload.append(line: record.line) { out in
                out.append(UInt8(ascii: "{"))
                // Ids are plain hex and dashes: no escaping needed.
                if needsId { out.append(contentsOf: "\"id\":\"\(id!)\",".utf8) }
                if needsTrace { out.append(contentsOf: "\"trace_id\":\"\(traceId!)\",".utf8) }
                if needsProject { out.append(contentsOf: projectMember) }
                if needsUpdate { out.append(contentsOf: updateMember) }
                out.append(contentsOf: compact.dropFirst())
            }
            ids.append(id!)
            traceIds.append(traceId!)
        }
    }

    /// Fields filled in when absent; a `null` counts as absent.
    static let filled = ["id", "trace_id", "project_name", "last_updated_at"]
}
