/// A recursive-descent reader of one filter expression. It works on characters, so every
/// position is the column a user sees (minus one).
struct FilterParser {
    let expression: String
    let characters: [Character]
    /// Whose fields the expression may name.
    let entity: Entity
    var index = 0

    init(_ expression: String, entity: Entity) {
        self.expression = expression
        self.entity = entity
        self.characters = Array(expression)
    }

    mutating func parseExpression() throws(FilterError) -> [SpanFilter] {
        skipSpaces()
        if isAtEnd { throw failure("empty filter expression", at: index) }
        var filters: [SpanFilter] = []
        while true {
            filters.append(try parseCondition())
            skipSpaces()
            if isAtEnd { return filters }
            let start = index
            let word = readWord()
            switch word.lowercased() {
            case "and":
                skipSpaces()
                if isAtEnd { throw failure("expected a condition after '\(word)'", at: index) }
            case "or":
                throw failure("'\(word)' is not supported: conditions can only be joined with 'and'", at: start)
            case "":
                if characters[start] == "(" || characters[start] == ")" { throw parentheses(at: start) }
                throw failure("expected 'and' after the condition, found '\(characters[start])'", at: start)
            default:
                throw failure("expected 'and' before '\(word)'", at: start)
            }
        }
    }

    mutating func parseCondition() throws(FilterError) -> SpanFilter {
        let (field, key) = try parseField()
        skipSpaces()
        let operatorStart = index
        let op = try parseOperator(after: key.isEmpty ? field.name : "\(field.name).\(key)")
        guard field.operators.contains(op) else {
            let allowed = QueryText.listing(field.operators.map(\.rawValue))
            throw failure("operator '\(op.rawValue)' is not allowed on '\(field.name)' (\(field.type.summary)); "
                + "use \(allowed)", at: operatorStart)
        }
        let value = try parseValue(for: field, operator: op)
        return SpanFilter(field: field.name, key: key, operator: op, value: value)
    }

    // MARK: Fields and keys

    mutating func parseField() throws(FilterError) -> (FilterField, String) {
        let start = index
        guard let first = peek else { throw failure("expected a condition", at: index) }
        if first == "(" || first == ")" { throw parentheses(at: start) }
        var word = readWord()
        if word.isEmpty { throw failure("expected a field name, found '\(first)'", at: start) }
        switch word.lowercased() {
        case "not":
            throw failure("'\(word)' is not supported: use a negated operator such as != or not_contains", at: start)
        case "and", "or":
            throw failure("expected a condition before '\(word)'", at: start)
        default:
            break
        }
        if let next = peek, !next.isWhitespace, next != ".", !FilterParser.isOperatorSymbol(next) {
            // A name like `trace-id`: report it whole rather than its first part.
            word += readRun { !$0.isWhitespace && !FilterParser.isOperatorSymbol($0) }
            throw unknownField(word, at: start)
        }
        var key: (text: String, start: Int)?
        if peek == "." {
            index += 1
            key = try parseKey(after: word)
        }
        return try resolveField(word, key: key, at: start)
    }

    /// The table's field for what was written, checking that a key is given where needed
    /// and nowhere else; `usage.x` names a field of its own.
    func resolveField(_ word: String, key: (text: String, start: Int)?, at start: Int) throws(FilterError)
        -> (FilterField, String)
    {
        let usageFields = entity.usageCounters
        if word == "usage" {
            guard let key else {
                throw failure("field 'usage' needs a part: \(QueryText.listing(usageFields))", at: start)
            }
            let name = "usage." + key.text
            guard let field = entity.filterField(named: name) else {
                throw failure("unknown field '\(name)'" + QueryText.didYouMean(Suggest.closest(to: name, in: usageFields))
                    + "; only \(QueryText.listing(usageFields, "and")) can be filtered", at: key.start)
            }
            return (field, "")
        }
        guard let field = entity.filterField(named: word) else { throw unknownField(word, at: start) }
        if let key {
            guard field.takesKey else {
                let keyed = entity.filterFields.filter(\.takesKey).map(\.name)
                throw failure("field '\(word)' takes no key; only \(QueryText.listing(keyed, "and")) do", at: key.start)
            }
            if key.text.isEmpty { throw failure("empty key", at: key.start) }
            return (field, key.text)
        }
        if field.type == .dictionary {
            throw failure("field '\(word)' needs a key, a JSON path such as \(word).model", at: start)
        }
        if field.type == .feedbackScoresNumber {
            throw failure("field '\(word)' needs a score name, such as \(word).accuracy", at: start)
        }
        return (field, "")
    }

    mutating func parseKey(after field: String) throws(FilterError) -> (text: String, start: Int) {
        let start = index
        if let quote = peek, quote == "\"" || quote == "'" {
            return (try readQuoted(), start)
        }
        let word = readWord()
        if let next = peek, !next.isWhitespace, !FilterParser.isOperatorSymbol(next) {
            let whole = word + readRun { !$0.isWhitespace && !FilterParser.isOperatorSymbol($0) }
            throw failure("a key with characters other than letters, digits and '_' needs quotes: "
                + "\(field).\(QueryText.doubleQuoted(whole))", at: start)
        }
        if word.isEmpty { throw failure("expected a key after '\(field).'", at: start) }
        return (word, start)
    }

    func unknownField(_ word: String, at start: Int) -> FilterError {
        let names = entity.filterFields.map(\.name)
        let usage = "usage." + word
        let suggestion = names.contains(usage) ? usage : Suggest.closest(to: word, in: names)
        return failure("unknown field '\(word)'" + QueryText.didYouMean(suggestion), at: start)
    }

    func parentheses(at position: Int) -> FilterError {
        failure("parentheses are not supported: conditions can only be joined with 'and'", at: position)
    }
}
