import OpikCore

/// `GET /spans/stats` (see docs/SERVER.md#stats): items in the server's order.
extension OpikAPI {
    static func spanStats(_ request: ServerRequest, _ store: inout SpanStore) throws(APIFailure) -> ServerResponse {
        let query = try SpanQuery(query: request, store: store)
        let spans = query.matchingIDs(in: store).compactMap { store.spans[$0] }
        return .json(200, ["stats": .array(stats(spans))])
    }

    static func stats(_ spans: [SpanRecord]) -> [JSONValue] {
        func item(_ name: String, _ type: String, _ value: JSONValue) -> JSONValue {
            .object([("name", .string(name)), ("type", .string(type)), ("value", value)])
        }
        func avg(_ value: Double) -> JSONValue { .number(NumberText.decimal(value)) }
        func nonEmpty(_ field: String) -> Int {
            spans.count { span in
                guard let value = span[field], !value.isNull else { return false }
                return value != .object([]) && value != .array([]) && value != .string("")
            }
        }
        var items: [JSONValue] = [item("span_count", "COUNT", .int(spans.count))]
        let durations = spans.compactMap(\.durationMillis).sorted()
        items.append(item("duration", "PERCENTAGE", .object([
            ("p50", avg(quantile(durations, 0.5))), ("p90", avg(quantile(durations, 0.9))),
            ("p99", avg(quantile(durations, 0.99))),
        ])))
        for field in ["input", "output", "metadata"] { items.append(item(field, "COUNT", .int(nonEmpty(field)))) }
        let tagCounts = spans.map { Double($0["tags"]?.arrayValue?.count ?? 0) }
        items.append(item("tags", "AVG", avg(mean(tagCounts))))
        let costs = spans.compactMap { $0["total_estimated_cost"]?.doubleValue }
        items.append(item("total_estimated_cost", "AVG", avg(mean(costs.filter { $0 > 0 }))))
        items.append(item("total_estimated_cost_sum", "AVG", avg(costs.reduce(0, +))))
        var usage: [String: [Double]] = [:]
        for span in spans {
            for (key, value) in span["usage"]?.objectMembers ?? [] { usage[key, default: []].append(value.doubleValue ?? 0) }
        }
        for key in usage.keys.sorted() { items.append(item("usage.\(key)", "AVG", avg(mean(usage[key]!)))) }
        for key in usage.keys.sorted() { items.append(item("usage_sum.\(key)", "AVG", avg(usage[key]!.reduce(0, +)))) }
        var scores: [String: [Double]] = [:]
        for span in spans {
            for score in span.mergedScores {
                if let name = score["name"]?.stringValue, let value = score["value"]?.doubleValue { scores[name, default: []].append(value) }
            }
        }
        for name in scores.keys.sorted() { items.append(item("feedback_scores.\(name)", "AVG", avg(mean(scores[name]!)))) }
        items.append(item("error_count", "COUNT", .int(spans.count { $0["error_info"] != nil })))
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
