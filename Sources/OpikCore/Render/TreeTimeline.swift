#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// The waterfall column of the span tree: one bar per span over a shared time axis that
/// runs from the earliest start (trace or span) to the latest end.
struct TreeTimeline {
    /// Terminals narrower than this get no timeline.
    static let minimumTerminalWidth = 120

    let start: Date
    let seconds: TimeInterval
    /// The bar's width in terminal columns.
    let cells: Int

    /// Nil when the terminal is narrow or no time is known. `traceExtent` is the trace's own
    /// start and end.
    init?(traceExtent: (start: Date?, end: Date?), tree: SpanTree, width: Int) {
        guard width >= Self.minimumTerminalWidth else { return nil }
        let starts = [traceExtent.start, tree.earliestStart].compactMap { $0 }
        let ends = [traceExtent.end, tree.latestEnd].compactMap { $0 }
        guard let first = starts.min() else { return nil }
        start = first
        seconds = max(0, (ends.max() ?? first).timeIntervalSince(first))
        cells = min(40, width / 6)
    }

    /// Blocks where `from`–`to` lies on the axis (at least one), spaces before; "" without a start.
    func bar(from: Date?, to: Date?) -> String {
        guard let from else { return "" }
        func cell(_ date: Date, rounding: FloatingPointRoundingRule) -> Int {
            guard seconds > 0 else { return 0 }
            return Int((date.timeIntervalSince(start) / seconds * Double(cells)).rounded(rounding))
        }
        let first = min(max(0, cell(from, rounding: .down)), cells - 1)
        let last = min(max(first + 1, to.map { cell($0, rounding: .up) } ?? 0), cells)
        return String(repeating: " ", count: first) + String(repeating: "█", count: last - first)
    }
}
