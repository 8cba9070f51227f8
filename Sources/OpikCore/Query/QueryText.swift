/// Small text pieces shared by the query messages.
enum QueryText {
    /// ` (did you mean 'y'?)` for a suggestion, `""` for none.
    static func didYouMean(_ suggestion: String?, quote: String = "'") -> String {
        suggestion.map { " (did you mean \(quote)\($0)\(quote)?)" } ?? ""
    }

    /// `a, b or c` (or `a, b and c`).
    static func listing(_ items: [String], _ conjunction: String = "or") -> String {
        guard items.count > 1 else { return items.first ?? "" }
        return items.dropLast().joined(separator: ", ") + " \(conjunction) " + items[items.count - 1]
    }

    /// Text in double quotes, with inner quotes doubled as the filter language writes them.
    static func doubleQuoted(_ text: String) -> String {
        var result = "\""
        for character in text {
            result.append(character)
            if character == "\"" { result.append("\"") }
        }
        return result + "\""
    }

    /// The text without leading and trailing spaces and tabs.
    static func trimmed(_ text: String) -> String {
        let isSpace: (Character) -> Bool = { $0 == " " || $0 == "\t" }
        guard let first = text.firstIndex(where: { !isSpace($0) }),
              let last = text.lastIndex(where: { !isSpace($0) }) else { return "" }
        return String(text[first...last])
    }
}
