/// A mistake in a filter expression, with the column it is at.
package struct FilterError: UserFacingError, Equatable, Sendable, CustomStringConvertible {
    /// What is wrong, one lowercase line, e.g. `unknown field 'nmae' (did you mean 'name'?)`.
    package var message: String
    /// 1-based position, in characters, of the part of `expression` that is wrong; one past
    /// the end when something is missing at the end.
    package var column: Int
    /// The whole expression as given.
    package var expression: String

    package init(message: String, column: Int, expression: String) {
        self.message = message
        self.column = column
        self.expression = expression
    }

    /// `column 6: unknown field 'nmae' (did you mean 'name'?)`.
    package var description: String { "column \(column): \(message)" }

    /// Alone (commands name the option first): `invalid filter: column 6: …`, the pointer under it.
    package var userFacing: UserFacing {
        OpikError.pointed(.usage("invalid filter: \(description)", hint: "see 'opik help filters'"), pointer: pointer).userFacing
    }

    /// Two lines to print under the one-line error: the expression, then a caret under the
    /// column. Tabs and line breaks are shown as spaces so the caret lines up.
    package var pointer: String {
        let line = String(expression.map { $0 == "\t" || $0.isNewline ? " " : $0 })
        return line + "\n" + String(repeating: " ", count: max(column - 1, 0)) + "^"
    }
}
