import Foundation
import OpikCore
import Testing

@Suite struct RenderFormatTests {
    let spans = RenderFixtures.spans

    @Test func jsonArrayKeepsKeyOrderAndExactNumbers() throws {
        let text = try RenderFixtures.render([RenderFixtures.toolSpan, RenderFixtures.toolSpan], format: .json)
        let element = """
              {
                "id": "0197a1b2-c3d4-7e5f-8a9b-0c1d9a8b7c6d",
                "project_id": "0197a000-0000-7000-8000-000000000001",
                "trace_id": "0197a1b2-c3d0-7000-8000-00000000aaaa",
                "parent_span_id": "0197a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b",
                "name": "search \\"docs\\", web",
                "type": "tool",
                "start_time": "2026-07-01T08:00:00Z",
                "input": "line one\\n\\tline two",
                "duration": 2400,
                "error_info": {
                  "exception_type": "TimeoutError",
                  "message": "took too long",
                  "traceback": "at search()"
                }
              }
            """
        #expect(text == "[\n" + element + ",\n" + element + "\n]\n")
    }

    @Test func jsonWithFieldsRebuildsNestedKeys() throws {
        let text = try RenderFixtures.render(
            spans, format: .json, fields: "id,usage.total_tokens,feedback_scores.accuracy,name")
        #expect(
            text == """
                [
                  {
                    "id": "0197a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b",
                    "usage": {
                      "total_tokens": 312
                    },
                    "feedback_scores": {
                      "accuracy": 0.90
                    },
                    "name": "chat.completion"
                  },
                  {
                    "id": "0197a1b2-c3d4-7e5f-8a9b-0c1d9a8b7c6d",
                    "name": "search \\"docs\\", web"
                  }
                ]

                """)
    }

    @Test func ndjsonPrintsOneCompactObjectPerLine() throws {
        let text = try RenderFixtures.render(spans, format: .ndjson, fields: "name,usage,total_estimated_cost")
        #expect(
            text == """
                {"name":"chat.completion","usage":{"prompt_tokens":300,"completion_tokens":12,"total_tokens":312},"total_estimated_cost":0.0012345}
                {"name":"search \\"docs\\", web"}

                """)
        let whole = try RenderFixtures.render([RenderFixtures.llmSpan], format: .ndjson)
        // A whole span goes out byte for byte as received: key order and number text kept.
        #expect(whole == RenderFixtures.llmSpanText + "\n")
    }

    @Test func csvQuotesAndUsesCRLF() throws {
        let text = try RenderFixtures.render(spans, format: .csv)
        let rows = [
            "id,name,type,start_time,duration,model,usage.total_tokens,total_estimated_cost,feedback_scores,error",
            "0197a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b,chat.completion,llm,2026-07-01T10:02:00.123456Z,812.5,"
                + "gpt-4o-mini,312,0.0012345,accuracy=0.90 relevance=1,",
            "0197a1b2-c3d4-7e5f-8a9b-0c1d9a8b7c6d,\"search \"\"docs\"\", web\",tool,2026-07-01T08:00:00Z,2400,,,,,!",
        ]
        #expect(text == rows.map { $0 + "\r\n" }.joined())
    }

    @Test func csvWithFieldsPutsNestedValuesAsCompactJSON() throws {
        let text = try RenderFixtures.render(spans, format: .csv, fields: "name,input,feedback_scores.relevance")
        let rows = [
            "name,input,feedback_scores.relevance",
            "chat.completion,\"{\"\"messages\"\":[{\"\"role\"\":\"\"user\"\",\"\"content\"\":\"\"Hi\"\"}]}\",1",
            "\"search \"\"docs\"\", web\",\"line one\n\tline two\",",
        ]
        #expect(text == rows.map { $0 + "\r\n" }.joined())
    }

    @Test func pipeTableIsTabSeparatedRawAndSingleLine() throws {
        let text = try RenderFixtures.render(spans, format: .table, footer: "page 1 of 1, 2 spans")
        let lines = [
            "0197a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b\tchat.completion\tllm\t2026-07-01T10:02:00.123456Z\t812.5\t"
                + "gpt-4o-mini\t312\t0.0012345\taccuracy=0.90 relevance=1\t",
            "0197a1b2-c3d4-7e5f-8a9b-0c1d9a8b7c6d\tsearch \"docs\", web\ttool\t2026-07-01T08:00:00Z\t2400\t\t\t\t\t!",
        ]
        #expect(text == lines.map { $0 + "\n" }.joined())
        let input = try RenderFixtures.render([RenderFixtures.toolSpan], format: .table, fields: "id,input")
        #expect(input == "0197a1b2-c3d4-7e5f-8a9b-0c1d9a8b7c6d\tline one  line two\n")
    }

    @Test func terminalTableAlignsAndHumanizes() throws {
        let text = try RenderFixtures.render(spans, format: .table, isTerminal: true, width: 160, footer: "page 1 of 1, 2 spans")
        #expect(
            text == """
                ID                                    NAME                TYPE  START   DURATION  MODEL        TOKENS     COST  SCORES                     ERR
                0197a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b  chat.completion     llm   2m ago     813ms  gpt-4o-mini     312  $0.0012  accuracy=0.90 relevance=1
                0197a1b2-c3d4-7e5f-8a9b-0c1d9a8b7c6d  search "docs", web  tool  2h ago      2.4s                                                           !

                page 1 of 1, 2 spans

                """)
    }

    @Test func terminalTableInColour() throws {
        let text = try RenderFixtures.render(
            [RenderFixtures.toolSpan], format: .table, fields: "id,type,error_info.exception_type",
            isTerminal: true, useColor: true, footer: "1 span")
        let bold = "\u{1B}[1m", dim = "\u{1B}[2m", yellow = "\u{1B}[33m", reset = "\u{1B}[0m"
        #expect(
            text == "\(bold)ID\(reset)                                    \(bold)TYPE\(reset)  "
                + "\(bold)ERROR_INFO.EXCEPTION_TYPE\(reset)\n"
                + "\(dim)0197a1b2-c3d4-7e5f-8a9b-0c1d9a8b7c6d\(reset)  \(yellow)tool\(reset)  TimeoutError\n"
                + "\n\(dim)1 span\(reset)\n")
        let marker = try RenderFixtures.render(spans, format: .table, isTerminal: true, useColor: true)
        #expect(marker.contains("\u{1B}[2m0197a1b2-c3d4-7e5f-8a9b-0c1d9a8b7c6d\u{1B}[0m"))
        #expect(marker.contains("\u{1B}[32mllm\u{1B}[0m"))
        #expect(marker.hasSuffix("\u{1B}[31m!\u{1B}[0m\n"))
    }

    @Test func terminalTableLeavesOutLowPriorityColumnsRatherThanCutEveryColumn() throws {
        let text = try RenderFixtures.render(spans, format: .table, isTerminal: true, width: 80)
        #expect(
            text == """
                ID                                    NAME                START   DURATION  ERR
                0197a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b  chat.completion     2m ago     813ms
                0197a1b2-c3d4-7e5f-8a9b-0c1d9a8b7c6d  search "docs", web  2h ago      2.4s  !

                """)
        for line in text.split(separator: "\n") { #expect(DisplayWidth.of(String(line)) <= 80) }
    }

    @Test func terminalTableCutsWidestTextColumnsFirstWhenNothingMayBeLeftOut() throws {
        // Columns chosen with --fields are never left out: free text is cut, numbers are not.
        let text = try RenderFixtures.render(spans, format: .table, fields: "name,model,duration,feedback_scores", isTerminal: true, width: 50)
        #expect(
            text == """
                NAME              MODEL       DURATION  FEEDBACK_…
                chat.completion   gpt-4o-mi…     813ms  accuracy=…
                search "docs", …                  2.4s

                """)
        for line in text.split(separator: "\n") { #expect(DisplayWidth.of(String(line)) <= 50) }
    }

    @Test func aStreamingTableShowsItsHeaderAndEachRowAtTheFlush() throws {
        let (stream, memory) = OutputStream.memory()
        let writer = Renderer.makeWriter(
            format: .table, fields: nil, stdout: stream, isTerminal: true, useColor: false, width: 200,
            now: RenderFixtures.now, streaming: true, entity: .span)
        try writer.begin()
        try writer.flushIfNeeded()
        #expect(memory.text.hasPrefix("ID                                    NAME"))
        #expect(memory.text.split(separator: "\n").count == 1)
        try writer.write(RenderFixtures.llmSpan)
        try writer.flushIfNeeded()
        let lines = memory.text.split(separator: "\n")
        #expect(lines.count == 2)
        #expect(lines[1].hasPrefix("0197a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b  chat.completion"))
        // The widths hold for later rows: columns line up under the header.
        try writer.write(RenderFixtures.toolSpan)
        try writer.end(footer: nil)
        let all = memory.text.split(separator: "\n").map(String.init)
        #expect(all.count == 3)
        #expect(all[2].hasPrefix("0197a1b2-c3d4-7e5f-8a9b-0c1d9a8b7c6d  search"))
        let start = all[0].range(of: "START")!.lowerBound.utf16Offset(in: all[0])
        #expect(all[1].utf16.count > start && all[2].utf16.count > start)
    }

    @Test func terminalTableCountsWideCharactersAsTwoColumns() throws {
        let spans: [JSONValue] = [
            ["name": "检索文档和网页结果", "model": "m"],
            ["name": "🔍 search", "model": "m"],
        ]
        let text = try RenderFixtures.render(spans, format: .table, fields: "name,model", isTerminal: true, width: 13)
        #expect(
            text == """
                NAME    MODEL
                检索…   m
                🔍 se…  m

                """)
    }

    @Test func terminalTableReusesWidthsAfterTheFirstBatch() throws {
        let short: JSONValue = ["name": "a", "model": "m"]
        let long: JSONValue = ["name": "a much longer name", "model": "m"]
        let records = Array(repeating: short, count: 200) + [long]
        let text = try RenderFixtures.render(records, format: .table, fields: "name,model", isTerminal: true)
        let lines = text.split(separator: "\n")
        #expect(lines.count == 202)
        #expect(lines[0] == "NAME  MODEL")
        #expect(lines[1] == "a     m")
        #expect(lines[201] == "a m…  m")
    }

    @Test(arguments: [
        (OutputFormat.json, false, "[]\n"),
        (OutputFormat.ndjson, false, ""),
        (OutputFormat.csv, false,
         "id,name,type,start_time,duration,model,usage.total_tokens,total_estimated_cost,feedback_scores,error\r\n"),
        (OutputFormat.table, false, ""),
        (OutputFormat.table, true, "no spans\n"),
    ])
    func emptyListPrintsItsMinimalForm(format: OutputFormat, isTerminal: Bool, expected: String) throws {
        let text = try RenderFixtures.render([], format: format, isTerminal: isTerminal, footer: "no spans")
        #expect(text == expected)
    }

    @Test(arguments: OutputFormat.allCases, [false, true])
    func closedOutputPropagates(format: OutputFormat, isTerminal: Bool) throws {
        let stream = OutputStream(capacity: 1) { _ in throw OutputClosed() }
        let writer = Renderer.makeWriter(
            format: format, fields: nil, stdout: stream, isTerminal: isTerminal,
            useColor: false, width: 80, now: RenderFixtures.now, entity: .span)
        #expect(throws: OutputClosed.self) {
            try writer.begin()
            try writer.write(RenderFixtures.llmSpan)
            try writer.flushIfNeeded()
            try writer.end(footer: "1 span")
        }
    }
}
