/// A span field that filters may name, with its server type (docs/SERVER.md#span-filter-fields,
/// `SpanField.java`). This table drives the parser's checks and `opik help filters`.
public struct SpanField: Sendable, Equatable {
    /// The name sent as `field`, e.g. `name` or `usage.total_tokens`.
    public var name: String
    public var type: FilterFieldType
    /// The values an enum field accepts; nil when any value goes.
    public var allowedValues: [String]?

    public init(_ name: String, _ type: FilterFieldType, allowedValues: [String]? = nil) {
        self.name = name
        self.type = type
        self.allowedValues = allowedValues
    }

    /// Whether the field needs a `.key`: a JSON path for dictionaries, a score name for
    /// feedback scores. No other field takes one.
    public var takesKey: Bool { type == .dictionary || type == .feedbackScoresNumber }

    /// Every filterable span field, in the order help lists them.
    public static let all: [SpanField] = [
        SpanField("id", .stringExact),
        SpanField("trace_id", .stringExact),
        SpanField("name", .string),
        SpanField("input", .string),
        SpanField("output", .string),
        SpanField("model", .string),
        SpanField("provider", .string),
        SpanField("error_type", .string),
        SpanField("start_time", .dateTime),
        SpanField("end_time", .dateTime),
        SpanField("created_at", .dateTime),
        SpanField("last_updated_at", .dateTime),
        SpanField("total_estimated_cost", .number),
        SpanField("duration", .number),
        SpanField("ttft", .number),
        SpanField("usage.total_tokens", .number),
        SpanField("usage.prompt_tokens", .number),
        SpanField("usage.completion_tokens", .number),
        SpanField("metadata", .dictionary),
        SpanField("input_json", .dictionary),
        SpanField("output_json", .dictionary),
        SpanField("tags", .list),
        SpanField("feedback_scores", .feedbackScoresNumber),
        SpanField("error_info", .errorContainer),
        SpanField("type", .enumeration, allowedValues: ["general", "tool", "llm", "guardrail"]),
        SpanField("environment", .enumeration),
        SpanField("source", .enumerationLegacy,
                  allowedValues: ["sdk", "experiment", "playground", "optimization", "evaluator"]),
    ]

    /// The field called `name`, if any.
    public static func named(_ name: String) -> SpanField? {
        all.first { $0.name == name }
    }

    /// The `usage.*` fields: the only usage counters the server can filter on.
    static var usageFields: [String] { all.map(\.name).filter { $0.hasPrefix("usage.") } }
}
