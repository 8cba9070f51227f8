/// An INI file as Python's `configparser` reads it (see `IniParser`), the format `opik
/// configure` writes. Editing keeps every other line, the line endings and a BOM as they were.
package struct IniFile: Sendable, Equatable {
    package private(set) var lines: [String]
    /// `\r\n` when the file's lines end so, else `\n`.
    private let lineEnding: String
    private let hasBOM: Bool

    package init(text: String) {
        lines = IniParser.lines(of: text)
        lineEnding = text.contains("\r\n") ? "\r\n" : "\n"
        hasBOM = text.unicodeScalars.first == "\u{FEFF}"
    }

    package var text: String {
        lines.isEmpty ? "" : (hasBOM ? "\u{FEFF}" : "") + lines.joined(separator: lineEnding) + lineEnding
    }

    /// The file as configparser reads it.
    package var parsed: IniParser { IniParser(text: text) }

    /// The value of `key` in `section` (or `[DEFAULT]`), if set.
    package func value(section: String, key: String) -> String? {
        parsed.value(section: section, key: key)?.0.value
    }

    /// Sets `key` in `section`: the first line of the key gets the new value, and the lines
    /// that continued its old value, and any repeats of the key in that section, go away, so
    /// the file holds the key once. A missing key is added at the end of the section's last
    /// block; a missing section at the end of the file.
    package mutating func set(section: String, key: String, value: String) {
        let name = key.lowercased()
        let kinds = parsed.kinds
        let newLine = "\(key) = \(value)"
        var remove: [Int] = []
        var replaced = false
        var lastOfSection: Int?
        var current: String?
        var previousKeyMatches = false
        for (index, kind) in kinds.enumerated() {
            switch kind {
            case let .section(header):
                current = header
                previousKeyMatches = false
                if header == section { lastOfSection = index }
            case let .key(keySection, keyName):
                previousKeyMatches = keySection == section && keyName == name
                if keySection == section { lastOfSection = index }
                if previousKeyMatches {
                    if replaced { remove.append(index) } else { lines[index] = newLine }
                    replaced = true
                }
            case .continuation:
                if previousKeyMatches { remove.append(index) }
                if current == section { lastOfSection = index }
            case .other:
                break
            }
        }
        for index in remove.reversed() { lines.remove(at: index) }
        guard !replaced else { return }
        if let last = lastOfSection {
            lines.insert(newLine, at: last + 1)
        } else {
            if let last = lines.last, !last.trimmingSpaces.isEmpty { lines.append("") }
            lines.append("[\(section)]")
            lines.append(newLine)
        }
    }
}

extension StringProtocol {
    /// The text without leading and trailing spaces, tabs and line breaks.
    package var trimmingSpaces: String {
        let isSpace: (Character) -> Bool = { $0 == " " || $0 == "\t" || $0 == "\n" || $0 == "\r" || $0 == "\r\n" }
        guard let start = firstIndex(where: { !isSpace($0) }), let end = lastIndex(where: { !isSpace($0) }) else {
            return ""
        }
        return String(self[start...end])
    }
}
