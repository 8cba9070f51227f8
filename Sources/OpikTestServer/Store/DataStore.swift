import OpikCore

/// A project.
struct ProjectRecord {
    var id: String
    var name: String
    var createdAt: String
    var lastUpdatedAt: String

    var json: JSONValue {
        .object([
            ("id", .string(id)), ("name", .string(name)), ("visibility", "private"),
            ("created_at", .string(createdAt)), ("created_by", "admin"),
            ("last_updated_at", .string(lastUpdatedAt)), ("last_updated_by", "admin"),
        ])
    }
}

/// Everything the server knows: projects, spans, traces, their scores and comments. Not
/// thread-safe; the server guards it with a lock.
struct DataStore {
    static let defaultProject = "Default Project"

    private(set) var projects: [String: ProjectRecord] = [:]
    private(set) var projectOrder: [String] = []
    private var projectByName: [String: String] = [:]
    private(set) var spans = RowTable()
    private(set) var traces = RowTable()
    /// Span ids by trace id (any project), so that a trace's aggregates need not scan all spans.
    private var spanIDsByTrace: [String: Set<String>] = [:]
    var random = SplitMix64(state: 0x5EED)

    // MARK: Projects

    func projectID(named name: String) -> String? {
        projectByName[name.trimmed(" \t\n\r").lowercased()]
    }

    /// The project with this name (trimmed, case-insensitive), created when missing; nil name
    /// means `Default Project`.
    mutating func projectIDCreating(named name: String?) -> String {
        let trimmed = (name ?? Self.defaultProject).trimmed(" \t\n\r")
        let effective = trimmed.isEmpty ? Self.defaultProject : trimmed
        if let id = projectID(named: effective) { return id }
        let now = Timestamp.format(micros: Timestamp.nowMicros())
        let id = newID()
        projects[id] = ProjectRecord(id: id, name: effective, createdAt: now, lastUpdatedAt: now)
        projectOrder.append(id)
        projectByName[effective.lowercased()] = id
        return id
    }

    mutating func newID(millis: Int64 = Timestamp.nowMicros() / 1000) -> String {
        UUIDv7.make(millis: millis, random: random.next(), random2: random.next())
    }

    // MARK: Rows

    func table(_ kind: RowKind) -> RowTable { kind == .span ? spans : traces }

    subscript(kind: RowKind, id: String) -> Row? { kind == .span ? spans[id] : traces[id] }

    /// Inserts or replaces a span or a trace.
    mutating func put(_ row: Row) {
        switch row.kind {
        case .trace:
            traces.put(row)
        case .span:
            if let old = spans[row.id] { unindex(old) }
            spans.put(row)
            if let traceID = row["trace_id"]?.stringValue { spanIDsByTrace[traceID, default: []].insert(row.id) }
        }
    }

    /// Deletes the traces `ids` in `projectID` (any project when nil) with their spans there,
    /// the spans of ids that have no trace row included.
    mutating func deleteTraces(_ ids: Set<String>, projectID: String?) {
        let inProject = { (row: Row) in projectID == nil || row.projectID == projectID }
        let traceIDs = ids.filter { traces[$0].map(inProject) ?? false }
        let spanIDs = ids.flatMap { spanIDsByTrace[$0] ?? [] }.filter { spans[$0].map(inProject) ?? false }
        traces.removeAll(traceIDs)
        for span in spans.removeAll(Set(spanIDs)) { unindex(span) }
    }

    /// Edits a stored row in place (never its trace id) and drops its cached stream form.
    mutating func update(_ kind: RowKind, _ id: String, _ body: (inout Row) -> Void) {
        if kind == .span { spans.update(id, body) } else { traces.update(id, body) }
    }

    /// A span's default stream form, cached (a trace's depends on its spans: see `render`).
    mutating func spanStreamForm(_ id: String) -> [UInt8] { spans.streamForm(id) }

    /// The spans carrying `traceID` in `projectID`, in no particular order.
    func spans(ofTrace traceID: String, in projectID: String) -> [Row] {
        (spanIDsByTrace[traceID] ?? []).compactMap { spans[$0] }.filter { $0.projectID == projectID }
    }

    private mutating func unindex(_ span: Row) {
        guard let traceID = span["trace_id"]?.stringValue else { return }
        spanIDsByTrace[traceID]?.remove(span.id)
        if spanIDsByTrace[traceID]?.isEmpty == true { spanIDsByTrace[traceID] = nil }
    }
}
