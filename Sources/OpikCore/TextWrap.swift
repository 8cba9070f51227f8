/// Greedy word wrap for help texts: `opik help filters` (in this module) and the help and man
/// page renderers of the command line use this one implementation.
package enum TextWrap {
    /// `text` in lines of at most `width` columns, each ending with a newline; the first line
    /// starts with `firstIndent` (default `indent`), the others with `indent`. Words longer
    /// than the line stay whole, except that a long word holding `|` separators (a list of
    /// choices) breaks after them.
    package static func wrap(_ text: String, width: Int, indent: String = "", firstIndent: String? = nil) -> String {
        var out = ""
        var line = firstIndent ?? indent
        var lineHasWord = false
        for word in text.split(separator: " ") {
            // Pieces of one long word follow each other without a space.
            for (number, piece) in breakable(word, room: width - indent.count).enumerated() {
                let separator = number == 0 ? " " : ""
                if lineHasWord && line.count + separator.count + piece.count > width {
                    out += line + "\n"
                    line = indent
                    lineHasWord = false
                }
                line += (lineHasWord ? separator : "") + piece
                lineHasWord = true
            }
        }
        while let last = line.last, last == " " || last == "\t" { line.removeLast() }
        return out + line + "\n"
    }

    /// The lines of `wrap`, without their newlines.
    package static func lines(_ text: String, width: Int) -> [String] {
        wrap(text, width: width).split(separator: "\n", omittingEmptySubsequences: false).dropLast().map(String.init)
    }

    /// A word too long for the line split after its `|` separators (long lists of choices).
    static func breakable(_ word: Substring, room: Int) -> [Substring] {
        guard word.count > room, word.contains("|") else { return [word] }
        var pieces: [Substring] = []
        var start = word.startIndex
        for index in word.indices where word[index] == "|" {
            let end = word.index(after: index)
            pieces.append(word[start..<end])
            start = end
        }
        if start < word.endIndex { pieces.append(word[start...]) }
        // Join pieces back while they fit, so only the breaks that are needed are made.
        var joined: [Substring] = []
        for piece in pieces {
            if let last = joined.last, last.count + piece.count <= room {
                joined[joined.count - 1] = word[last.startIndex..<piece.endIndex]
            } else {
                joined.append(piece)
            }
        }
        return joined
    }
}
