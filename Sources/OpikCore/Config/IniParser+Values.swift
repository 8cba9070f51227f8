/// Looking values up, with configparser's basic interpolation.
extension IniParser {
    /// The value of `key` in `section`, or from `[DEFAULT]`, with `%(name)s` references and
    /// `%%` resolved as configparser's basic interpolation does. A value whose `%` cannot be
    /// resolved is returned as written, with a problem.
    package func value(section: String, key: String) -> (Entry, Problem?)? {
        let name = key.lowercased()
        guard let entry = sections[section]?[name] ?? sections[Self.defaultSection]?[name] else { return nil }
        var resolved = entry
        switch interpolate(entry.value, section: section, depth: 0) {
        case let .success(text):
            resolved.value = text
            return (resolved, nil)
        case let .failure(message):
            return (entry, Problem(line: entry.line, message: "the value of '\(name)' \(message); it is used as written"))
        }
    }

    enum Interpolated {
        case success(String)
        case failure(String)
    }

    func interpolate(_ text: String, section: String, depth: Int) -> Interpolated {
        guard text.contains("%") else { return .success(text) }
        guard depth < 10 else { return .failure("refers to itself through %(…)s") }
        var result = ""
        var rest = Substring(text)
        while let percent = rest.firstIndex(of: "%") {
            result += rest[..<percent]
            let after = rest[rest.index(after: percent)...]
            if after.hasPrefix("%") {
                result += "%"
                rest = after.dropFirst()
            } else if after.hasPrefix("("), let close = after.firstIndex(of: ")"),
                after[after.index(after: close)...].hasPrefix("s") {
                let name = after[after.index(after: after.startIndex)..<close].lowercased()
                guard let entry = sections[section]?[name] ?? sections[Self.defaultSection]?[name] else {
                    return .failure("refers to '\(name)', which is not set")
                }
                guard case let .success(inner) = interpolate(entry.value, section: section, depth: depth + 1) else {
                    return .failure("refers to '\(name)', which cannot be resolved")
                }
                result += inner
                rest = after[after.index(close, offsetBy: 2)...]
            } else {
                return .failure("holds a '%' that is not '%%' or '%(name)s'")
            }
        }
        return .success(result + rest)
    }
}
