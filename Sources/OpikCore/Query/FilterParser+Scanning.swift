extension FilterParser {
    var isAtEnd: Bool { index >= characters.count }

    var peek: Character? { isAtEnd ? nil : characters[index] }

    func failure(_ message: String, at position: Int) -> FilterError {
        // Messages quote the user's text, which may span lines; the error must stay one line.
        let oneLine = String(message.map { $0.isNewline ? " " : $0 })
        return FilterError(message: oneLine, column: position + 1, expression: expression)
    }

    mutating func skipSpaces() {
        while let next = peek, next.isWhitespace { index += 1 }
    }

    /// `[A-Za-z0-9_]*`.
    mutating func readWord() -> String {
        readRun { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "_") }
    }

    mutating func readRun(_ belongs: (Character) -> Bool) -> String {
        let start = index
        while let next = peek, belongs(next) { index += 1 }
        return String(characters[start..<index])
    }

    /// Reads text in the quote found at the current position; the quote doubled stands for
    /// itself.
    mutating func readQuoted() throws(FilterError) -> String {
        let start = index
        let quote = characters[index]
        index += 1
        var text = ""
        while let next = peek {
            index += 1
            if next == quote {
                guard peek == quote else { return text }
                index += 1
            }
            text.append(next)
        }
        throw failure("unterminated string: missing closing \(quote)", at: start)
    }
}
