/// A field that filters may name, with its server type (see docs/SERVER.md#span-filter-fields).
/// An entity's table of them (`Entity.filterFields`) drives the parser's checks and
/// `opik help filters`.
package struct FilterField: Sendable, Equatable {
    /// The name sent as `field`, e.g. `name` or `usage.total_tokens`.
    package var name: String
    package var type: FilterFieldType
    /// The values an enum field accepts; nil when any value goes.
    package var allowedValues: [String]?
    /// Operators the type allows that the server accepts for this field and then fails on.
    package var refusedOperators: [FilterOperator]
    /// Whether values must be whole numbers: the column holds integers, and the server fails
    /// on a fraction.
    package var takesWholeNumbers: Bool

    package init(_ name: String, _ type: FilterFieldType, allowedValues: [String]? = nil,
                refusedOperators: [FilterOperator] = [], takesWholeNumbers: Bool = false)
    {
        self.name = name
        self.type = type
        self.allowedValues = allowedValues
        self.refusedOperators = refusedOperators
        self.takesWholeNumbers = takesWholeNumbers
    }

    /// The operators a filter on this field may use.
    package var operators: [FilterOperator] { type.operators.filter { !refusedOperators.contains($0) } }

    /// Whether the field needs a `.key`: a JSON path for dictionaries, a score name for
    /// feedback scores. No other field takes one.
    package var takesKey: Bool { type == .dictionary || type == .feedbackScoresNumber }
}
