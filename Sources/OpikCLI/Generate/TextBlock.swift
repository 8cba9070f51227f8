import OpikCore

/// A piece of documentation text, shared by `--help`, `opik help TOPIC` and the man page.
///
/// Documentation strings (discussions, topic texts) are plain text with two conventions:
/// paragraphs are separated by blank lines and reflowed to the output width; lines indented
/// by at least two spaces are literal (examples, small tables) and kept exactly as written.
package enum TextBlock: Sendable, Equatable {
    case paragraph(String)
    /// Lines printed as written, indentation included.
    case literal([String])
    /// Terms with an indented explanation (`--url URL` then its help).
    case definitions([Definition])

    /// One term of a definition list.
    package struct Definition: Sendable, Equatable {
        package var term: String
        package var text: String

        package init(_ term: String, _ text: String) {
            self.term = term
            self.text = text
        }
    }

    /// Splits plain documentation text into paragraphs and literal blocks.
    package static func parse(_ text: String) -> [TextBlock] {
        var blocks: [TextBlock] = []
        var paragraph: [String] = []
        var literal: [String] = []
        func flush() {
            if !paragraph.isEmpty { blocks.append(.paragraph(paragraph.joined(separator: " "))) }
            if !literal.isEmpty { blocks.append(.literal(literal)) }
            paragraph = []
            literal = []
        }
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            if line.trimmingSpaces().isEmpty {
                flush()
            } else if !literal.isEmpty || isLiteral(line) {
                // Once a block turns literal (an indented line, or aligned columns), the rest of
                // it up to the next blank line is kept as written: rows of a table wrap too.
                if !paragraph.isEmpty {
                    blocks.append(.paragraph(paragraph.joined(separator: " ")))
                    paragraph = []
                }
                literal.append(line.trimmingTrailingSpaces())
            } else {
                paragraph.append(line.trimmingSpaces())
            }
        }
        flush()
        return blocks
    }

    /// Indented, or with words aligned in columns by runs of spaces.
    private static func isLiteral(_ line: Substring) -> Bool {
        line.hasPrefix("  ") || line.hasPrefix("\t") || line.trimmingSpaces().contains("  ")
    }
}

/// Lays out text blocks for a terminal of a given width.
enum PlainText {
    /// Renders blocks separated by blank lines, each line indented by `indent` spaces.
    static func render(_ blocks: [TextBlock], width: Int, indent: Int = 0) -> String {
        blocks.map { render($0, width: width, indent: indent) }.joined(separator: "\n")
    }

    static func render(_ block: TextBlock, width: Int, indent: Int) -> String {
        let pad = String(repeating: " ", count: indent)
        switch block {
        case .paragraph(let text):
            return TextWrap.wrap(text, width: width, indent: pad)
        case .literal(let lines):
            return lines.map { pad + $0 + "\n" }.joined()
        case .definitions(let items):
            return definitionList(items.map { ($0.term, $0.text) }, width: width, indent: indent + 2)
        }
    }

    /// Two columns: terms on the left, wrapped explanations on the right. A term too wide for
    /// the column gets its explanation on the next line.
    static func definitionList(_ items: [(String, String)], width: Int, indent: Int, maxColumn: Int = 26) -> String {
        let pad = String(repeating: " ", count: indent)
        let longest = items.map { $0.0.count }.filter { $0 <= maxColumn }.max() ?? 0
        // On a narrow terminal the explanations go below their terms rather than in a sliver.
        let isNarrow = width - (indent + longest + 2) < 28
        let column = isNarrow ? indent + 6 : indent + longest + 2
        let hanging = String(repeating: " ", count: column)
        var out = ""
        for (term, text) in items {
            if text.isEmpty {
                out += pad + term + "\n"
                continue
            }
            // A newline inside a definition is a line break.
            let lines = text.split(separator: "\n").map { TextWrap.wrap(String($0), width: width, indent: hanging) }
            if !isNarrow && term.count <= maxColumn {
                let first = pad + term + String(repeating: " ", count: column - indent - term.count)
                out += first + lines.joined().dropFirst(hanging.count)
            } else {
                out += pad + term + "\n" + lines.joined()
            }
        }
        return out
    }

}

extension StringProtocol {
    func trimmingSpaces() -> String {
        String(drop { $0 == " " || $0 == "\t" }).trimmingTrailingSpaces()
    }

    func trimmingTrailingSpaces() -> String {
        var s = Substring(self)
        while let last = s.last, last == " " || last == "\t" { s = s.dropLast() }
        return String(s)
    }
}
