#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// The cells of one line of the span tree, one for each part drawn.
struct TreeCells {
    typealias Cell = (String, TerminalStyle)

    let parts: [SpanTreeTable.Part]
    /// The span list's column of each part, looked up once rather than for every cell.
    private let columns: [Column?]
    private let timeline: TreeTimeline?
    /// The trace's own start and end, parsed once by the table.
    private let traceExtent: (start: Date?, end: Date?)
    /// What offsets count from: the trace's start, else the earliest span's.
    private let origin: Date?
    private let now: Date

    init(parts: [SpanTreeTable.Part], traceExtent: (start: Date?, end: Date?), tree: SpanTree, timeline: TreeTimeline?, now: Date) {
        self.parts = parts
        self.columns = parts.map(\.listColumn)
        self.timeline = timeline
        self.traceExtent = traceExtent
        self.origin = traceExtent.start ?? tree.earliestStart
        self.now = now
    }

    /// The line of the trace itself: its name, duration, extent and error marker.
    func traceRow(_ trace: JSONValue) -> [Cell] {
        let (start, end) = traceExtent
        return parts.indices.map { index in
            switch parts[index] {
            case .tree: return (name(of: trace), .bold)
            case .duration: return duration(trace, column: columns[index], start: start, end: end)
            case .error: return columns[index]?.displayCell(trace, now: now) ?? ("", .plain)
            case .timeline: return (timeline?.bar(from: start, to: end) ?? "", .dim)
            default: return ("", .plain)
            }
        }
    }

    /// The `duration` cell, else the time from `start` to `end` when both are known.
    private func duration(_ record: JSONValue, column: Column?, start: Date?, end: Date?) -> Cell {
        let cell = column?.displayCell(record, now: now) ?? ("", .plain)
        guard cell.0.isEmpty, let start, let end, end >= start else { return cell }
        return (Humanize.duration(ms: end.timeIntervalSince(start) * 1000), .plain)
    }

    /// The line of a span or a missing-parent group, the tree glyphs in `prefix`.
    func row(_ node: SpanTree.Node, prefix: String) -> [Cell] {
        guard let span = node.span else {
            let label = prefix + "⟨missing span \(TerminalStyle.clean(node.id))⟩"
            return parts.map { $0 == .tree ? (label, .yellow) : ("", .plain) }
        }
        return parts.indices.map { index in
            switch parts[index] {
            case .tree:
                var text = prefix + name(of: span)
                if node.isInCycle { text += " (cycle)" }
                if node.isIncomplete { text += " (incomplete)" }
                return (text, node.isInCycle ? .red : node.isIncomplete ? .dim : .plain)
            case .offset:
                guard let start = node.start, let origin else { return ("", .plain) }
                let ms = start.timeIntervalSince(origin) * 1000
                return ((ms < 0 ? "-" : "+") + Humanize.duration(ms: abs(ms)), .plain)
            case .duration:
                return duration(span, column: columns[index], start: node.start, end: node.end)
            case .timeline:
                return (timeline?.bar(from: node.start, to: node.end) ?? "", .cyan)
            default:
                return columns[index]?.displayCell(span, now: now) ?? ("", .plain)
            }
        }
    }

    /// The name cleaned for the terminal, `(no name)` when there is none.
    private func name(of record: JSONValue) -> String {
        let text = record["name"].map { TerminalStyle.clean(Column.plain($0)) } ?? ""
        return text.isEmpty ? "(no name)" : text
    }
}
