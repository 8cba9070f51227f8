import Foundation
import OpikCore

/// Spans and a clock shared by the renderer tests.
enum RenderFixtures {
    /// 2026-07-01T10:05:00Z.
    static let now = TimeParser.instant("2026-07-01T10:05:00Z")!

    /// The LLM span as the server sent it (one line).
    static let llmSpanText = """
        {"id":"0197a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b","project_id":"0197a000-0000-7000-8000-000000000001",\
        "trace_id":"0197a1b2-c3d0-7000-8000-00000000aaaa","name":"chat.completion","type":"llm",\
        "start_time":"2026-07-01T10:02:00.123456Z","end_time":"2026-07-01T10:02:00.935956Z",\
        "input":{"messages":[{"role":"user","content":"Hi"}]},"output":{"text":"Hello"},\
        "model":"gpt-4o-mini","provider":"openai",\
        "usage":{"prompt_tokens":300,"completion_tokens":12,"total_tokens":312},\
        "total_estimated_cost":0.0012345,"duration":812.5,\
        "feedback_scores":[{"name":"accuracy","value":0.90,"source":"sdk","reason":"close enough"},\
        {"name":"relevance","value":1,"source":"ui"}]}
        """
    static let llmSpan = try! JSONParser.parse(llmSpanText)

    static let toolSpan = try! JSONParser.parse(
        """
        {"id":"0197a1b2-c3d4-7e5f-8a9b-0c1d9a8b7c6d","project_id":"0197a000-0000-7000-8000-000000000001",\
        "trace_id":"0197a1b2-c3d0-7000-8000-00000000aaaa","parent_span_id":"0197a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b",\
        "name":"search \\"docs\\", web","type":"tool","start_time":"2026-07-01T08:00:00Z",\
        "input":"line one\\n\\tline two","duration":2400,\
        "error_info":{"exception_type":"TimeoutError","message":"took too long","traceback":"at search()"}}
        """)

    static let spans = [llmSpan, toolSpan]

    /// What `format` prints for `records` with the given settings.
    static func render(
        _ records: [JSONValue], format: OutputFormat, fields: String? = nil, isTerminal: Bool = false,
        useColor: Bool = false, width: Int = 120, footer: String? = nil
    ) throws -> String {
        let (stream, memory) = OutputStream.memory()
        let selection = try fields.map { try FieldSelection.parse($0) }
        let writer = Renderer.makeWriter(
            format: format, fields: selection, stdout: stream, isTerminal: isTerminal,
            useColor: useColor, width: width, now: now, entity: .span)
        try writer.begin()
        for record in records {
            try writer.write(record)
            try writer.flushIfNeeded()
        }
        try writer.end(footer: footer)
        return memory.text
    }
}
