#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// The span tree of `traces get` as aligned lines: a bold header, the trace, then one line per
/// span or missing-parent group with tree glyphs and the name, then its offset from the trace
/// start, duration, a timeline bar (wide terminals only), type, model, tokens, cost, error
/// marker and scores. The span cells are those of the span list (`Entity.span`'s columns, with
/// their narrow-terminal drop order), and `TableLayout` leaves columns out rather than wrap.
struct SpanTreeTable {
    /// The columns, in the order drawn.
    enum Part: CaseIterable, FittedColumn {
        case tree, offset, duration, timeline, type, model, tokens, cost, error, scores

        /// The span list's column for the same cell, where there is one.
        var listColumn: Column? {
            let header: String
            switch self {
            case .duration: header = "DURATION"
            case .type: header = "TYPE"
            case .model: header = "MODEL"
            case .tokens: header = "TOKENS"
            case .cost: header = "COST"
            case .error: header = "ERR"
            case .scores: header = "SCORES"
            case .offset: header = "START"
            case .tree, .timeline: return nil
            }
            return Entity.span.defaultColumns.first { $0.header == header }
        }

        var header: String {
            switch self {
            case .tree: return "SPAN"
            case .timeline: return "TIMELINE"
            default: return listColumn?.header ?? ""
            }
        }

        /// Lower is left out first; the timeline goes before any list column, the tree never.
        var dropRank: Int? {
            switch self {
            case .tree: return nil
            case .timeline: return -1
            default: return listColumn?.dropRank
            }
        }

        var alignsRight: Bool { self == .offset || (listColumn?.alignsRight ?? false) }

        /// The narrowest readable width: names keep their start, bars and numbers stay whole.
        func readableWidth(natural: Int) -> Int {
            switch self {
            case .tree: return min(natural, 24)
            case .timeline, .offset: return natural
            default: return listColumn?.readableWidth(natural: natural) ?? natural
            }
        }
    }

    let trace: JSONValue
    let tree: SpanTree
    let width: Int
    /// Anchors the relative times of cells, for any list column that shows one (the tree's
    /// default columns show none).
    let now: Date

    /// The header line and one line per row, each at most `width` columns.
    func text(useColor: Bool) -> String {
        // Parsed once: the timeline, the offsets and the trace's own line all need it.
        let extent = SpanInstant.extent(of: trace)
        let traceExtent = (start: extent.start?.date, end: extent.end)
        let timeline = TreeTimeline(traceExtent: traceExtent, tree: tree, width: width)
        let parts = Part.allCases.filter { $0 != .timeline || timeline != nil }
        let cells = TreeCells(parts: parts, traceExtent: traceExtent, tree: tree, timeline: timeline, now: now)
        var rows: [[TreeCells.Cell]] = [cells.traceRow(trace)]
        rows.reserveCapacity(tree.nodes.count + 1)
        var glyphs = TreeGlyphs(maximumLevels: max(4, width / 12))
        for node in tree.nodes {
            rows.append(cells.row(node, prefix: glyphs.prefix(depth: node.depth, isLast: node.isLastSibling)))
        }
        let cellWidths = parts.indices.map { index in rows.reduce(0) { max($0, DisplayWidth.of($1[index].0)) } }
        // A column no row fills is left out: its header would take room and say nothing.
        let present = parts.indices.filter { parts[$0] == .tree || cellWidths[$0] > 0 }
        let natural = present.map { max(cellWidths[$0], DisplayWidth.of(parts[$0].header)) }
        let fitted = TableLayout.fitting(present.map { parts[$0] }, natural: natural, width: width)
        let layout = TableLayout(
            widths: fitted.widths, alignsRight: fitted.alignsRight, shown: fitted.shown.map { present[$0] })
        var text = layout.line(parts.map { ($0.header, .bold) }, useColor: useColor)
        for (index, row) in rows.enumerated() {
            // A missing parent's line has only its label, which names the id the reader needs
            // whole: it runs across the empty columns instead of being cut to the first.
            if index > 0, tree.nodes[index - 1].kind == .missingParent, let label = row.first {
                text += label.1.apply(DisplayWidth.truncate(label.0, to: width), useColor: useColor) + "\n"
            } else {
                text += layout.line(row, useColor: useColor)
            }
        }
        return text
    }
}

/// The `├─ └─ │` prefixes of tree lines. Past `maximumLevels` only the deepest levels are
/// drawn, after a `…`, so a very deep chain neither hides its names nor builds long lines.
struct TreeGlyphs {
    let maximumLevels: Int
    /// Whether the latest node seen at each depth has siblings still to come.
    private var continues: [Bool] = []

    init(maximumLevels: Int) { self.maximumLevels = maximumLevels }

    /// The prefix of the next node in tree order.
    mutating func prefix(depth: Int, isLast: Bool) -> String {
        while continues.count <= depth { continues.append(false) }
        continues[depth] = !isLast
        let first = max(0, depth + 1 - maximumLevels)
        var text = first > 0 ? "… " : ""
        for level in first..<depth { text += continues[level] ? "│  " : "   " }
        return text + (isLast ? "└─ " : "├─ ")
    }
}
