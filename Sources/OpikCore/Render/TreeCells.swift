#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// The cells of one line of the span tree, in the order of the parts drawn.
struct TreeCells {
    let trace: JSONValue
    let tree: SpanTree
    let timeline: TreeTimeline?
    /// What offsets count from: the trace's start, else the earliest span's.
    let origin: Date?

    init(trace: JSONValue, tree: SpanTree, timeline: TreeTimeline?) {
        self.trace = trace
        self.tree = tree
        self.timeline = timeline
        origin = TreeTimeline.traceStart(trace) ?? tree.earliestStart
    }

    /// The line of the trace itself: its name, duration and extent.
    func traceRow(_ parts: [SpanTreeTable.Part]) -> [(String, TerminalStyle)] {
        parts.map { part in
            switch part {
            case .tree: return (name(of: trace), .bold)
            case .duration, .error: return part.listColumn!.displayCell(trace, now: Date(timeIntervalSince1970: 0))
            case .timeline:
                let start = TreeTimeline.traceStart(trace)
                return (timeline?.bar(from: start, to: TreeTimeline.traceEnd(trace, start: start)) ?? "", .dim)
            default: return ("", .plain)
            }
        }
    }

    /// The line of a span or a missing-parent group, the tree glyphs in `prefix`.
    func row(_ node: SpanTree.Node, prefix: String, _ parts: [SpanTreeTable.Part]) -> [(String, TerminalStyle)] {
        guard let span = node.span else {
            return parts.map { $0 == .tree ? (prefix + "⟨missing span \(TerminalStyle.clean(node.id))⟩", .yellow) : ("", .plain) }
        }
        return parts.map { part in
            switch part {
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
                let cell = part.listColumn!.displayCell(span, now: Date(timeIntervalSince1970: 0))
                guard cell.0.isEmpty, let start = node.start, let end = node.end, end >= start else { return cell }
                return (Humanize.duration(ms: end.timeIntervalSince(start) * 1000), .plain)
            case .timeline:
                return (timeline?.bar(from: node.start, to: node.end) ?? "", .cyan)
            default:
                // Times are the only cells that read the clock, and the tree shows none.
                return part.listColumn?.displayCell(span, now: Date(timeIntervalSince1970: 0)) ?? ("", .plain)
            }
        }
    }

    /// The name cleaned for the terminal, `(no name)` when there is none.
    private func name(of record: JSONValue) -> String {
        let text = record["name"].map { TerminalStyle.clean(Column.plain($0)) } ?? ""
        return text.isEmpty ? "(no name)" : text
    }
}
