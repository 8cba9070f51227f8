import OpikCore

/// A project and the ids of its spans, kept sorted ascending so cursor paging is a binary search.
struct ProjectRecord {
    var id: String
    var name: String
    var createdAt: String
    var lastUpdatedAt: String
    var spanIDs: [String] = []

    var json: JSONValue {
        .object([
            ("id", .string(id)), ("name", .string(name)), ("visibility", "private"),
            ("created_at", .string(createdAt)), ("created_by", "admin"),
            ("last_updated_at", .string(lastUpdatedAt)), ("last_updated_by", "admin"),
        ])
    }
}

/// Everything the server knows: projects, spans, their scores and comments. Not thread-safe;
/// the server guards it with a lock.
struct SpanStore {
    static let defaultProject = "Default Project"

    private(set) var projects: [String: ProjectRecord] = [:]
    private(set) var projectOrder: [String] = []
    private var projectByName: [String: String] = [:]
    private(set) var spans: [String: SpanRecord] = [:]
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

    // MARK: Spans

    /// Inserts or replaces a span, moving it between projects when its project changed.
    mutating func put(_ span: SpanRecord) {
        if let old = spans[span.id], old.projectID != span.projectID { removeID(span.id, from: old.projectID) }
        if spans[span.id]?.projectID != span.projectID { insertID(span.id, into: span.projectID) }
        spans[span.id] = span
    }

    mutating func remove(spanID: String) {
        guard let old = spans.removeValue(forKey: spanID) else { return }
        removeID(spanID, from: old.projectID)
    }

    /// Edits a stored span in place and drops its cached stream form.
    mutating func update(_ spanID: String, _ body: (inout SpanRecord) -> Void) {
        guard var span = spans[spanID] else { return }
        span.streamBytes = nil
        body(&span)
        spans[spanID] = span
    }

    /// The stream form of a span, caching it.
    mutating func streamForm(_ spanID: String) -> [UInt8] {
        if let cached = spans[spanID]?.streamBytes { return cached }
        guard var span = spans[spanID] else { return [] }
        let bytes = span.streamForm()
        spans[spanID] = span
        return bytes
    }

    /// Index of the first id in the project's sorted list that is not less than `id`.
    func lowerBound(_ id: String, in projectID: String) -> Int {
        let ids = projects[projectID]?.spanIDs ?? []
        var low = 0
        var high = ids.count
        while low < high {
            let mid = (low + high) / 2
            if ids[mid] < id { low = mid + 1 } else { high = mid }
        }
        return low
    }

    private mutating func insertID(_ id: String, into projectID: String) {
        guard projects[projectID] != nil else { return }
        if let last = projects[projectID]!.spanIDs.last, last > id {
            let position = lowerBound(id, in: projectID)
            projects[projectID]!.spanIDs.insert(id, at: position)
        } else {
            projects[projectID]!.spanIDs.append(id)
        }
    }

    private mutating func removeID(_ id: String, from projectID: String) {
        let position = lowerBound(id, in: projectID)
        if let ids = projects[projectID]?.spanIDs, position < ids.count, ids[position] == id {
            projects[projectID]!.spanIDs.remove(at: position)
        }
    }
}
