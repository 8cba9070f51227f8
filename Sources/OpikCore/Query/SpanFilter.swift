/// One server-side filter condition, as sent in `filters` (see docs/SERVER.md#filter-encoding).
package struct SpanFilter: Hashable, Sendable {
    package var field: String
    /// The JSON path or score name; `""` when the field takes none.
    package var key: String
    package var `operator`: FilterOperator
    /// The value exactly as sent: dates in UTC, and `%`/`+` percent-encoded for the types
    /// the server URL-decodes. `""` for `is_empty`/`is_not_empty`.
    package var value: String

    package init(field: String, key: String = "", operator: FilterOperator, value: String = "") {
        self.field = field
        self.key = key
        self.operator = `operator`
        self.value = value
    }

    /// `{"field":…,"operator":…,"key":…,"value":…}`.
    package var json: JSONValue {
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
    package var json: JSONValue { .array(map(\.json)) }
}
