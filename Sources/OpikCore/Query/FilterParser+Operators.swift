extension FilterParser {
    static let symbolOperators = FilterOperator.allCases.map(\.rawValue).filter { !$0.first!.isLetter }
    static let wordOperators = FilterOperator.allCases.map(\.rawValue).filter { $0.first!.isLetter }

    static func isOperatorSymbol(_ character: Character) -> Bool {
        character == "=" || character == "!" || character == "<" || character == ">"
    }

    /// Reads an operator, suggesting the intended one for near misses such as `contain`,
    /// `==`, `is empty` or `not in`.
    mutating func parseOperator(after field: String) throws(FilterError) -> FilterOperator {
        let start = index
        guard let first = peek else { throw failure("expected an operator after '\(field)'", at: index) }
        if FilterParser.isOperatorSymbol(first) {
            let text = readRun(FilterParser.isOperatorSymbol)
            if let op = FilterOperator(rawValue: text) { return op }
            let suggestion = FilterOperator.aliases[text]?.rawValue
                ?? Suggest.closest(to: text, in: FilterParser.symbolOperators)
            throw failure("unknown operator '\(text)'" + QueryText.didYouMean(suggestion), at: start)
        }
        let word = readWord()
        if word.isEmpty {
            throw failure("expected an operator after '\(field)', found '\(first)'", at: start)
        }
        let lowered = word.lowercased()
        if let op = FilterOperator(rawValue: lowered), op.rawValue.first!.isLetter { return op }
        let suggestion = spacedOperator(startingWith: lowered)
            ?? FilterOperator.aliases[lowered]?.rawValue
            ?? Suggest.closest(to: lowered, in: FilterParser.wordOperators)
        throw failure("unknown operator '\(word)'" + QueryText.didYouMean(suggestion), at: start)
    }

    /// The operator meant by words written apart (`is not empty`, `not in`, `starts with`),
    /// looking ahead without moving.
    func spacedOperator(startingWith first: String) -> String? {
        var lookahead = self
        var words = [first]
        for _ in 0..<2 {
            lookahead.skipSpaces()
            let next = lookahead.readWord().lowercased()
            if next.isEmpty { break }
            words.append(next)
            let joined = words.joined(separator: "_")
            if FilterOperator(rawValue: joined) != nil { return joined }
        }
        return nil
    }
}
