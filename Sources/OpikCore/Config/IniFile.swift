/// An INI file as Python's `configparser` reads it (the format `opik configure` writes):
/// `[section]` headers, `key = value` or `key: value`, `#`/`;` comment lines, keys compared
/// case-insensitively. Editing keeps every other line as it was.
public struct IniFile: Sendable, Equatable {
    public private(set) var lines: [String]

    public init(text: String) {
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map {
            $0.hasSuffix("\r") ? String($0.dropLast()) : String($0)
        }
        if lines.last == "" { lines.removeLast() }
        self.lines = lines
    }

    public var text: String { lines.isEmpty ? "" : lines.joined(separator: "\n") + "\n" }

    /// The value of `key` in `section`, if set.
    public func value(section: String, key: String) -> String? {
        var current: String?
        var found: String?
        for line in lines {
            if let name = IniFile.sectionName(line) {
                current = name
            } else if current == section, let (k, v) = IniFile.keyValue(line), k == key.lowercased() {
                found = v
            }
        }
        return found
    }

    /// Sets `key` in `section`, replacing its line or adding it (and the section) as needed.
    public mutating func set(section: String, key: String, value: String) {
        var current: String?
        var lastLineOfSection: Int?
        for (index, line) in lines.enumerated() {
            if let name = IniFile.sectionName(line) {
                current = name
                if name == section { lastLineOfSection = index }
            } else if current == section {
                if let (k, _) = IniFile.keyValue(line), k == key.lowercased() {
                    lines[index] = "\(key) = \(value)"
                    return
                }
                if !line.trimmingSpaces.isEmpty { lastLineOfSection = index }
            }
        }
        if let last = lastLineOfSection {
            lines.insert("\(key) = \(value)", at: last + 1)
        } else {
            if let last = lines.last, !last.trimmingSpaces.isEmpty { lines.append("") }
            lines.append("[\(section)]")
            lines.append("\(key) = \(value)")
        }
    }

    static func sectionName(_ line: String) -> String? {
        let trimmed = line.trimmingSpaces
        guard trimmed.hasPrefix("["), let close = trimmed.firstIndex(of: "]") else { return nil }
        return String(trimmed[trimmed.index(after: trimmed.startIndex)..<close])
    }

    static func keyValue(_ line: String) -> (String, String)? {
        let trimmed = line.trimmingSpaces
        guard !trimmed.isEmpty, !trimmed.hasPrefix("#"), !trimmed.hasPrefix(";"),
            line.first != " ", line.first != "\t",
            let separator = trimmed.firstIndex(where: { $0 == "=" || $0 == ":" })
        else { return nil }
        let key = String(trimmed[..<separator]).trimmingSpaces.lowercased()
        let value = String(trimmed[trimmed.index(after: separator)...]).trimmingSpaces
        return (key, value)
    }
}

extension StringProtocol {
    /// The text without leading and trailing spaces, tabs and line breaks.
    public var trimmingSpaces: String {
        let isSpace: (Character) -> Bool = { $0 == " " || $0 == "\t" || $0 == "\n" || $0 == "\r" }
        guard let start = firstIndex(where: { !isSpace($0) }), let end = lastIndex(where: { !isSpace($0) }) else {
            return ""
        }
        return String(self[start...end])
    }
}
