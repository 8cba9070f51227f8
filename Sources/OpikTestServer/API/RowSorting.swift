import OpikCore

/// The `sorting` query parameter of the lists (see docs/SERVER.md#sorting,
/// docs/SERVER.md#trace-sorting): first element only.
struct RowSorting {
    var kind: RowKind
    var field: String
    var descending: Bool

    /// nil when absent or naming a field the server would ignore.
    init?(_ kind: RowKind, query text: String?) throws(APIFailure) {
        guard let text, !text.trimmed(" ").isEmpty else { return nil }
        guard let items = (try? JSONParser.parse(text))?.arrayValue else {
            throw .code(400, "Invalid sorting query parameter '\(text)'")
        }
        guard let first = items.first else { return nil }
        guard let field = first["field"]?.stringValue else { throw .code(400, "Invalid sorting query parameter '\(text)'") }
        let direction = first["direction"]?.stringValue ?? "ASC"
        guard direction == "ASC" || direction == "DESC" else { throw .code(400, "Invalid sorting query parameter '\(text)'") }
        let sortable = kind.sortableBy
        guard sortable.contains(field) || sortable.contains(where: { $0.hasSuffix(".*") && field.hasPrefix($0.dropLast()) })
        else { return nil }
        self.kind = kind
        self.field = field
        self.descending = direction == "DESC"
    }

    private enum Key: Comparable {
        case missing
        case number(Double)
        case text(String)
    }

    private func key(_ span: Row, _ aggregate: SpanAggregate?) -> Key {
        // A trace's span sums and counts.
        if let number = aggregate?.number(field) { return .number(number) }
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

    /// Sorted by the field, ties newest id first; `store` gives traces their span aggregates.
    func sorted(_ rows: [Row], in store: DataStore, aggregates: AggregateCache) -> [Row] {
        let needsAggregate = kind == .trace && SpanAggregate.isSum(field)
        let keyed = rows.map { (key($0, needsAggregate ? aggregates.of($0, in: store) : nil), $0) }
        return keyed.sorted { a, b in
            if a.0 != b.0 { return descending ? a.0 > b.0 : a.0 < b.0 }
            return a.1.id > b.1.id
        }.map(\.1)
    }

    /// Without sorting: spans by `(trace_id, parent_span_id, id)` descending, as `SpanDAO`
    /// orders them; traces newest id first, the order `ids` already has.
    static func defaultOrder(_ kind: RowKind, _ ids: [String], _ table: RowTable) -> [String] {
        guard kind == .span else { return ids }
        return ids.map { table[$0]! }.sorted { a, b in
            let ta = a["trace_id"]?.stringValue ?? "", tb = b["trace_id"]?.stringValue ?? ""
            if ta != tb { return ta > tb }
            let pa = a["parent_span_id"]?.stringValue ?? "", pb = b["parent_span_id"]?.stringValue ?? ""
            if pa != pb { return pa > pb }
            return a.id > b.id
        }.map(\.id)
    }
}
