/// What is wrong with one input record of a bulk command, and where: the 1-based line it
/// starts on, the column for JSON syntax errors, and the field for invalid values.
package struct RecordIssue: UserFacingError, Equatable, Sendable {
    package var line: Int
    package var column: Int?
    package var field: String?
    package var message: String

    package init(line: Int, column: Int? = nil, field: String? = nil, message: String) {
        self.line = line
        self.column = column
        self.field = field
        self.message = message
    }

    /// A syntax error where the parser noticed it.
    package init(_ error: JSONSyntaxError) {
        self.init(line: error.line, column: error.column, message: "invalid JSON: \(error.message)")
    }

    /// `spans.ndjson:3: field "type": invalid value "lm" (expected one of …)`.
    package func describe(file: String) -> String {
        var text = "\(file):\(line):"
        if let column { text += "\(column):" }
        if let field { text += " field \"\(field)\":" }
        return text + " " + message
    }

    /// Alone (bulk commands name the file first): `line 3: field "type": …`.
    package var userFacing: UserFacing {
        var text = "line \(line)"
        if let column { text += ", column \(column)" }
        if let field { text += ": field \"\(field)\"" }
        return UserFacing(.invalidInput, text + ": " + message)
    }

    /// A syntax error in the record that starts on `recordLine`. The issue names that line:
    /// where a record is cut short the parser notices only on a later line, and that later
    /// line (with the column) goes in the message.
    package static func syntax(_ error: JSONSyntaxError, recordLine: Int) -> RecordIssue {
        guard error.line != recordLine else { return RecordIssue(error) }
        return RecordIssue(
            line: recordLine,
            message: "invalid JSON in the record starting here: \(error.message) at line \(error.line), column \(error.column)")
    }

    /// Issues from several passes over one input, in input order.
    package static func merged(_ first: [RecordIssue], _ second: [RecordIssue]) -> [RecordIssue] {
        (first + second).enumerated().sorted { ($0.element.line, $0.offset) < ($1.element.line, $1.offset) }.map(\.element)
    }

    /// An invalid value, quoted as JSON text (cut when long).
    package static func invalid(_ value: JSONValue, line: Int, field: String, expected: String) -> RecordIssue {
        var shown = JSONWriter.compact(value)
        if shown.count > 60 { shown = String(shown.prefix(57)) + "..." }
        return RecordIssue(line: line, field: field, message: "invalid value \(shown) (expected \(expected))")
    }
}
