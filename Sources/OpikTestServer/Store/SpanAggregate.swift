import OpikCore

/// What a trace shows of its spans, computed at read time over its spans in its own project
/// (see docs/SERVER.md#read-time-aggregates).
struct SpanAggregate {
    var spanCount = 0
    var llmSpanCount = 0
    var hasToolSpans = false
    /// Sorted, unique, non-blank.
    var providers: [String] = []
    /// Sum per key, keys sorted; nil when no span has usage.
    var usage: [(String, Int64)]?
    /// Sum of the span costs in picodollars.
    var costPicodollars: Int64 = 0
    /// Every span's score entries, with the span's type and id.
    var spanScores: [ScoreRecord] = []
    /// Each span's author-averaged value per score name (for stats, which weigh spans equally).
    var perSpanScores: [(String, Double)] = []

    init(_ spans: [Row]) {
        spanCount = spans.count
        var providerSet = Set<String>()
        var usageSums: [String: Int64] = [:]
        for span in spans.count > 1 ? spans.sorted(by: { $0.id < $1.id }) : spans {
            let type = span["type"]?.stringValue ?? "general"
            if type == "llm" { llmSpanCount += 1 }
            if type == "tool" { hasToolSpans = true }
            if let provider = span["provider"]?.stringValue, !provider.trimmed(" \t\n").isEmpty { providerSet.insert(provider) }
            for (key, value) in span["usage"]?.objectMembers ?? [] { usageSums[key, default: 0] += Int64(value.doubleValue ?? 0) }
            if case let .number(text)? = span["total_estimated_cost"] { costPicodollars += Self.picodollars(text) }
            for var score in span.scores {
                score.span = (type, span.id)
                spanScores.append(score)
            }
            if !span.scores.isEmpty { perSpanScores += span.scoreAverages }
        }
        providers = providerSet.sorted()
        usage = usageSums.isEmpty ? nil : usageSums.keys.sorted().map { ($0, usageSums[$0]!) }
    }

    var usageJSON: JSONValue? { usage.map { .object($0.map { ($0.0, .int(Int($0.1))) }) } }

    /// The cost as the server prints it (twelve decimals), nil when 0.
    var costJSON: JSONValue? { costPicodollars > 0 ? .number(CostEstimate.text(picodollars: costPicodollars)) : nil }

    var cost: Double { Double(costPicodollars) / 1e12 }

    /// Trace `field` when it is a sum or count over the trace's spans, else nil: the one table of
    /// those fields, which filters and sorting read (a missing usage key sums to 0).
    func number(_ field: String) -> Double? {
        switch field {
        case "total_estimated_cost": return cost
        case "span_count": return Double(spanCount)
        case "llm_span_count": return Double(llmSpanCount)
        default:
            guard field.hasPrefix("usage.") else { return nil }
            return Double(usage?.first { $0.0 == field.dropFirst("usage.".count) }?.1 ?? 0)
        }
    }

    /// Whether trace `field` is a sum or count over the trace's spans.
    static func isSum(_ field: String) -> Bool { SpanAggregate([]).number(field) != nil }

    /// Whether a trace filter on `field` reads the trace's spans: the sums and the spans' scores.
    static func isRead(byFilterOn field: String) -> Bool { isSum(field) || field == "span_feedback_scores" }

    /// `span_feedback_scores`: entries keyed by author and span id for one trace, by author in lists.
    func spanFeedbackScores(single: Bool) -> JSONValue? {
        guard !spanScores.isEmpty else { return nil }
        let entries = single ? spanScores : spanScores.map { score in
            var listed = score
            listed.span = ("", "")
            return listed
        }
        let key: (ScoreRecord) -> String = single ? { "\($0.author)_\($0.span?.id ?? "")" } : \.author
        return .array(ScoreRecord.merged(entries, key: key))
    }

    /// A decimal cost text as picodollars, exact to twelve decimals.
    static func picodollars(_ text: String) -> Int64 {
        let parts = text.split(separator: ".", maxSplits: 1, omittingEmptySubsequences: false)
        guard let whole = Int64(parts[0]), whole >= 0, whole < 9_000_000 else { return 0 }
        var decimals = parts.count > 1 ? String(parts[1].prefix(12)) : ""
        guard decimals.allSatisfy(\.isNumber) else { return 0 }
        decimals += String(repeating: "0", count: 12 - decimals.count)
        return whole * 1_000_000_000_000 + (Int64(decimals) ?? 0)
    }
}

extension DataStore {
    /// The aggregates of a trace over its spans in the trace's project.
    func aggregate(of trace: Row) -> SpanAggregate {
        SpanAggregate(spans(ofTrace: trace.id, in: trace.projectID))
    }
}
