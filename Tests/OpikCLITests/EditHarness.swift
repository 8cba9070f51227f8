import Foundation
import OpikCLI
import OpikCore
import OpikTestSupport

/// Fixtures of the edit command tests, and runs that answer confirmation questions.
enum EditHarness {
    /// Ids used across the edit command tests.
    static let span = "0190b5d2-7c1e-7a3b-8f00-000000000002"
    static let otherSpan = "0190b5d2-7c1e-7a3b-8f00-000000000003"
    static let unknownSpan = "0190b5d2-7c1e-7a3b-8f00-000000000009"
    static let parent = "0190b5d2-7c1e-7a3b-8f00-000000000001"
    static let trace = "0190b5d2-7c1e-7a3b-8f00-0000000000aa"
    static let otherTrace = "0190b5d2-7c1e-7a3b-8f00-0000000000bb"
    static let thirdTrace = "0190b5d2-7c1e-7a3b-8f00-0000000000cc"
    static let fourthTrace = "0190b5d2-7c1e-7a3b-8f00-0000000000dd"
    static let projectId = "0190b5d2-0000-7000-8000-000000000001"
    static let otherProject = "0190b5d2-0000-7000-8000-000000000002"
    static let comment = "0190b5d2-7c1e-7a3b-8f00-00000000c001"

    /// `GET /spans/{id}` of a child span of `trace` in project "my app".
    static func spanJSON(_ id: String = span, parent: String? = parent, trace: String = trace, project: String = "my app") -> String {
        let parentMember = parent.map { #""parent_span_id":"\#($0)","# } ?? ""
        return #"{"id":"\#(id)","project_id":"\#(projectId)","project_name":"\#(project)","trace_id":"\#(trace)",\#(parentMember)"name":"llm_call","type":"llm","start_time":"2026-07-01T11:57:00Z","tags":["draft"]}"#
    }

    /// `GET /traces/{id}` of a trace: its project by id only, `spans` nil leaves out span_count,
    /// `extra` holds more members (such as `"input":{}`).
    static func traceJSON(
        _ id: String = trace, name: String = "rag", spans: Int? = 3, project: String = projectId, extra: String = ""
    ) -> String {
        let more = (extra.isEmpty ? "" : "," + extra) + (spans.map { #","span_count":\#($0)"# } ?? "")
        return #"{"id":"\#(id)","project_id":"\#(project)","name":"\#(name)"\#(more)}"#
    }

    /// Answers `GET /traces/{id}` with `traceJSON`.
    static func stubTrace(
        _ transport: FakeTransport, _ id: String = trace, name: String = "rag", spans: Int? = 3, project: String = projectId,
        extra: String = ""
    ) {
        transport.stub("GET", "/api/v1/private/traces/\(id)", body: traceJSON(id, name: name, spans: spans, project: project, extra: extra))
    }

    /// Answers `GET /traces/{id}` as the server does for a trace it does not hold.
    static func stubUnknownTrace(_ transport: FakeTransport, _ id: String) {
        transport.stub("GET", "/api/v1/private/traces/\(id)", status: 404, body: #"{"code":404,"message":"Trace id: x not found"}"#)
    }

    /// What the questions asked on stderr were answered with; nil means end of input.
    final class Answers: @unchecked Sendable {
        var lines: [String?]
        var asked = 0
        init(_ lines: [String?]) { self.lines = lines }
        func next() -> String? {
            asked += 1
            return lines.isEmpty ? nil : lines.removeFirst()
        }
    }

    static func run(
        _ arguments: [String], transport: HTTPTransport, stdin: String = "",
        stdinIsTerminal: Bool = false, answers: Answers = Answers([]), stderrIsTerminal: Bool = false
    ) -> RunResult {
        CLIHarness.run(arguments, transport: transport, stdin: stdin, stderrIsTerminal: stderrIsTerminal,
                       stdinIsTerminal: stdinIsTerminal, readLine: { answers.next() })
    }
}

extension HTTPRequest {
    /// The body as compact JSON text (key order kept), "" without a body.
    var bodyText: String {
        guard let body, let json = try? JSONParser.parse(bytes: body) else { return "" }
        return JSONWriter.compact(json)
    }

    /// `METHOD /path` without scheme, host and query.
    var line: String { "\(method) \(FakeTransport.path(of: url))" }
}
