import Foundation
import OpikCore
import Testing

@Suite struct RenderDetailTests {
    func detail(_ span: JSONValue, useColor: Bool = false, width: Int = 80) throws -> String {
        let (stream, memory) = OutputStream.memory()
        try Renderer.writeDetail(span, to: stream, useColor: useColor, width: width, now: RenderFixtures.now)
        return memory.text
    }

    @Test func detailShowsFieldsThenSectionsThenScores() throws {
        let span = RenderFixtures.llmSpan
            .setting("project_name", to: "my-app")
            .setting("tags", to: ["prod", "v2"])
            .setting("metadata", to: ["temperature": .number("0.2")])
            .setting("comments", to: [
                ["id": "0197a1b2-0000-7000-8000-00000000c001", "text": "looks right\nsecond line",
                 "created_at": "2026-07-01T10:04:00Z", "created_by": "ana"],
            ])
        #expect(
            try detail(span, width: 30) == """
                id:       0197a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b
                name:     chat.completion
                type:     llm
                trace_id: 0197a1b2-c3d0-7000-8000-00000000aaaa
                project:  my-app
                start:    2026-07-01T10:02:00.123456Z (2m ago)
                end:      2026-07-01T10:02:00.935956Z (2m ago)
                duration: 813ms
                model:    gpt-4o-mini
                provider: openai
                usage:    prompt_tokens=300 completion_tokens=12 total_tokens=312
                cost:     $0.0012
                tags:     prod, v2

                INPUT
                  {
                    "messages": [
                      {
                        "role": "user",
                        "content": "Hi"
                      }
                    ]
                  }

                OUTPUT
                  {
                    "text": "Hello"
                  }

                METADATA
                  {
                    "temperature": 0.2
                  }

                SCORES
                  accuracy   0.90  close enou…
                  relevance  1

                COMMENTS
                  0197a1b2-0000-7000-8000-00000000c001  ana  1m ago
                    looks right
                    second line

                """)
    }

    @Test func detailPrintsStringsAsIsAndTheError() throws {
        #expect(
            try detail(RenderFixtures.toolSpan) == """
                id:             0197a1b2-c3d4-7e5f-8a9b-0c1d9a8b7c6d
                name:           search "docs", web
                type:           tool
                trace_id:       0197a1b2-c3d0-7000-8000-00000000aaaa
                parent_span_id: 0197a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b
                project:        0197a000-0000-7000-8000-000000000001
                start:          2026-07-01T08:00:00Z (2h ago)
                duration:       2.4s
                error:          TimeoutError: took too long

                ERROR
                  at search()

                INPUT
                  line one
                      line two

                """)
    }

    @Test func detailInColourAndWithoutTerminalEscapesFromData() throws {
        let span: JSONValue = [
            "id": "s1", "type": "llm", "name": "evil\u{1B}[2Jname",
            "start_time": "2026-07-01T10:04:00Z", "error_info": ["message": "boom"], "input": "x",
        ]
        let bold = "\u{1B}[1m", dim = "\u{1B}[2m", red = "\u{1B}[31m", green = "\u{1B}[32m", reset = "\u{1B}[0m"
        #expect(
            try detail(span, useColor: true) == """
                id:    s1
                name:  evil [2Jname
                type:  \(green)llm\(reset)
                start: 2026-07-01T10:04:00Z \(dim)(1m ago)\(reset)
                error: \(red)boom\(reset)

                \(bold)INPUT\(reset)
                  x

                """)
    }
}
