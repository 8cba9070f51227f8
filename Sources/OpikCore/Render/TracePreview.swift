/// The first lines of a trace's input or output, for the terminal view: a string's own lines,
/// an object's members as `key: value` (strings as is, other values as compact JSON), anything
/// else as compact JSON. Cut to a few lines of the terminal's width, with a note saying how to
/// see it whole.
enum TracePreview {
    static let maximumLines = 4

    /// The preview indented by two spaces, each line ending in a line feed.
    static func lines(of value: JSONValue, width: Int, useColor: Bool) -> String {
        let room = max(TableLayout.minimumWidth, width - 2)
        var source: [String]
        if let text = value.stringValue {
            source = firstLines(of: text, count: maximumLines + 1)
        } else if let members = value.objectMembers {
            source = members.prefix(maximumLines + 1).map { key, member in "\(key): \(Column.plain(member))" }
        } else {
            source = [Column.plain(value)]
        }
        var isCut = source.count > maximumLines
        source = Array(source.prefix(maximumLines))
        var text = ""
        for line in source {
            let clean = TerminalStyle.clean(line.replacing("\t", with: "    "))
            let shown = DisplayWidth.truncate(clean, to: room)
            if shown != clean { isCut = true }
            text += "  " + Renderer.trimTrailingSpaces(shown) + "\n"
        }
        if isCut {
            let note = DisplayWidth.truncate("… (--format json shows it whole)", to: room)
            text += "  " + TerminalStyle.dim.apply(note, useColor: useColor) + "\n"
        }
        return text
    }

    /// At most `count` lines of `text`, without reading past them (an input may be megabytes).
    private static func firstLines(of text: String, count: Int) -> [String] {
        var lines: [String] = []
        var rest = Substring(text)
        while lines.count < count, !rest.isEmpty {
            guard let end = rest.firstIndex(of: "\n") else {
                lines.append(String(rest))
                break
            }
            lines.append(String(rest[..<end]))
            rest = rest[rest.index(after: end)...]
        }
        return lines
    }
}
