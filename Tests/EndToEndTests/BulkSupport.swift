import Foundation
import OpikCore
import OpikTestServer
import OpikTestSupport

/// Helpers for end-to-end runs of the bulk commands against the in-process test server.
enum BulkSupport {
    /// `count` NDJSON span records without ids, one millisecond apart.
    static func spans(_ count: Int, name: String = "step") -> String {
        (0..<count).map { i in
            let seconds = String(format: "%02d.%03d", i / 1000 % 60, i % 1000)
            return #"{"name":"\#(name) \#(i)","type":"tool","start_time":"2026-07-01T10:\#(String(format: "%02d", i / 60000)):\#(seconds)Z","input":{"n":\#(i)}}"#
        }.joined(separator: "\n") + "\n"
    }

    /// Span ids stored in `project`, each as many times as the server holds it.
    static func storedIds(_ server: OpikTestServer, project: String) -> [String] {
        server.spans(project: project).compactMap { $0["id"]?.stringValue }
    }

    /// Requests to the span batch endpoint so far.
    static func batchRequests(_ server: OpikTestServer) -> [RecordedRequest] {
        server.requests.filter { $0.path == "/v1/private/spans/batch" }
    }
}
