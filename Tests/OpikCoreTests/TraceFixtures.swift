import Foundation
import OpikCore

/// A trace with five spans in two levels, and helpers to make spans, for the trace view tests.
enum TraceFixtures {
    static let traceId = "0197a1b2-c3d0-7000-8000-00000000aaaa"

    static let trace = try! JSONParser.parse(
        """
        {"id":"\(traceId)","project_id":"0197a000-0000-7000-8000-000000000001","name":"agent run",\
        "start_time":"2026-07-01T10:00:00Z","end_time":"2026-07-01T10:00:03.5Z",\
        "input":{"question":"What is Opik?"},"output":{"answer":"An LLM observability platform."},\
        "metadata":{"providers":["openai"]},"tags":["prod","v2"],"thread_id":"chat-42",\
        "feedback_scores":[{"name":"helpful","value":1,"source":"ui"}],\
        "span_feedback_scores":[{"name":"accuracy","value":0.8333333333,"source":"sdk"}],\
        "duration":3500.0,"usage":{"prompt_tokens":600,"completion_tokens":40,"total_tokens":640},\
        "total_estimated_cost":0.0024,"span_count":5,"llm_span_count":2,"has_tool_spans":true,\
        "providers":["openai"]}
        """)

    /// `…000N`: short ids that differ in the last digits.
    static func id(_ n: Int) -> String {
        let digits = String(n)
        return "0197a1b2-0000-7000-8000-" + String(repeating: "0", count: 12 - digits.count) + digits
    }

    /// A span of the trace with the given fields.
    static func span(
        _ n: Int, _ name: String, parent: String? = nil, start: String? = nil, end: String? = nil,
        extra: [(String, JSONValue)] = []
    ) -> JSONValue {
        var members: [(String, JSONValue)] = [("id", .string(id(n))), ("trace_id", .string(traceId)), ("name", .string(name))]
        if let parent { members.append(("parent_span_id", .string(parent))) }
        if let start { members.append(("start_time", .string(start))) }
        if let end { members.append(("end_time", .string(end))) }
        return .object(members + extra)
    }

    /// Five spans, given newest first as the server lists them.
    static let spans: [JSONValue] = [
        span(5, "answer", parent: traceId, start: "2026-07-01T10:00:03.1Z", end: "2026-07-01T10:00:03.4Z",
             extra: [("type", "general"), ("duration", .number("300.0"))]),
        span(4, "chat.completion", parent: id(3), start: "2026-07-01T10:00:01.5Z", end: "2026-07-01T10:00:02.9Z",
             extra: [("type", "llm"), ("model", "gpt-4o"), ("duration", .number("1400.0")),
                     ("usage", ["total_tokens": 328]), ("total_estimated_cost", .number("0.0012"))]),
        span(3, "search \"docs\"", start: "2026-07-01T10:00:01Z", end: "2026-07-01T10:00:03Z",
             extra: [("type", "tool"), ("duration", .number("2000.0")),
                     ("error_info", ["exception_type": "TimeoutError", "message": "took too long"])]),
        span(2, "chat.completion", parent: id(1), start: "2026-07-01T10:00:00.2Z", end: "2026-07-01T10:00:00.8Z",
             extra: [("type", "llm"), ("model", "gpt-4o-mini"), ("duration", .number("600.0")),
                     ("usage", ["total_tokens": 312]), ("total_estimated_cost", .number("0.0012")),
                     ("feedback_scores", [["name": "accuracy", "value": .number("0.90")]])]),
        span(1, "plan", start: "2026-07-01T10:00:00.1Z", end: "2026-07-01T10:00:00.9Z",
             extra: [("type", "general"), ("duration", .number("800.0"))]),
    ]

    /// What the trace view prints for `trace` and `spans`, colour off, at 10:05.
    static func view(_ trace: JSONValue = trace, spans: [JSONValue] = spans, projectName: String? = nil, width: Int) throws -> String {
        let (stream, memory) = OutputStream.memory()
        try TraceView.write(
            trace: trace, tree: SpanTree(traceId: traceId, spans: spans), projectName: projectName, to: stream,
            useColor: false, width: width, now: RenderFixtures.now)
        return memory.text
    }
}
