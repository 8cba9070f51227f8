/// The Opik SDK's filter language (OQL, see docs/SERVER.md#sdk-filter-language), checked against the server's
/// field and operator tables (docs/SERVER.md#filters) so mistakes are reported with their column before
/// anything is sent.
///
/// ```
/// query      := condition ( AND condition )*
/// condition  := field [ "." key ] operator [ value | list ]
/// ```
package enum FilterLanguage {
    /// The filters an expression stands for, one per condition, in order.
    ///
    /// Throws a `FilterError` naming the first mistake and its column: unknown fields and
    /// operators (with a suggestion), operators the field's type does not allow, keys on
    /// fields that take none, unquoted text, values of the wrong kind, OR, NOT, parentheses.
    /// The fields are `entity`'s.
    package static func parse(_ expression: String, for entity: Entity) throws(FilterError) -> [SpanFilter] {
        var parser = FilterParser(expression, entity: entity)
        return try parser.parseExpression()
    }
}
