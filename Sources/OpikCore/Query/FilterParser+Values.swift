extension FilterParser {
    /// Reads what follows the operator and returns the value to send.
    mutating func parseValue(for field: FilterField, operator op: FilterOperator) throws(FilterError) -> String {
        skipSpaces()
        switch op.operand {
        case .none:
            if let next = peek, next == "\"" || next == "'" || next == "(" || next == "-" || next.isNumber {
                throw failure("'\(op.rawValue)' takes no value", at: index)
            }
            return ""
        case .single:
            let start = index
            let (text, isBare) = try readValue(after: op, in: field)
            return try checked(text, isBare: isBare, for: field, operator: op, at: start)
        case .list:
            return try parseList(after: op, in: field)
        }
    }

    mutating func parseList(after op: FilterOperator, in field: FilterField) throws(FilterError) -> String {
        guard peek == "(" else {
            throw failure("'\(op.rawValue)' needs a list in parentheses, such as (\"llm\", \"tool\")", at: index)
        }
        index += 1
        var items: [String] = []
        while true {
            skipSpaces()
            if peek == ")", items.isEmpty { throw failure("empty list", at: index) }
            let start = index
            let (text, isBare) = try readValue(after: op, in: field, inList: true)
            if text.contains(",") { throw failure("list items cannot contain a comma", at: start) }
            if text.isEmpty { throw failure("empty list item", at: start) }
            items.append(try checked(text, isBare: isBare, for: field, operator: op, at: start))
            skipSpaces()
            guard let next = peek else { throw failure("unterminated list: expected ')'", at: index) }
            index += 1
            if next == ")" { return items.joined(separator: ",") }
            if next != "," { throw failure("expected ',' or ')' in the list, found '\(next)'", at: index - 1) }
        }
    }

    /// Reads one value: a double-quoted string, or an unquoted run (a number, or text the
    /// caller rejects). Single quotes and misplaced lists are refused here.
    mutating func readValue(after op: FilterOperator, in field: FilterField, inList: Bool = false)
        throws(FilterError) -> (text: String, isBare: Bool)
    {
        let start = index
        guard let first = peek else {
            throw failure("expected a value after '\(op.rawValue)'", at: index)
        }
        switch first {
        case "\"":
            return (try readQuoted(), false)
        case "'":
            let text = try readQuoted()
            throw failure("values need double quotes: \(QueryText.doubleQuoted(text))", at: start)
        case "(":
            throw failure("a list is only valid after 'in' or 'not_in'", at: start)
        default:
            let text = readRun { !$0.isWhitespace && $0 != "(" && $0 != ")" && !(inList && $0 == ",") }
            if text.isEmpty { throw failure("expected a value after '\(op.rawValue)'", at: start) }
            return (text, true)
        }
    }

    /// Checks a value against the field's type and returns it as sent: times in UTC, and
    /// `%`/`+` percent-encoded where the server URL-decodes (see docs/SERVER.md#filter-encoding).
    func checked(_ text: String, isBare: Bool, for field: FilterField, operator op: FilterOperator, at start: Int)
        throws(FilterError) -> String
    {
        let type = field.type
        if isBare, !(type.acceptsBareNumber && FilterParser.isNumber(text)) {
            let looksNumeric = text.first.map { $0.isNumber || $0 == "-" || $0 == "." } ?? false
            if type == .number || type == .feedbackScoresNumber || (type == .dictionary && looksNumeric) {
                throw failure("invalid number '\(text)'; write numbers like 42, -3 or 0.5", at: start)
            }
            throw failure("values need double quotes: \(QueryText.doubleQuoted(text))", at: start)
        }
        if op == .equal || op == .notEqual, [.string, .list, .enumeration].contains(type),
            text.allSatisfy(\.isWhitespace)
        {
            // The server refuses blank text for these with a 400 (see docs/SERVER.md).
            throw failure("'\(op.rawValue)' on '\(field.name)' needs a value that is not blank", at: start)
        }
        var value = text
        switch type {
        case .dateTime:
            guard let stamp = RFC3339Timestamp(rfc3339: text), stamp.isWritable, stamp.fraction.count <= 9 else {
                throw failure("invalid time \(QueryText.doubleQuoted(text)) for '\(field.name)'; "
                    + "write RFC 3339 such as \"2026-07-01T10:00:00Z\"", at: start)
            }
            value = stamp.utcText
        case .number, .feedbackScoresNumber:
            guard FilterParser.isNumber(text) else {
                throw failure("'\(field.name)' takes a number, not \(QueryText.doubleQuoted(text))", at: start)
            }
            if field.takesWholeNumbers, text.contains(".") {
                throw failure("'\(field.name)' takes a whole number, not \(text)", at: start)
            }
        case .dictionary where op == .greaterThan || op == .lessThan:
            guard FilterParser.isNumber(text) else {
                throw failure("'\(op.rawValue)' on '\(field.name)' compares numbers; "
                    + "\(QueryText.doubleQuoted(text)) is not one", at: start)
            }
        case .enumeration, .enumerationLegacy:
            if let allowed = field.allowedValues, !allowed.contains(text) {
                throw failure("unknown \(field.name) \(QueryText.doubleQuoted(text))"
                    + QueryText.didYouMean(Suggest.closest(to: text, in: allowed), quote: "\"")
                    + "; use \(QueryText.listing(allowed))", at: start)
            }
        default:
            break
        }
        return type.isURLDecoded ? FilterParser.percentEncoded(value) : value
    }

    /// `-?digits[.digits]`, the numbers of the language.
    static func isNumber(_ text: String) -> Bool {
        var rest = Substring(text)
        if rest.first == "-" { rest = rest.dropFirst() }
        let parts = rest.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count <= 2 else { return false }
        return parts.allSatisfy { !$0.isEmpty && $0.allSatisfy { $0.isASCII && $0.isNumber } }
    }

    /// `%` → `%25` and `+` → `%2B`, so the server's URL decoder gives them back literally.
    static func percentEncoded(_ text: String) -> String {
        var result = ""
        for character in text {
            switch character {
            case "%": result += "%25"
            case "+": result += "%2B"
            default: result.append(character)
            }
        }
        return result
    }
}
