/// Reads INI text the way Python's `configparser.ConfigParser` does (the reader of the Opik
/// SDK), so a file gives the same values here as there: lines end in LF, CRLF or CR; a UTF-8
/// BOM is skipped; `#` and `;` start comment lines (not inline comments); `key = value` or
/// `key: value` splits at the first `=` or `:`, with spaces around it dropped; keys are
/// compared case-insensitively, section names exactly; a line indented deeper than its key
/// continues the value (joined with a line feed, comment lines skipped); `[DEFAULT]` keys
/// apply to every section. Where configparser stops with an error, this reader goes on and
/// records a problem with its line instead: a duplicate key (the later value wins), a
/// duplicate section (its keys are merged), a line before any section, a line that is no
/// section, key or comment (ignored).
package struct IniParser: Sendable {
    /// One key's value and the lines it came from.
    package struct Entry: Sendable, Equatable {
        package var value: String
        /// The line of the key (1-based).
        package var line: Int
    }

    /// Something configparser would refuse, with its line (1-based).
    package struct Problem: Sendable, Equatable {
        package var line: Int
        package var message: String

        package init(line: Int, message: String) {
            self.line = line
            self.message = message
        }
    }

    /// What a line is, for editing the file without disturbing other lines.
    package enum LineKind: Sendable, Equatable {
        case section(String)
        case key(section: String, key: String)
        /// A line that continues the value of the key above.
        case continuation
        /// A blank line, a comment, or a line that is ignored.
        case other
    }

    package static let defaultSection = "DEFAULT"

    /// Keys by section name (`DEFAULT` included), keys lower-cased.
    package private(set) var sections: [String: [String: Entry]] = [:]
    package private(set) var problems: [Problem] = []
    /// One kind per line.
    package private(set) var kinds: [LineKind] = []

    package init(text: String) {
        var valueLines: [String] = []
        var current: String?
        var key: String?
        var indent = 0
        var sectionLines: [String: Int] = [:]

        func finishValue() {
            guard let section = current, let name = key else { return }
            // configparser joins the lines and drops trailing blank ones.
            sections[section]?[name]?.value = Self.trimmingTrailing(valueLines.joined(separator: "\n"))
        }

        for (index, raw) in Self.lines(of: text).enumerated() {
            let number = index + 1
            let stripped = raw.trimmingSpaces
            let isComment = stripped.hasPrefix("#") || stripped.hasPrefix(";")
            kinds.append(.other)
            if stripped.isEmpty || isComment {
                // A blank line may be part of a value that continues below; a comment is not.
                if !isComment, key != nil { valueLines.append("") }
                continue
            }
            let lineIndent = raw.prefix { $0 == " " || $0 == "\t" }.count
            if current != nil, key != nil, lineIndent > indent {
                valueLines.append(stripped)
                kinds[index] = .continuation
                continue
            }
            finishValue()
            key = nil
            valueLines = []
            indent = lineIndent
            if let name = Self.sectionHeader(stripped) {
                if let first = sectionLines[name], name != Self.defaultSection {
                    problems.append(Problem(line: number, message:
                        "section [\(name)] appears again (first on line \(first)); its keys are merged, a later value wins"))
                } else {
                    sectionLines[name] = number
                }
                if sections[name] == nil { sections[name] = [:] }
                current = name
                kinds[index] = .section(name)
            } else if current == nil {
                problems.append(Problem(line: number, message: "no [section] header before this line; it is ignored"))
            } else if let (name, value) = Self.option(stripped) {
                guard !name.isEmpty else {
                    problems.append(Problem(line: number, message: "no key before the '=' or ':'; the line is ignored"))
                    continue
                }
                if let earlier = sections[current!]?[name] {
                    problems.append(Problem(line: number, message:
                        "key '\(name)' in [\(current!)] appears again (first on line \(earlier.line)); the value on line \(number) wins"))
                }
                sections[current!]?[name] = Entry(value: value, line: number)
                kinds[index] = .key(section: current!, key: name)
                key = name
                valueLines = [value]
            } else {
                problems.append(Problem(line: number, message: "not a [section], a key = value or a comment; the line is ignored"))
            }
        }
        finishValue()
    }

    /// The lines of `text` without a leading BOM, split at LF, CRLF and CR (Python's
    /// universal newlines).
    package static func lines(of text: String) -> [String] {
        var scalars = Substring(text).unicodeScalars[...]
        if scalars.first == "\u{FEFF}" { scalars = scalars.dropFirst() }
        var lines: [String] = []
        var line = String.UnicodeScalarView()
        var previousWasCR = false
        for scalar in scalars {
            if scalar == "\n" && previousWasCR {
                previousWasCR = false
                continue
            }
            previousWasCR = scalar == "\r"
            if scalar == "\n" || scalar == "\r" {
                lines.append(String(line))
                line = String.UnicodeScalarView()
            } else {
                line.append(scalar)
            }
        }
        if !line.isEmpty { lines.append(String(line)) }
        return lines
    }

    /// The name in `[name]` at the start of a stripped line (up to its last `]`).
    static func sectionHeader(_ line: String) -> String? {
        guard line.hasPrefix("["), let close = line.lastIndex(of: "]"),
            line.index(after: line.startIndex) < close
        else { return nil }
        return String(line[line.index(after: line.startIndex)..<close])
    }

    /// Key and value of a stripped `key = value` or `key: value` line, split at the first
    /// delimiter, the key lower-cased.
    static func option(_ line: String) -> (String, String)? {
        guard let delimiter = line.firstIndex(where: { $0 == "=" || $0 == ":" }) else { return nil }
        let key = String(line[..<delimiter]).trimmingSpaces.lowercased()
        let value = String(line[line.index(after: delimiter)...]).trimmingSpaces
        return (key, value)
    }

    static func trimmingTrailing(_ text: String) -> String {
        var text = Substring(text)
        while let last = text.last, last == "\n" || last == " " || last == "\t" { text = text.dropLast() }
        return String(text)
    }
}
