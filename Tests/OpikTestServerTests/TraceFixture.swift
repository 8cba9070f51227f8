import OpikCore
import OpikTestServer
import Testing

/// A server holding, in project `p`: trace `full` with two spans (an LLM root and a tool child,
/// two providers, usage and costs), trace `empty` with no spans, and spans of `rowless` (a trace
/// id without a row); in project `other`, one more span of `full` that no aggregate may count.
struct TraceFixture {
    static let full = traceID
    static let empty = spanID(100)
    static let rowless = spanID(200)

    let server: OpikTestServer
    let client: RawHTTPClient

    init() throws {
        server = try OpikTestServer.start()
        client = RawHTTPClient(port: server.port)
        let traces = [
            #"{"id":"\#(Self.full)","project_name":"p","name":"answer","start_time":"2026-07-01T10:00:00Z","end_time":"2026-07-01T10:00:02.5Z","#
                + #""input":{"q":"refund policy"},"metadata":{"user":"u1"},"tags":["prod"],"thread_id":"chat-1"}"#,
            #"{"id":"\#(Self.empty)","project_name":"p","name":"idle","start_time":"2026-07-01T11:00:00Z"}"#,
        ]
        let tracesWritten = client.send("POST", "/v1/private/traces/batch", body: #"{"traces":[\#(traces.joined(separator: ","))]}"#)
        try #require(tracesWritten.status == 204)
        let spans = [
            span(1, trace: Self.full, project: "p", #""type":"llm","provider":"openai","model":"gpt-4o","usage":{"prompt_tokens":10,"completion_tokens":5},"total_estimated_cost":0.001"#),
            span(2, trace: Self.full, project: "p", #""type":"tool","provider":"anthropic","parent_span_id":"\#(spanID(1))","usage":{"prompt_tokens":3},"total_estimated_cost":0.0005"#),
            span(3, trace: Self.full, project: "other", #""type":"llm","provider":"google_ai","usage":{"prompt_tokens":1000}"#),
            span(4, trace: Self.rowless, project: "p", #""type":"llm""#),
        ]
        let spansWritten = client.send("POST", "/v1/private/spans/batch", body: #"{"spans":[\#(spans.joined(separator: ","))]}"#)
        try #require(spansWritten.status == 204)
    }

    private func span(_ n: Int, trace: String, project: String, _ fields: String) -> String {
        #"{"id":"\#(spanID(n))","trace_id":"\#(trace)","project_name":"\#(project)","name":"s\#(n)","start_time":"2026-07-01T10:00:01Z",\#(fields)}"#
    }

    func get(_ target: String) -> RawResponse { client.send("GET", target) }

    /// The `content` of a list page, parsed.
    static func content(_ response: RawResponse) -> [JSONValue] { response.json?["content"]?.arrayValue ?? [] }
}

extension JSONValue {
    /// An array's item, nil past the end or on anything else.
    subscript(index: Int) -> JSONValue? {
        guard let items = arrayValue, items.indices.contains(index) else { return nil }
        return items[index]
    }
}
