/// Column widths for a terminal table and the drawing of its lines.
struct TableLayout {
    static let gap = 2
    /// Columns are never cut below this many terminal columns (or their natural width).
    static let minimumWidth = 5

    let widths: [Int]
    let alignsRight: [Bool]

    /// Widths that fit `width`: each column as wide as its widest cell, then the widest
    /// flexible (free-text) columns shrink first; only if that is not enough do the others
    /// (numbers, times) shrink too, widest first. No column goes below `minimumWidth`.
    static func fitting(natural: [Int], alignsRight: [Bool], isFlexible: [Bool]? = nil, width: Int) -> TableLayout {
        let available = width - gap * max(0, natural.count - 1)
        var widths = natural
        let flexible = isFlexible ?? natural.map { _ in true }
        for onlyFlexible in [true, false] {
            let excess = widths.reduce(0, +) - available
            guard excess > 0 else { break }
            let chosen = widths.indices.filter { !onlyFlexible || flexible[$0] }
            let shrunk = shrink(chosen.map { widths[$0] }, by: excess)
            for (index, width) in zip(chosen, shrunk) { widths[index] = width }
        }
        return TableLayout(widths: widths, alignsRight: alignsRight)
    }

    /// Takes up to `excess` columns off `widths`, always from the widest, never below the minimum.
    static func shrink(_ widths: [Int], by excess: Int) -> [Int] {
        let target = widths.reduce(0, +) - excess
        func total(cap: Int) -> Int { widths.reduce(0) { $0 + min($1, max(cap, minimumWidth)) } }
        // The largest cap that fits, found by halving; space it leaves goes back to capped columns.
        var low = 0
        var high = widths.max() ?? 0
        while low < high {
            let mid = (low + high + 1) / 2
            if total(cap: mid) <= target { low = mid } else { high = mid - 1 }
        }
        let cap = max(low, minimumWidth)
        var result = widths.map { min($0, cap) }
        var spare = target - result.reduce(0, +)
        for index in result.indices where spare > 0 && widths[index] > result[index] {
            result[index] += 1
            spare -= 1
        }
        return result
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
