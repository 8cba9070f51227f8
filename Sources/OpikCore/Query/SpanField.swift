/// A span field that filters may name, with its server type (docs/SERVER.md#span-filter-fields,
/// `SpanField.java`). This table drives the parser's checks and `opik help filters`.
public struct SpanField: Sendable, Equatable {
    /// The name sent as `field`, e.g. `name` or `usage.total_tokens`.
    public var name: String
    public var type: FilterFieldType
    /// The values an enum field accepts; nil when any value goes.
    public var allowedValues: [String]?
    /// Operators the type allows that the server accepts for this field and then fails on.
    public var refusedOperators: [FilterOperator]
    /// Whether values must be whole numbers: the column holds integers, and the server fails
    /// on a fraction.
    public var takesWholeNumbers: Bool

    public init(_ name: String, _ type: FilterFieldType, allowedValues: [String]? = nil,
                refusedOperators: [FilterOperator] = [], takesWholeNumbers: Bool = false)
    {
        self.name = name
        self.type = type
        self.allowedValues = allowedValues
        self.refusedOperators = refusedOperators
        self.takesWholeNumbers = takesWholeNumbers
    }

    /// The operators a filter on this field may use.
    public var operators: [FilterOperator] { type.operators.filter { !refusedOperators.contains($0) } }

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
        // Integer columns: a fraction (`> 1.5`) makes the server fail with a 500 (see
        // docs/SERVER.md).
        SpanField("usage.total_tokens", .number, takesWholeNumbers: true),
        SpanField("usage.prompt_tokens", .number, takesWholeNumbers: true),
        SpanField("usage.completion_tokens", .number, takesWholeNumbers: true),
        SpanField("metadata", .dictionary),
        SpanField("input_json", .dictionary),
        SpanField("output_json", .dictionary),
        SpanField("tags", .list),
        SpanField("feedback_scores", .feedbackScoresNumber),
        SpanField("error_info", .errorContainer),
        // An enum column: the server accepts is_empty and is_not_empty on it, then fails with
        // a 500 (see docs/SERVER.md); `environment` is text underneath and takes them.
        SpanField("type", .enumeration, allowedValues: ["general", "tool", "llm", "guardrail"],
                  refusedOperators: [.isEmpty, .isNotEmpty]),
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
