/// The Opik SDK's filter language (OQL, opik/API.md §6), checked against the server's
/// field and operator tables (§5.2) so mistakes are reported with their column before
/// anything is sent.
///
/// ```
/// query      := condition ( AND condition )*
/// condition  := field [ "." key ] operator [ value | list ]
/// ```
public enum FilterLanguage {
    /// The filters an expression stands for, one per condition, in order.
    ///
    /// Throws a `FilterError` naming the first mistake and its column: unknown fields and
    /// operators (with a suggestion), operators the field's type does not allow, keys on
    /// fields that take none, unquoted text, values of the wrong kind, OR, NOT, parentheses.
    public static func parse(_ expression: String) throws(FilterError) -> [SpanFilter] {
        var parser = FilterParser(expression)
        return try parser.parseExpression()
    }
}

/// `'x'` or, with a suggestion, ` (did you mean 'y'?)`; shared by the messages.
func didYouMean(_ suggestion: String?, quote: String = "'") -> String {
    suggestion.map { " (did you mean \(quote)\($0)\(quote)?)" } ?? ""
}

/// `a, b or c` (or `a, b and c`).
func listing(_ items: [String], _ conjunction: String = "or") -> String {
    guard items.count > 1 else { return items.first ?? "" }
    return items.dropLast().joined(separator: ", ") + " \(conjunction) " + items[items.count - 1]
}

/// Text in double quotes, with inner quotes doubled as the language writes them.
func doubleQuoted(_ text: String) -> String {
    var result = "\""
    for character in text {
        result.append(character)
        if character == "\"" { result.append("\"") }
    }
    return result + "\""
}
