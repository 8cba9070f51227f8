/// Terminal column widths of text: East Asian wide characters and emoji count as two
/// columns, combining marks as none. An approximation of wcwidth that needs no tables.
package enum DisplayWidth {
    /// Columns `text` occupies on a terminal.
    package static func of(_ text: String) -> Int {
        // Most cells are ASCII, box drawing and punctuation: one column a scalar, without
        // walking grapheme clusters (these scalars never join their neighbours into one).
        let isASCII = text.utf8.withContiguousStorageIfAvailable { bytes in bytes.allSatisfy { $0 < 0x80 } }
            ?? text.utf8.allSatisfy { $0 < 0x80 }
        if isASCII { return text.utf8.count }
        if text.unicodeScalars.allSatisfy(isSingleColumn) { return text.unicodeScalars.count }
        var total = 0
        for character in text { total += of(character) }
        return total
    }

    /// Columns one grapheme cluster occupies.
    package static func of(_ character: Character) -> Int {
        if character.isASCII { return character == "\r\n" ? 2 : 1 }
        let scalars = character.unicodeScalars
        guard let first = scalars.first else { return 0 }
        // An emoji presentation selector makes a narrow symbol (☀︎ vs ☀️) wide.
        if scalars.contains(where: { $0.value == 0xFE0F }) { return 2 }
        return width(of: first.value)
    }

    /// Latin, general punctuation (`…`), box drawing, blocks and angle brackets (`⟨⟩`): one
    /// column each, never combining. Combining marks start at U+0300.
    private static func isSingleColumn(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0..<0x300, 0x2010...0x2027, 0x2500...0x25FF, 0x27E8...0x27E9: return true
        default: return false
        }
    }

    static func width(of v: UInt32) -> Int {
        switch v {
        case 0x0300...0x036F, 0x200B...0x200F, 0xFE00...0xFE0F, 0x20D0...0x20FF: return 0
        case 0x1100...0x115F, 0x2E80...0x303E, 0x3041...0x33FF, 0x3400...0x4DBF, 0x4E00...0x9FFF,
            0xA000...0xA4CF, 0xAC00...0xD7A3, 0xF900...0xFAFF, 0xFE30...0xFE4F, 0xFF00...0xFF60,
            0xFFE0...0xFFE6, 0x1F300...0x1F64F, 0x1F680...0x1F6FF, 0x1F900...0x1F9FF,
            0x1FA70...0x1FAFF, 0x20000...0x3FFFD:
            return 2
        default: return 1
        }
    }

    /// `text` cut to at most `width` columns, ending in `…` when something was removed.
    /// Whole grapheme clusters only, so no UTF-8 sequence or emoji is ever split.
    package static func truncate(_ text: String, to width: Int) -> String {
        guard width > 0 else { return "" }
        if of(text) <= width { return text }
        var result = ""
        var used = 0
        for character in text {
            let w = of(character)
            if used + w > width - 1 { break }
            result.append(character)
            used += w
        }
        return result + "…"
    }

    /// `text` padded with spaces to `width` columns, on the right or (for numbers) the left.
    package static func pad(_ text: String, to width: Int, alignRight: Bool = false) -> String {
        let missing = width - of(text)
        guard missing > 0 else { return text }
        let spaces = String(repeating: " ", count: missing)
        return alignRight ? spaces + text : text + spaces
    }
}
