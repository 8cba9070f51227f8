#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// The links of a span tree by position in the span array: who hangs under whom, in order.
/// `SpanTree` turns it into nodes.
struct SpanTreeLayout {
    /// What a span reads once: its id, times and whether it lies on a parent cycle.
    struct Info {
        let id: String
        /// Nil when absent or a placeholder.
        let start: SpanInstant?
        let end: Date?
        var isInCycle = false
    }

    enum Parent {
        case trace
        case span(Int)
        case missing(String)
    }

    enum Item {
        case span(Int)
        case group(String)
    }

    private(set) var info: [Info]
    private var parents: [Parent]
    private var children: [[Int]]
    /// The spans under each missing parent id, ordered.
    private(set) var missingGroups: [String: [Int]] = [:]
    private var rootItems: [Item] = []

    init(traceId: String, spans: [JSONValue]) {
        info = spans.map(Self.info)
        var index: [String: Int] = [:]
        for (position, item) in info.enumerated() where !item.id.isEmpty { index[item.id] = position }
        parents = spans.map { span in
            // An OpenTelemetry span may name the trace as its parent (see docs/SERVER.md).
            guard let parent = span["parent_span_id"]?.stringValue, !parent.isEmpty, parent != traceId else {
                return .trace
            }
            return index[parent].map { .span($0) } ?? .missing(parent)
        }
        children = Array(repeating: [], count: spans.count)
        breakCycles()
        for position in parents.indices {
            switch parents[position] {
            case .trace: rootItems.append(.span(position))
            case let .span(parent): children[parent].append(position)
            case let .missing(id):
                if missingGroups[id] == nil { rootItems.append(.group(id)) }
                missingGroups[id, default: []].append(position)
            }
        }
        // Sorted as locals: the order reads `self` while the lists change.
        var sortedChildren = children
        for position in sortedChildren.indices where sortedChildren[position].count > 1 {
            sortedChildren[position].sort(by: precedes)
        }
        children = sortedChildren
        var sortedGroups = missingGroups
        for id in sortedGroups.keys { sortedGroups[id]!.sort(by: precedes) }
        missingGroups = sortedGroups
        let sortedRoot = rootItems.sorted { key($0) < key($1) }
        rootItems = sortedRoot
    }

    private static func info(_ span: JSONValue) -> Info {
        let (start, end) = SpanInstant.extent(of: span)
        return Info(id: span["id"]?.stringValue ?? "", start: start, end: end)
    }

    /// Follows every span's parents up to the trace or a missing parent. A walk that comes
    /// back to a span of its own path has found a cycle: its members are marked, and the
    /// first of them in sibling order is hung under the trace, which makes the rest reachable.
    private mutating func breakCycles() {
        // 0: not seen, 1: on the current walk, 2: settled.
        var state = [UInt8](repeating: 0, count: parents.count)
        var path: [Int] = []
        for first in parents.indices where state[first] == 0 {
            path.removeAll(keepingCapacity: true)
            var current: Int? = first
            while let position = current, state[position] == 0 {
                state[position] = 1
                path.append(position)
                if case let .span(parent) = parents[position] { current = parent } else { current = nil }
            }
            if let repeated = current, state[repeated] == 1, let from = path.firstIndex(of: repeated) {
                let loop = path[from...]
                for member in loop { info[member].isInCycle = true }
                parents[loop.min(by: precedes)!] = .trace
            }
            for position in path { state[position] = 2 }
        }
    }

    /// Sibling order: no start time first, then by start instant, then by id.
    private func precedes(_ a: Int, _ b: Int) -> Bool {
        key(.span(a)) < key(.span(b))
    }

    /// A group sorts where its first span does.
    private func key(_ item: Item) -> SiblingKey {
        switch item {
        case let .span(position):
            return SiblingKey(start: info[position].start, id: info[position].id)
        case let .group(id):
            return SiblingKey(start: missingGroups[id]?.first.flatMap { info[$0].start }, id: id)
        }
    }

    /// Visits every item depth first, parents before children, with its depth and whether
    /// it is the last of its siblings. An explicit stack keeps deep chains off the call stack.
    func walk(_ visit: (Item, Int, Bool) -> Void) {
        var stack: [(Item, Int, Bool)] = []
        func push(_ items: [Item], depth: Int) {
            for (offset, item) in items.enumerated().reversed() {
                stack.append((item, depth, offset == items.count - 1))
            }
        }
        push(rootItems, depth: 0)
        while let (item, depth, isLast) = stack.popLast() {
            visit(item, depth, isLast)
            switch item {
            case let .span(position): push(children[position].map { .span($0) }, depth: depth + 1)
            case let .group(id): push((missingGroups[id] ?? []).map { .span($0) }, depth: depth + 1)
            }
        }
    }
}

/// The order of siblings: unknown start times first, then by instant, then by id.
struct SiblingKey: Comparable {
    let start: SpanInstant?
    let id: String

    static func < (lhs: SiblingKey, rhs: SiblingKey) -> Bool {
        switch (lhs.start, rhs.start) {
        case (nil, .some): return true
        case (.some, nil): return false
        case let (a?, b?) where a != b: return a < b
        default: return lhs.id < rhs.id
        }
    }
}
