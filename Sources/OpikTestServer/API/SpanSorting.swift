import OpikCore

/// The `sorting` query parameter of `GET /spans` (see docs/SERVER.md#sorting): first element only.
struct SpanSorting {
    var field: String
    var descending: Bool

    static let fields: Set<String> = [
        "id", "name", "type", "trace_id", "parent_span_id", "input", "output", "metadata", "start_time", "end_time",
        "duration", "ttft", "tags", "created_at", "last_updated_at", "model", "provider", "total_estimated_cost",
        "error_info", "created_by", "environment",
    ]

    /// nil when absent or naming a field the server would ignore.
    init?(query text: String?) throws(APIFailure) {
        guard let text, !text.trimmed(" ").isEmpty else { return nil }
        guard let items = (try? JSONParser.parse(text))?.arrayValue else {
            throw .code(400, "Invalid sorting query parameter '\(text)'")
        }
        guard let first = items.first else { return nil }
        guard let field = first["field"]?.stringValue else { throw .code(400, "Invalid sorting query parameter '\(text)'") }
        let direction = first["direction"]?.stringValue ?? "ASC"
        guard direction == "ASC" || direction == "DESC" else { throw .code(400, "Invalid sorting query parameter '\(text)'") }
        guard Self.fields.contains(field) || field.hasPrefix("usage.") || field.hasPrefix("feedback_scores.") else { return nil }
        self.field = field
        self.descending = direction == "DESC"
    }

    private enum Key: Comparable {
        case missing
        case number(Double)
        case text(String)
    }

    private func key(_ span: SpanRecord) -> Key {
        if field.hasPrefix("usage.") { return span["usage"]?[String(field.dropFirst(6))]?.doubleValue.map(Key.number) ?? .number(0) }
        if field.hasPrefix("feedback_scores.") { return span.scoreValue(named: String(field.dropFirst(16))).map(Key.number) ?? .missing }
        switch field {
        case "id": return .text(span.id)
        case "duration": return span.durationMillis.map(Key.number) ?? .missing
        case "ttft", "total_estimated_cost": return span[field]?.doubleValue.map(Key.number) ?? .number(0)
        case "start_time", "end_time": return span[field]?.stringValue.flatMap(Timestamp.micros).map { .number(Double($0)) } ?? .missing
        case "created_at": return .number(Double(Timestamp.micros(span.createdAt) ?? 0))
        case "last_updated_at": return .number(Double(Timestamp.micros(span.lastUpdatedAt) ?? 0))
        case "created_by": return .text(span.author)
        default:
            guard let value = span[field], !value.isNull else { return .text("") }
            return .text(value.stringValue ?? JSONWriter.compact(value))
        }
    }

    func sorted(_ spans: [SpanRecord]) -> [SpanRecord] {
        let keyed = spans.map { (key($0), $0) }
        return keyed.sorted { a, b in
            if a.0 != b.0 { return descending ? a.0 > b.0 : a.0 < b.0 }
            return a.1.id > b.1.id
        }.map(\.1)
    }

    /// `(trace_id, parent_span_id, id)` descending, as `SpanDAO` orders without sorting.
    static func defaultOrder(_ spans: [SpanRecord]) -> [SpanRecord] {
        spans.sorted { a, b in
            let ta = a["trace_id"]?.stringValue ?? "", tb = b["trace_id"]?.stringValue ?? ""
            if ta != tb { return ta > tb }
            let pa = a["parent_span_id"]?.stringValue ?? "", pb = b["parent_span_id"]?.stringValue ?? ""
            if pa != pb { return pa > pb }
            return a.id > b.id
        }
    }
}
