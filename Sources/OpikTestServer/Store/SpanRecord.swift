import OpikCore

/// One author's feedback score on a span.
struct ScoreRecord {
    var name: String
    /// The number exactly as written.
    var value: JSONValue
    var reason: String?
    var categoryName: String?
    var source: String
    var author: String
    var createdAt: String
    var lastUpdatedAt: String
}

extension ScoreRecord {
    /// This author's entry in `value_by_author`.
    var authorEntry: JSONValue {
        var entry: [(String, JSONValue)] = [("value", value)]
        if let reason, !reason.isEmpty { entry.append(("reason", .string(reason))) }
        if let categoryName, !categoryName.isEmpty { entry.append(("category_name", .string(categoryName))) }
        entry.append(("source", .string(source)))
        entry.append(("last_updated_at", .string(lastUpdatedAt)))
        return .object(entry)
    }
}

/// A comment on a span.
struct CommentRecord {
    var id: String
    var text: String
    var createdAt: String
    var lastUpdatedAt: String
    var author: String

    var json: JSONValue {
        .object([
            ("id", .string(id)), ("text", .string(text)), ("created_at", .string(createdAt)),
            ("last_updated_at", .string(lastUpdatedAt)), ("created_by", .string(author)),
            ("last_updated_by", .string(author)),
        ])
    }
}

/// A stored span: the fields as written plus what the server adds.
struct SpanRecord {
    /// Writable span fields in the order the server serialises them.
    static let writableFields = [
        "trace_id", "parent_span_id", "name", "type", "start_time", "end_time", "input", "output", "metadata",
        "model", "provider", "tags", "usage", "error_info", "last_updated_at", "total_estimated_cost",
        "total_estimated_cost_version", "ttft", "source", "environment",
    ]

    var id: String
    var projectID: String
    /// Values of `writableFields` as received (exact numbers, nested key order).
    var fields: [String: JSONValue]
    /// Written by a PATCH before any create (see docs/SERVER.md#updating-spans).
    var isPlaceholder = false
    var createdAt: String
    var author = "admin"
    var scores: [ScoreRecord] = []
    var comments: [CommentRecord] = []
    /// The serialised stream form, cached because search streams resend it often.
    var streamBytes: [UInt8]?

    subscript(field: String) -> JSONValue? {
        get { fields[field] }
        set { fields[field] = newValue }
    }

    var startMicros: Int64? { fields["start_time"]?.stringValue.flatMap(Timestamp.micros) }
    var endMicros: Int64? { fields["end_time"]?.stringValue.flatMap(Timestamp.micros) }
    var lastUpdatedAt: String { fields["last_updated_at"]?.stringValue ?? createdAt }

    /// End minus start in milliseconds, when both are set and start is not the placeholder epoch.
    var durationMillis: Double? {
        guard let start = startMicros, let end = endMicros, start != 0 else { return nil }
        return Double(end - start) / 1000
    }

    /// Scores merged per name as the server reads them: values of several authors averaged,
    /// reasons and categories joined, and every author's own entry under `value_by_author`.
    var mergedScores: [JSONValue] {
        var names: [String] = []
        var byName: [String: [ScoreRecord]] = [:]
        for score in scores {
            if byName[score.name] == nil { names.append(score.name) }
            byName[score.name, default: []].append(score)
        }
        return names.sorted().map { name in
            let group = byName[name]!
            let first = group[0]
            var members: [(String, JSONValue)] = [("name", .string(name))]
            // The server joins the category column of every entry, blanks included.
            let category = group.map { $0.categoryName ?? "" }.joined(separator: ", ")
            if !category.isEmpty { members.append(("category_name", .string(category))) }
            if group.count == 1 {
                members.append(("value", first.value))
            } else {
                let sum = group.reduce(0.0) { $0 + ($1.value.doubleValue ?? 0) }
                members.append(("value", .number(NumberText.decimal(sum / Double(group.count)))))
            }
            let reason = group.count == 1
                ? first.reason ?? ""
                : group.map { ($0.reason ?? "").isEmpty ? "<no reason>" : $0.reason! }.joined(separator: ", ")
            if !reason.isEmpty { members.append(("reason", .string(reason))) }
            members.append(("source", .string(first.source)))
            members.append(("value_by_author", .object(group.map { ($0.author, $0.authorEntry) })))
            members.append(("created_at", .string(group.map(\.createdAt).min()!)))
            members.append(("last_updated_at", .string(group.map(\.lastUpdatedAt).max()!)))
            members.append(("created_by", .string(group.map(\.author).joined(separator: ", "))))
            members.append(("last_updated_by", .string(group.map(\.author).joined(separator: ", "))))
            return .object(members)
        }
    }

    /// Average score value for `name` (case-insensitive), when scored.
    func scoreValue(named name: String) -> Double? {
        let matching = scores.filter { $0.name.lowercased() == name.lowercased() }
        guard !matching.isEmpty else { return nil }
        return matching.reduce(0.0) { $0 + ($1.value.doubleValue ?? 0) } / Double(matching.count)
    }
}

/// Number text as the Java backend prints doubles.
enum NumberText {
    /// `500.0`, `0.25`, `1234.5678`.
    static func decimal(_ value: Double) -> String {
        if value.isFinite, value == value.rounded(), abs(value) < 1e15 { return "\(Int64(value)).0" }
        return "\(value)"
    }
}
