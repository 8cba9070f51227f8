import OpikCore

/// `GET /spans/stats` and `GET /traces/stats` (see docs/SERVER.md#stats, docs/SERVER.md#trace-stats): items in the server's order.
extension OpikAPI {
    static func stats(_ kind: RowKind, _ request: ServerRequest, _ store: inout DataStore) throws(APIFailure) -> ServerResponse {
        let query = try RowQuery(kind, query: request, store: store)
        let aggregates = AggregateCache()
        let rows = query.matchingIDs(in: store, aggregates: aggregates).compactMap { store[kind, $0] }
        guard kind == .trace else { return .json(200, ["stats": .array(stats(rows, aggregates: nil))]) }
        // No matching trace: the aggregate query has no row and the merge is empty.
        guard !rows.isEmpty else { return .json(200, ["stats": []]) }
        return .json(200, ["stats": .array(stats(rows, aggregates: rows.map { aggregates.of($0, in: store) }))])
    }

    /// The items of docs/SERVER.md#stats for spans, or of docs/SERVER.md#trace-stats when
    /// `aggregates` (one per trace) are given.
    static func stats(_ rows: [Row], aggregates: [SpanAggregate]?) -> [JSONValue] {
        func item(_ name: String, _ type: String, _ value: JSONValue) -> JSONValue {
            .object([("name", .string(name)), ("type", .string(type)), ("value", value)])
        }
        func avg(_ value: Double) -> JSONValue { .number(NumberText.decimal(value)) }
        func nonEmpty(_ field: String) -> Int {
            rows.count { row in
                guard let value = row[field], !value.isNull else { return false }
                return value != .object([]) && value != .array([]) && value != .string("")
            }
        }
        let countName = aggregates == nil ? "span_count" : "trace_count"
        var items: [JSONValue] = [item(countName, "COUNT", .int(rows.count))]
        let durations = rows.compactMap(\.durationMillis).sorted()
        items.append(item("duration", "PERCENTAGE", .object([
            ("p50", avg(quantile(durations, 0.5))), ("p90", avg(quantile(durations, 0.9))),
            ("p99", avg(quantile(durations, 0.99))),
        ])))
        for field in ["input", "output", "metadata"] { items.append(item(field, "COUNT", .int(nonEmpty(field)))) }
        let tagCounts = rows.map { Double($0["tags"]?.arrayValue?.count ?? 0) }
        items.append(item("tags", "AVG", avg(mean(tagCounts))))
        var costs = rows.compactMap { $0["total_estimated_cost"]?.doubleValue }
        var usages = rows.map { $0["usage"]?.objectMembers?.map { ($0.0, $0.1.doubleValue ?? 0) } ?? [] }
        if let aggregates {
            let threads = Set(rows.compactMap { $0["thread_id"]?.stringValue }.filter { !$0.isEmpty })
            items.append(item("thread_count", "COUNT", .int(threads.count)))
            items.append(item("llm_span_count", "AVG", avg(mean(aggregates.map { Double($0.llmSpanCount) }))))
            // An average, despite the name.
            items.append(item("span_count", "AVG", avg(mean(aggregates.map { Double($0.spanCount) }))))
            costs = aggregates.map(\.cost)
            usages = aggregates.map { ($0.usage ?? []).map { ($0.0, Double($0.1)) } }
        }
        items.append(item("total_estimated_cost", "AVG", avg(mean(costs.filter { $0 > 0 }))))
        items.append(item("total_estimated_cost_sum", "AVG", avg(costs.reduce(0, +))))
        var usage: [String: [Double]] = [:]
        for members in usages { for (key, value) in members { usage[key, default: []].append(value) } }
        for key in usage.keys.sorted() { items.append(item("usage.\(key)", "AVG", avg(mean(usage[key]!)))) }
        for key in usage.keys.sorted() { items.append(item("usage_sum.\(key)", "AVG", avg(usage[key]!.reduce(0, +)))) }
        var groups: [(String, [(String, Double)])] = [("feedback_scores", rows.flatMap(\.scoreAverages))]
        if let aggregates { groups.append(("span_feedback_scores", aggregates.flatMap(\.perSpanScores))) }
        for (prefix, values) in groups {
            var scores: [String: [Double]] = [:]
            for (name, value) in values { scores[name, default: []].append(value) }
            for name in scores.keys.sorted() { items.append(item("\(prefix).\(name)", "AVG", avg(mean(scores[name]!)))) }
        }
        // This server keeps no guardrail checks.
        if aggregates != nil { items.append(item("guardrails_failed_count", "COUNT", .int(0))) }
        items.append(item("error_count", "COUNT", .int(rows.count { $0["error_info"] != nil })))
        return items
    }

    private static func mean(_ values: [Double]) -> Double {
        values.isEmpty ? 0 : values.reduce(0, +) / Double(values.count)
    }

    /// Linear interpolation between closest ranks, like ClickHouse's `quantileExact`-family in spirit.
    private static func quantile(_ sorted: [Double], _ q: Double) -> Double {
        guard !sorted.isEmpty else { return 0 }
        let position = q * Double(sorted.count - 1)
        let low = Int(position.rounded(.down))
        let high = min(sorted.count - 1, low + 1)
        let fraction = position - Double(low)
        let value = sorted[low] + (sorted[high] - sorted[low]) * fraction
        return (value * 1000).rounded() / 1000
    }
}
