import Foundation
import OpikCore
import Testing

@Suite struct RenderTraceViewTests {
    static let header = """
        name:        agent run
        id:          0197a1b2-c3d0-7000-8000-00000000aaaa
        project:     my-app
        thread:      chat-42
        start:       2026-07-01T10:00:00Z (5m ago)
        duration:    3.5s
        spans:       5 (2 llm)
        tokens:      640 (prompt 600, completion 40)
        cost:        $0.0024
        providers:   openai
        tags:        prod, v2
        scores:      helpful=1
        span scores: accuracy=0.833

        INPUT
          question: What is Opik?

        OUTPUT
          answer: An LLM observability platform.


        """

    @Test func smallTreeAt80ColumnsLeavesOutTheTimelineModelAndScores() throws {
        #expect(try TraceFixtures.view(projectName: "my-app", width: 80) == Self.header + """
            SPAN                    START  DURATION  TYPE     TOKENS     COST  ERR
            agent run                          3.5s
            ├─ plan                +100ms     800ms  general
            │  └─ chat.completion  +200ms     600ms  llm         312  $0.0012
            ├─ search "docs"        +1.0s      2.0s  tool                      !
            │  └─ chat.completion   +1.5s      1.4s  llm         328  $0.0012
            └─ answer               +3.1s     300ms  general

            """)
    }

    @Test func smallTreeAt200ColumnsHasEveryColumnAndATimeline() throws {
        let text = try TraceFixtures.view(projectName: "my-app", width: 200)
        #expect(text.hasPrefix(Self.header))
        #expect(text.dropFirst(Self.header.count) == """
            SPAN                    START  DURATION  TIMELINE                           TYPE     MODEL        TOKENS     COST  ERR  SCORES
            agent run                          3.5s  █████████████████████████████████
            ├─ plan                +100ms     800ms  █████████                          general
            │  └─ chat.completion  +200ms     600ms   ███████                           llm      gpt-4o-mini     312  $0.0012       accuracy=0.90
            ├─ search "docs"        +1.0s      2.0s           ████████████████████      tool                                   !
            │  └─ chat.completion   +1.5s      1.4s                ██████████████       llm      gpt-4o          328  $0.0012
            └─ answer               +3.1s     300ms                               ████  general

            """)
    }

    @Test func headerShowsOnlyTheLinesThatHaveAValue() throws {
        let trace: JSONValue = ["id": .string(TraceFixtures.traceId), "project_id": "p1", "span_count": 0,
                                "llm_span_count": 0, "error_info": ["message": "boom"]]
        #expect(try TraceFixtures.view(trace, spans: [], width: 80) == """
            id:      0197a1b2-c3d0-7000-8000-00000000aaaa
            project: p1
            spans:   0
            error:   boom

            SPAN       ERR
            (no name)  !

            """)
    }

    @Test func headerNumbersReadAsInTheTraceList() throws {
        let trace: JSONValue = ["id": .string(TraceFixtures.traceId), "span_count": 1203, "llm_span_count": 3,
                                "duration": 61_500, "total_estimated_cost": .number("0.0024"),
                                "usage": ["total_tokens": .number("1203.0"), "prompt_tokens": 1100, "completion_tokens": 103]]
        let header = try TraceFixtures.view(trace, spans: [], width: 80)
        let list = Dictionary(uniqueKeysWithValues: Entity.trace.defaultColumns.map {
            ($0.header, $0.displayCell(trace, now: RenderFixtures.now).0)
        })
        #expect(list["SPANS"] == "1203 (3 llm)")
        #expect(list["TOKENS"] == "1203")
        for (label, column) in [("spans", "SPANS"), ("duration", "DURATION"), ("cost", "COST")] {
            let cell = try #require(list[column])
            #expect(header.contains("\(label): ") && header.contains(" \(cell)\n"))
        }
        // The header's token line says more than the column, with its numbers in the same form.
        #expect(header.contains(" 1203 (prompt 1100, completion 103)\n"))
    }

    @Test func missingParentsAndCyclesAreShownAndMarked() throws {
        let spans = [
            TraceFixtures.span(1, "lost child", parent: TraceFixtures.id(99), start: "2026-07-01T10:00:01Z"),
            TraceFixtures.span(2, "grandchild", parent: TraceFixtures.id(1), start: "2026-07-01T10:00:02Z"),
            TraceFixtures.span(3, "loop a", parent: TraceFixtures.id(4), start: "2026-07-01T10:00:00.5Z"),
            TraceFixtures.span(4, "loop b", parent: TraceFixtures.id(3), start: "2026-07-01T10:00:00.7Z"),
            TraceFixtures.span(5, "placeholder", start: "1970-01-01T00:00:00Z"),
        ]
        let text = try TraceFixtures.view(["id": .string(TraceFixtures.traceId), "name": "t"], spans: spans, width: 80)
        #expect(text == """
            name: t
            id:   0197a1b2-c3d0-7000-8000-00000000aaaa

            SPAN                                                     START
            t
            ├─ placeholder (incomplete)
            ├─ loop a (cycle)                                         +0ms
            │  └─ loop b (cycle)                                    +200ms
            └─ ⟨missing span 0197a1b2-0000-7000-8000-000000000099⟩
               └─ lost child                                        +500ms
                  └─ grandchild                                      +1.5s

            """)
    }

    @Test func theTimelineRunsFromTheEarliestStartToTheLatestMomentKnown() throws {
        let trace: JSONValue = ["id": .string(TraceFixtures.traceId), "name": "t",
                                "start_time": "2026-07-01T10:00:00Z", "end_time": "2026-07-01T10:00:01Z"]
        let spans = [
            TraceFixtures.span(1, "a", start: "2026-07-01T10:00:00Z", end: "2026-07-01T10:00:01Z"),
            TraceFixtures.span(2, "b", start: "2026-07-01T10:00:02Z"),
            TraceFixtures.span(3, "c", start: "2026-07-01T10:00:04Z"),
        ]
        // 120 columns: a 20-cell axis over 4 s, 5 cells a second.
        #expect(try TraceFixtures.view(trace, spans: spans, width: 120).hasSuffix("""
            SPAN  START  DURATION  TIMELINE
            t                1.0s  █████
            ├─ a   +0ms      1.0s  █████
            ├─ b  +2.0s                      █
            └─ c  +4.0s                               █

            """))
    }

    @Test func warningsNameMissingParentsCountsCyclesDuplicatesAndPlaceholders() {
        let spans = [
            TraceFixtures.span(1, "a", parent: TraceFixtures.id(98)),
            TraceFixtures.span(2, "b", parent: TraceFixtures.id(99)),
            TraceFixtures.span(3, "c", parent: TraceFixtures.id(99)),
            TraceFixtures.span(4, "d", parent: TraceFixtures.id(4), start: "2026-07-01T10:00:00Z"),
            TraceFixtures.span(4, "d", parent: TraceFixtures.id(4), start: "2026-07-01T10:00:00Z"),
        ]
        let tree = SpanTree(traceId: TraceFixtures.traceId, spans: spans)
        #expect(TraceView.warnings(trace: TraceFixtures.trace, tree: tree) == [
            "3 spans have a missing parent (0197a1b2-0000-7000-8000-000000000098, "
                + "0197a1b2-0000-7000-8000-000000000099): shown under \"missing span\"",
            "the trace reports 5 spans; 4 were fetched",
            "1 span is its own ancestor (0197a1b2-0000-7000-8000-000000000004): shown under the trace, marked (cycle)",
            "1 duplicate span dropped (the latest update of each id is shown)",
            "3 spans have no start time: shown first, marked (incomplete)",
        ])
        let whole = SpanTree(traceId: TraceFixtures.traceId, spans: TraceFixtures.spans)
        #expect(TraceView.warnings(trace: TraceFixtures.trace, tree: whole).isEmpty)
    }

    @Test(arguments: [40, 60, 80, 100, 120, 160, 200])
    func everyLineFitsTheWidth(width: Int) throws {
        var spans = TraceFixtures.spans
        spans.append(TraceFixtures.span(
            6, "汉字汉字汉字汉字 a very long span name that goes on and on 🚀🚀", parent: TraceFixtures.id(4),
            start: "2026-07-01T10:00:02Z", extra: [("model", "a-model-name-that-is-rather-long"),
                                                   ("feedback_scores", [["name": "a-long-score-name", "value": .number("0.123456")]])]))
        spans.append(TraceFixtures.span(7, "orphan", parent: TraceFixtures.id(42)))
        let trace = TraceFixtures.trace
            .setting("name", to: .string(String(repeating: "long trace name ", count: 20)))
            .setting("input", to: .string(String(repeating: "x", count: 500) + "\nsecond\nthird\nfourth\nfifth"))
        let text = try TraceFixtures.view(trace, spans: spans, width: width)
        for line in text.split(separator: "\n") {
            #expect(DisplayWidth.of(String(line)) <= width, "\(line)")
            #expect(!line.hasSuffix(" "))
        }
        #expect(text.contains("…"))
    }

    @Test func previewsAreCutToAFewLinesWithANote() throws {
        let trace: JSONValue = ["id": "t", "input": .string("one\ntwo\nthree\nfour\nfive\nsix"),
                                "output": .string(String(repeating: "y", count: 100))]
        let text = try TraceFixtures.view(trace, spans: [], width: 40)
        #expect(text.contains("""
            INPUT
              one
              two
              three
              four
              … (--format json shows it whole)

            OUTPUT
              yyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyy…
              … (--format json shows it whole)

            """))
    }

    @Test func namesAreCleanedAndColourIsOnlyUsedWhenAsked() throws {
        let spans = [TraceFixtures.span(1, "evil\u{1B}[31mname\u{7}", start: "2026-07-01T10:00:00Z")]
        let plain = try TraceFixtures.view(spans: spans, width: 80)
        #expect(!plain.contains("\u{1B}"))
        #expect(plain.contains("└─ evil [31mname "))
        let (stream, memory) = OutputStream.memory()
        try TraceView.write(
            trace: TraceFixtures.trace, tree: SpanTree(traceId: TraceFixtures.traceId, spans: TraceFixtures.spans),
            projectName: nil, to: stream, useColor: true, width: 200, now: RenderFixtures.now)
        #expect(memory.text.contains("\u{1B}[1mSPAN\u{1B}[0m"))
        #expect(memory.text.contains("\u{1B}[31m!\u{1B}[0m"))
    }
}
