/// One server-side filter condition, as sent in `filters` (see docs/SERVER.md#filter-encoding).
public struct SpanFilter: Hashable, Sendable {
    public var field: String
    /// The JSON path or score name; `""` when the field takes none.
    public var key: String
    public var `operator`: FilterOperator
    /// The value exactly as sent: dates in UTC, and `%`/`+` percent-encoded for the types
    /// the server URL-decodes. `""` for `is_empty`/`is_not_empty`.
    public var value: String

    public init(field: String, key: String = "", operator: FilterOperator, value: String = "") {
        self.field = field
        self.key = key
        self.operator = `operator`
        self.value = value
    }

    /// `{"field":…,"operator":…,"key":…,"value":…}`.
    public var json: JSONValue {
        .object([
            ("field", .string(field)),
            ("operator", .string(self.operator.rawValue)),
            ("key", .string(key)),
            ("value", .string(value)),
        ])
    }
}

extension Array where Element == SpanFilter {
    /// The JSON array sent as `filters`.
    public var json: JSONValue { .array(map(\.json)) }
}
