/// A column of a terminal table as `TableLayout` fits it.
protocol FittedColumn {
    var alignsRight: Bool { get }
    /// Lower is left out first on a narrow terminal; nil: never.
    var dropRank: Int? { get }
    /// The narrowest the column may be cut to and still be read.
    func readableWidth(natural: Int) -> Int
}

extension Column: FittedColumn {}

/// Column widths for a terminal table, which columns it shows, and the drawing of its lines.
struct TableLayout {
    static let gap = 2
    /// Columns are never cut below this many terminal columns (or their natural width).
    static let minimumWidth = 5

    /// Widths of the shown columns, in the order of `shown`.
    let widths: [Int]
    let alignsRight: [Bool]
    /// Indices (into the full list of columns) of the columns drawn, in order.
    let shown: [Int]

    init(widths: [Int], alignsRight: [Bool], shown: [Int]? = nil) {
        self.widths = widths
        self.alignsRight = alignsRight
        self.shown = shown ?? Array(widths.indices)
    }

    /// Widths that fit `width`: each column as wide as its widest cell, then the widest
    /// columns shrink first. No column goes below `minimumWidth` (or its natural width).
    static func fitting(natural: [Int], alignsRight: [Bool], width: Int) -> TableLayout {
        let floors = natural.map { min($0, minimumWidth) }
        return fitting(natural: natural, alignsRight: alignsRight, readable: floors,
                       dropRank: natural.map { _ in nil }, width: width)
    }

    /// The layout of `columns`, whose widest cells are `natural`, in `width` (see below).
    static func fitting(_ columns: [some FittedColumn], natural: [Int], width: Int) -> TableLayout {
        fitting(natural: natural, alignsRight: columns.map(\.alignsRight),
                readable: columns.indices.map { columns[$0].readableWidth(natural: natural[$0]) },
                dropRank: columns.map(\.dropRank), width: width)
    }

    /// The layout of a table whose columns may be left out on a narrow terminal.
    ///
    /// `readable[i]` is the narrowest column `i` may be cut to and still be read (its natural
    /// width for ids, numbers and times, which are never cut to stubs); `dropRank[i]` orders
    /// the columns that may be left out (lowest first; nil: never). Columns are left out
    /// until the readable widths fit, then the columns that can shrink shrink, widest first.
    /// Only when the columns that always stay do not fit even so is every column cut, down to
    /// `minimumWidth`, so that no line is ever wider than `width`.
    static func fitting(
        natural: [Int], alignsRight: [Bool], readable: [Int], dropRank: [Int?], width: Int
    ) -> TableLayout {
        var shown = Array(natural.indices)
        func needed(_ widths: [Int]) -> Int { widths.reduce(0, +) + gap * max(0, widths.count - 1) }
        while needed(shown.map { readable[$0] }) > width {
            let droppable = shown.filter { dropRank[$0] != nil }
            guard let victim = droppable.min(by: { dropRank[$0]! < dropRank[$1]! }) else { break }
            shown.removeAll { $0 == victim }
        }
        var widths = shown.map { natural[$0] }
        let available = width - gap * max(0, shown.count - 1)
        for floors in [shown.map { readable[$0] }, shown.map { min(natural[$0], minimumWidth) }] {
            let excess = widths.reduce(0, +) - available
            guard excess > 0 else { break }
            widths = shrink(widths, by: excess, floors: floors)
        }
        return TableLayout(widths: widths, alignsRight: shown.map { alignsRight[$0] }, shown: shown)
    }

    /// Takes up to `excess` columns off `widths`, always from the widest, never below `floors`.
    static func shrink(_ widths: [Int], by excess: Int, floors: [Int]) -> [Int] {
        let target = widths.reduce(0, +) - excess
        func capped(_ cap: Int) -> [Int] { widths.indices.map { min(widths[$0], max(cap, floors[$0])) } }
        // The largest cap that fits, found by halving; space it leaves goes back to capped columns.
        var low = 0
        var high = widths.max() ?? 0
        while low < high {
            let mid = (low + high + 1) / 2
            if capped(mid).reduce(0, +) <= target { low = mid } else { high = mid - 1 }
        }
        var result = capped(low)
        var spare = target - result.reduce(0, +)
        for index in result.indices where spare > 0 && widths[index] > result[index] {
            result[index] += 1
            spare -= 1
        }
        return result
    }

    /// One line of the shown columns (`cells` holds every column): cells cut to their widths
    /// with `…`, padded, styled, without trailing spaces.
    func line(_ cells: [(String, TerminalStyle)], useColor: Bool) -> String {
        // Spaces are held back until something follows them, so lines never end in blanks.
        var pendingSpaces = 0
        var line = ""
        for (position, index) in shown.enumerated() {
            let (text, style) = cells[index]
            let cut = DisplayWidth.truncate(text, to: widths[position])
            let padding = widths[position] - DisplayWidth.of(cut)
            let leading = alignsRight[position] ? padding : 0
            let trailing = padding - leading + (position < shown.count - 1 ? Self.gap : 0)
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
