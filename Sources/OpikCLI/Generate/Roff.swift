/// Writes man(7) source: escaping and the layout of documentation blocks.
enum Roff {
    /// Escapes text for roff: backslashes, dashes (so options print as ASCII minus signs and
    /// can be pasted), characters outside ASCII, and a leading control character.
    /// In filled text, `|` may end a line (long lists of choices); literal lines keep it whole.
    static func escape(_ text: String, breakingAtBars: Bool = true) -> String {
        var out = ""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\\": out += "\\e"
            case "-": out += "\\-"
            // A zero-width break point, so long lists of choices can wrap.
            case "|" where breakingAtBars: out += "|\\:"
            case "\n", "\t": out += " "
            case "\u{2265}": out += "\\(>="
            case "\u{2264}": out += "\\(<="
            case "\u{2014}": out += "\\(em"
            case "\u{2013}": out += "\\(en"
            case "\u{2026}": out += "..."
            case "\u{2018}", "\u{2019}": out += "'"
            case "\u{201C}", "\u{201D}": out += "\""
            default:
                if scalar.isASCII {
                    out.unicodeScalars.append(scalar)
                } else {
                    out += "\\[u" + hex(scalar.value) + "]"
                }
            }
        }
        // A line starting with . or ' would be read as a request.
        if out.hasPrefix(".") || out.hasPrefix("'") { out = "\\&" + out }
        return out
    }

    /// Escapes text for a quoted macro argument (`.SS "..."`).
    static func argument(_ text: String) -> String {
        "\"" + escape(text).replacingAll("\"", with: "\\(dq") + "\""
    }

    static func bold(_ text: String) -> String { "\\fB" + escape(text) + "\\fR" }
    static func italic(_ text: String) -> String { "\\fI" + escape(text) + "\\fR" }

    /// Text lines for the blocks, each block starting a new paragraph.
    static func render(_ blocks: [TextBlock]) -> String {
        blocks.map(render).joined()
    }

    static func render(_ block: TextBlock) -> String {
        switch block {
        case .paragraph(let text):
            return ".PP\n" + escape(text) + "\n"
        case .literal(let lines):
            // Indented text stays indented; a table written from the margin stays there.
            let indent = lines.map { $0.prefix { $0 == " " }.count }.min() ?? 0
            if indent == 0 { return ".PP\n.nf\n" + lines.map { escape($0, breakingAtBars: false) + "\n" }.joined() + ".fi\n" }
            return ".PP\n" + literal(lines.map { String($0.dropFirst(indent)) })
        case .definitions(let items):
            // A newline inside a definition is a line break.
            return items.map { item in
                ".TP\n" + bold(item.term) + "\n"
                    + item.text.split(separator: "\n").map { escape(String($0)) + "\n" }.joined(separator: ".br\n")
            }.joined()
        }
    }

    /// Lines kept as written, indented, for commands and small tables.
    static func literal(_ lines: [String]) -> String {
        ".RS 4\n.nf\n" + lines.map { escape($0, breakingAtBars: false) + "\n" }.joined() + ".fi\n.RE\n"
    }

    /// `-p, --project NAME` with the option names bold and the value italic.
    static func optionTag(_ option: OptionSpec) -> String {
        var tag = option.short.map { bold("-\($0)") + ", " } ?? ""
        tag += bold("--" + option.long)
        if let value = option.valueName { tag += " " + italic(value) }
        return tag
    }

    private static func hex(_ value: UInt32) -> String {
        let digits = String(value, radix: 16, uppercase: true)
        return String(repeating: "0", count: max(0, 4 - digits.count)) + digits
    }
}

extension String {
    func replacingAll(_ target: String, with replacement: String) -> String {
        split(separator: target, omittingEmptySubsequences: false).joined(separator: replacement)
    }

    /// The text with a backslash before each of `specials`, as shells and completion specs
    /// quote single characters.
    func backslashing(_ specials: String) -> String {
        var out = ""
        for character in self {
            if specials.contains(character) { out.append("\\") }
            out.append(character)
        }
        return out
    }
}
