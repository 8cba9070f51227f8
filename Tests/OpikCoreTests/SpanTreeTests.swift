import Foundation
import OpikCore
import Testing

@Suite struct SpanTreeTests {
    typealias F = TraceFixtures

    func tree(_ spans: [JSONValue]) -> SpanTree { SpanTree(traceId: F.traceId, spans: spans) }

    /// `depth:name` per node, groups as `depth:<missing id>`.
    func outline(_ tree: SpanTree) -> [String] {
        tree.nodes.map { node in
            "\(node.depth):" + (node.span?["name"]?.stringValue ?? "<missing \(node.id.suffix(3))>")
        }
    }

    @Test func childrenHangUnderParentsAndSiblingsFollowStartTime() {
        let tree = tree(F.spans)
        #expect(outline(tree) == ["0:plan", "1:chat.completion", "0:search \"docs\"", "1:chat.completion", "0:answer"])
        #expect(tree.nodes.map(\.isLastSibling) == [false, true, false, true, true])
        #expect(tree.earliestStart == TimeParser.instant("2026-07-01T10:00:00.1Z"))
        #expect(tree.latestEnd == TimeParser.instant("2026-07-01T10:00:03.4Z"))
        #expect(tree.missingParentIds.isEmpty && tree.cycleSpanIds.isEmpty && tree.duplicateCount == 0)
    }

    @Test func orphansAreGroupedUnderTheirMissingParentWithTheirSubtrees() {
        let tree = tree([
            F.span(1, "b", parent: F.id(900), start: "2026-07-01T10:00:02Z"),
            F.span(2, "a", parent: F.id(900), start: "2026-07-01T10:00:01Z"),
            F.span(3, "under b", parent: F.id(1), start: "2026-07-01T10:00:03Z"),
            F.span(4, "other", parent: F.id(800), start: "2026-07-01T10:00:00Z"),
            F.span(5, "root", start: "2026-07-01T10:00:05Z"),
        ])
        #expect(outline(tree) == ["0:<missing 800>", "1:other", "0:<missing 900>", "1:a", "1:b", "2:under b", "0:root"])
        #expect(tree.missingParentIds == [F.id(800), F.id(900)])
        #expect(tree.nodes.filter { $0.kind == .missingParent }.map(\.id) == [F.id(800), F.id(900)])
        #expect(tree.orphanCount == 3)
        #expect(tree.spanCount == 5)
    }

    @Test func spansOnACycleAreAttachedUnderTheTraceAndMarked() {
        let tree = tree([
            F.span(1, "x", parent: F.id(3), start: "2026-07-01T10:00:01Z"),
            F.span(2, "y", parent: F.id(1), start: "2026-07-01T10:00:02Z"),
            F.span(3, "z", parent: F.id(2), start: "2026-07-01T10:00:03Z"),
            F.span(4, "hanging off z", parent: F.id(3), start: "2026-07-01T10:00:04Z"),
            F.span(5, "self", parent: F.id(5), start: "2026-07-01T10:00:00Z"),
        ])
        #expect(outline(tree) == ["0:self", "0:x", "1:y", "2:z", "3:hanging off z"])
        #expect(tree.cycleSpanIds == [F.id(5), F.id(1), F.id(2), F.id(3)])
        #expect(tree.nodes.map(\.isInCycle) == [true, true, true, true, false])
        #expect(tree.missingParentIds.isEmpty)
    }

    @Test func aChainTenThousandDeepIsBuiltAndDrawnWithoutRecursion() throws {
        let count = 10_000
        // Given deepest first, each span the parent of the one before.
        let chain = (0..<count).reversed().map { n in
            F.span(n + 1, "step \(n)", parent: n == 0 ? nil : F.id(n), start: "2026-07-01T10:00:00Z")
        }
        let tree = tree(chain)
        #expect(tree.nodes.count == count)
        #expect(tree.nodes.last?.depth == count - 1)
        #expect(tree.orderedSpans.first?["name"] == "step 0")
        let ring = (1...count).map { n in F.span(n, "r\(n)", parent: F.id(n % count + 1)) }
        let ringTree = self.tree(ring)
        #expect(ringTree.cycleSpanIds.count == count && ringTree.nodes.count == count)
        #expect(TraceView.warnings(trace: TraceFixtures.trace, tree: ringTree).contains(
            "10,000 spans are their own ancestor (\(F.id(1)), \(F.id(10_000)), \(F.id(9_999)) and 9,997 more): "
                + "shown under the trace, marked (cycle)"))
        let text = try F.view(spans: chain, width: 80)
        let lines = text.split(separator: "\n")
        #expect(lines.allSatisfy { DisplayWidth.of(String($0)) <= 80 })
        #expect(lines.last?.contains("… ") == true && lines.last?.contains("└─ step 9999") == true)
    }

    @Test func startTimesAreOrderedAsInstantsWhateverTheirFractionDigits() {
        let starts = [
            (1, "2026-07-01T10:00:00.5Z"), (2, "2026-07-01T10:00:00Z"), (3, "2026-07-01T10:00:00.123456789Z"),
            (4, "2026-07-01T10:00:00.05Z"), (5, "2026-07-01T12:00:00.1+02:00"), (6, "2026-07-01T10:00:00.123456788Z"),
            (7, "2026-07-01T10:00:00.500Z"),
        ]
        let tree = tree(starts.map { F.span($0.0, "s\($0.0)", start: $0.1) })
        // 10:00:00.1 written at +02:00 sits between .05 and .123…; equal instants fall back to the id.
        #expect(outline(tree).map { $0.dropFirst(2) } == ["s2", "s4", "s5", "s6", "s3", "s1", "s7"])
    }

    @Test func duplicatesKeepTheLatestUpdateInThePlaceOfTheFirst() {
        let old = F.span(1, "old", start: "2026-07-01T10:00:00Z", extra: [("last_updated_at", "2026-07-01T10:00:01Z")])
        let new = F.span(1, "new", start: "2026-07-01T10:00:00Z", extra: [("last_updated_at", "2026-07-01T10:00:01.5Z")])
        for order in [[old, new, old], [new, old, old]] {
            let tree = tree(order + [F.span(2, "other", start: "2026-07-01T10:00:09Z")])
            #expect(outline(tree) == ["0:new", "0:other"])
            #expect(tree.duplicateCount == 2)
        }
    }

    @Test func placeholderAndTimelessSpansComeFirstMarkedIncomplete() {
        let tree = tree([
            F.span(1, "real", start: "2026-07-01T10:00:00Z"),
            F.span(2, "placeholder", start: "1970-01-01T00:00:00Z"),
            F.span(3, "timeless"),
        ])
        #expect(outline(tree) == ["0:placeholder", "0:timeless", "0:real"])
        #expect(tree.nodes.map(\.isIncomplete) == [true, true, false])
        #expect(tree.incompleteCount == 2)
        // "real" has no end: its start is the latest moment known.
        #expect(tree.earliestStart == TimeParser.instant("2026-07-01T10:00:00Z"))
        #expect(tree.latestEnd == TimeParser.instant("2026-07-01T10:00:00Z"))
    }

    @Test func orderedSpansHoldEverySpanOnceInTreeOrder() {
        var spans = F.spans
        spans += [
            F.span(10, "orphan", parent: F.id(77)), F.span(11, "orphan child", parent: F.id(10)),
            F.span(12, "loop", parent: F.id(13)), F.span(13, "loop", parent: F.id(12)),
            F.span(14, "self", parent: F.id(14)), F.span(1, "plan", start: "2026-07-01T10:00:00.1Z"),
        ]
        let tree = tree(spans.shuffled())
        let ids = tree.orderedSpans.compactMap { $0["id"]?.stringValue }
        #expect(ids.count == 10 && Set(ids).count == 10)
        #expect(Set(ids) == Set(spans.compactMap { $0["id"]?.stringValue }))
        #expect(ids == tree.nodes.filter { $0.kind == .span }.map(\.id))
    }
}
