import OpikCore

/// One author's feedback score on a span or a trace.
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
    /// Set on a span's score seen from its trace (`span_feedback_scores`): the span's type and id,
    /// both empty in lists (see docs/SERVER.md#read-time-aggregates).
    var span: (type: String, id: String)?

    /// This author's entry in `value_by_author`.
    var authorEntry: JSONValue {
        var entry: [(String, JSONValue)] = [("value", value)]
        if let reason, !reason.isEmpty { entry.append(("reason", .string(reason))) }
        if let categoryName, !categoryName.isEmpty { entry.append(("category_name", .string(categoryName))) }
        entry.append(("source", .string(source)))
        entry.append(("last_updated_at", .string(lastUpdatedAt)))
        if let span {
            entry.append(("span_type", .string(span.type)))
            entry.append(("span_id", .string(span.id)))
        }
        return .object(entry)
    }

    /// Scores merged per name as the server reads them: values of several entries averaged,
    /// reasons and categories joined, and every entry under `value_by_author` by `key`.
    static func merged(_ scores: [ScoreRecord], key: (ScoreRecord) -> String = \.author) -> [JSONValue] {
        var byName: [String: [ScoreRecord]] = [:]
        for score in scores { byName[score.name, default: []].append(score) }
        return byName.keys.sorted().map { name in
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
            // One entry per key; in lists several spans of one author share a key and the last
            // wins, placed where it comes.
            let keys = group.map(key)
            var lastIndex: [String: Int] = [:]
            for (index, entryKey) in keys.enumerated() { lastIndex[entryKey] = index }
            let entries = keys.indices.filter { lastIndex[keys[$0]] == $0 }.map { (keys[$0], group[$0].authorEntry) }
            members.append(("value_by_author", .object(entries)))
            members.append(("created_at", .string(group.map(\.createdAt).min()!)))
            members.append(("last_updated_at", .string(group.map(\.lastUpdatedAt).max()!)))
            members.append(("created_by", .string(group.map(\.author).joined(separator: ", "))))
            members.append(("last_updated_by", .string(group.map(\.author).joined(separator: ", "))))
            return .object(members)
        }
    }

    /// Average value of the entries named `name` (case-insensitive), when there are any.
    static func average(_ scores: [ScoreRecord], named name: String) -> Double? {
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
