#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// The spans of one trace as a tree: children under their parents, siblings by start time.
///
/// Nothing is ever dropped (see docs/SERVER.md, "Span tree"): a span whose parent was not
/// fetched hangs, with its whole subtree, under a "missing span" group named after that
/// parent; spans whose parents form a cycle are attached under the trace and marked. Every
/// step is a loop over arrays, never recursion, so a chain of any depth is safe.
package struct SpanTree: Sendable {
    /// One line of the tree.
    package struct Node: Sendable {
        package enum Kind: Sendable, Equatable {
            case span
            /// The group of spans whose parent (`id`) was not among the spans fetched.
            case missingParent
        }

        package let kind: Kind
        /// 0 for the spans and groups directly under the trace.
        package let depth: Int
        /// The span's id, or the missing parent's id.
        package let id: String
        /// The span as received; nil for a group.
        package let span: JSONValue?
        /// Whether no later sibling follows (the tree glyph is `└─` rather than `├─`).
        package let isLastSibling: Bool
        /// Whether the span is its own ancestor (bad data); it is shown under the trace.
        package let isInCycle: Bool
        package let start: Date?
        /// `end_time`, else the start plus `duration`.
        package let end: Date?
        /// Whether the span has no start time, or the 1970 one of a placeholder row.
        package var isIncomplete: Bool { kind == .span && start == nil }
    }

    /// Every span and group, parents before children, siblings in order.
    package let nodes: [Node]
    /// The parent ids that no fetched span has, in tree order.
    package let missingParentIds: [String]
    /// The spans that are their own ancestors, in tree order.
    package let cycleSpanIds: [String]
    /// How many spans repeated an id already seen (the copy with the latest `last_updated_at` is kept).
    package let duplicateCount: Int
    /// How many spans hang directly under a missing-parent group.
    package let orphanCount: Int
    /// How many spans have no usable start time.
    package let incompleteCount: Int
    /// The earliest start and latest end over the spans, for a timeline. A span without an
    /// end counts with its start, so that every span lies within the two.
    package let earliestStart: Date?
    package let latestEnd: Date?

    /// Every span exactly once, in tree order (for `--format json --spans`).
    package var orderedSpans: [JSONValue] { nodes.compactMap(\.span) }

    /// The number of distinct spans.
    package var spanCount: Int { nodes.count - missingParentIds.count }

    /// Builds the tree of the trace `traceId` from its spans, in any order.
    package init(traceId: String, spans: [JSONValue]) {
        let (unique, dropped) = Self.deduplicated(spans)
        let layout = SpanTreeLayout(traceId: traceId, spans: unique)
        var nodes: [Node] = []
        nodes.reserveCapacity(unique.count + layout.missingGroups.count)
        var missing: [String] = []
        var cycles: [String] = []
        var orphans = 0
        layout.walk { item, depth, isLast in
            switch item {
            case let .span(index):
                let info = layout.info[index]
                if info.isInCycle { cycles.append(info.id) }
                nodes.append(Node(
                    kind: .span, depth: depth, id: info.id, span: unique[index], isLastSibling: isLast,
                    isInCycle: info.isInCycle,
                    start: info.start?.date, end: info.end))
            case let .group(id):
                missing.append(id)
                orphans += layout.missingGroups[id]?.count ?? 0
                nodes.append(Node(
                    kind: .missingParent, depth: depth, id: id, span: nil, isLastSibling: isLast,
                    isInCycle: false, start: nil, end: nil))
            }
        }
        self.nodes = nodes
        self.missingParentIds = missing
        self.cycleSpanIds = cycles
        self.duplicateCount = dropped
        self.orphanCount = orphans
        self.incompleteCount = layout.info.count { $0.start == nil }
        self.earliestStart = layout.info.compactMap(\.start).min()?.date
        self.latestEnd = layout.info.compactMap { $0.end ?? $0.start?.date }.max()
    }

    /// One span per id: of several with one id, the one with the greatest `last_updated_at`
    /// (the first on a tie), in the place of the first. Spans without an id are all kept.
    static func deduplicated(_ spans: [JSONValue]) -> (spans: [JSONValue], dropped: Int) {
        var position: [String: Int] = [:]
        var kept: [JSONValue] = []
        var updated: [SpanInstant?] = []
        var dropped = 0
        for span in spans {
            let stamp = SpanInstant(span["last_updated_at"])
            guard let id = span["id"]?.stringValue, !id.isEmpty else {
                kept.append(span)
                updated.append(stamp)
                continue
            }
            guard let at = position[id] else {
                position[id] = kept.count
                kept.append(span)
                updated.append(stamp)
                continue
            }
            dropped += 1
            if let stamp, updated[at].map({ stamp > $0 }) ?? true {
                kept[at] = span
                updated[at] = stamp
            }
        }
        return (kept, dropped)
    }
}
