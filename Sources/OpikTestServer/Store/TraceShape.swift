/// The special trees of the sample: where each span hangs, given as the index of its parent.
struct TraceShape {
    /// A span's parent: the root (0), an earlier span (1-based), or an id missing from the trace.
    enum Parent: Equatable {
        case node(Int)
        case missing
    }

    var rootName: String
    /// One entry per span after the root; a parent always comes before its children.
    var parents: [Parent]
    /// Whether each span starts inside the one before (a chain) rather than after it.
    var nests = false

    /// A chain of `depth` spans below the root, each also with a leaf beside it at the top.
    static func deep(_ depth: Int) -> TraceShape {
        var parents: [Parent] = [.node(0)]
        for level in 1..<depth { parents.append(.node(level)) }
        parents.append(.node(0))
        return TraceShape(rootName: "deep_research_agent", parents: parents, nests: true)
    }

    /// A root with one planning step fanning out to `width` children.
    static func wide(_ width: Int) -> TraceShape {
        TraceShape(rootName: "parallel_tool_fanout", parents: [.node(0)] + Array(repeating: .node(1), count: width))
    }

    /// Two spans under the root, then a lost subtree: two spans whose parent is not in the
    /// trace, and a child of the first of them.
    static let orphans = TraceShape(rootName: "partial_export", parents: [.node(0), .node(0), .missing, .missing, .node(3)])

    /// The shaped traces of a sample, by trace number (1-based); nil for a plain trace.
    static func of(traceNumber: Int) -> TraceShape? {
        switch traceNumber {
        case 4: return .deep(6)
        case 8: return .wide(9)
        case 12: return .orphans
        case 16: return .deep(4)
        case 20: return .wide(12)
        default: return nil
        }
    }

    /// A tree of `count` spans in all, deep and wide: a chain of up to 24 spans, then every
    /// further span a child of an earlier one, eight to a parent.
    static func big(_ count: Int) -> TraceShape {
        let chain = 24
        var parents: [Parent] = []
        for index in 1..<max(1, count) {
            parents.append(.node(index < chain ? index - 1 : (index - chain) / 8))
        }
        return TraceShape(rootName: "big-tree", parents: parents)
    }
}
