import OpikCore

/// A comment on a span or a trace.
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

/// A stored span or trace: the fields as written plus what the server adds.
struct Row {
    /// Spans unless said otherwise: most rows are spans.
    var kind: RowKind = .span
    var id: String
    var projectID: String
    /// Values of the kind's `writableFields` as received (exact numbers, nested key order), and
    /// a trace's `visibility_mode`.
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

    /// Scores merged per name as the server reads them (see `ScoreRecord.merged`).
    var mergedScores: [JSONValue] { ScoreRecord.merged(scores) }

    /// Each score name with this row's author-averaged value.
    var scoreAverages: [(String, Double)] {
        Set(scores.map(\.name)).map { ($0, scoreValue(named: $0) ?? 0) }
    }

    /// Average score value for `name` (case-insensitive), when scored.
    func scoreValue(named name: String) -> Double? { ScoreRecord.average(scores, named: name) }
}
