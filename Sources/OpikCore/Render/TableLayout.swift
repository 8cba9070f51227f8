/// Column widths for a terminal table and the drawing of its lines.
struct TableLayout {
    static let gap = 2
    /// Columns are never cut below this many terminal columns (or their natural width).
    static let minimumWidth = 5

    let widths: [Int]
    let alignsRight: [Bool]

    /// Widths that fit `width`: each column as wide as its widest cell, then the widest
    /// columns shrink first until the line fits (or every column is at its minimum).
    static func fitting(natural: [Int], alignsRight: [Bool], width: Int) -> TableLayout {
        let available = width - gap * max(0, natural.count - 1)
        guard natural.reduce(0, +) > available, let widest = natural.max() else {
            return TableLayout(widths: natural, alignsRight: alignsRight)
        }
        func total(cap: Int) -> Int { natural.reduce(0) { $0 + min($1, max(cap, minimumWidth)) } }
        // The largest cap that fits, found by halving; space it leaves goes to capped columns.
        var low = 0
        var high = widest
        while low < high {
            let mid = (low + high + 1) / 2
            if total(cap: mid) <= available { low = mid } else { high = mid - 1 }
        }
        let cap = max(low, minimumWidth)
        var widths = natural.map { min($0, cap) }
        var spare = available - widths.reduce(0, +)
        for index in widths.indices where spare > 0 && natural[index] > widths[index] {
            widths[index] += 1
            spare -= 1
        }
        return TableLayout(widths: widths, alignsRight: alignsRight)
    }

    /// One line: cells cut to their widths with `…`, padded, styled, without trailing spaces.
    func line(_ cells: [(String, TerminalStyle)], useColor: Bool) -> String {
        // Spaces are held back until something follows them, so lines never end in blanks.
        var pendingSpaces = 0
        var line = ""
        for (index, (text, style)) in cells.enumerated() {
            let cut = DisplayWidth.truncate(text, to: widths[index])
            let padding = widths[index] - DisplayWidth.of(cut)
            let leading = alignsRight[index] ? padding : 0
            let trailing = padding - leading + (index < cells.count - 1 ? Self.gap : 0)
            if cut.isEmpty {
                pendingSpaces += leading + trailing
                continue
            }
            line += String(repeating: " ", count: pendingSpaces + leading)
            line += style.apply(cut, useColor: useColor)
            pendingSpaces = trailing
        }
        return line + "\n"
    }
}
