import Foundation
import OpikCore
import OpikTestServer
import OpikTestSupport
import Testing

/// The built binary creating and updating traces on the loopback test server, and creating
/// the traces of new spans. Needs `swift build` first.
@Suite(.serialized) struct TraceWriteEndToEndTests {
    @Test func aSpanFromFlagsIsVisibleInItsTrace() throws {
        let server = try OpikTestServer.start()
        defer { server.stop() }
        let created = try server.opik(["spans", "create", "-p", "e2e", "--name", "answer", "--input", #"{"q":"hi"}"#,
                                                   "--format", "json"])
        #expect(created.status == 0)
        let traceId = try #require(try JSONParser.parse(created.stdout)["trace_id"]?.stringValue)
        let trace = try server.opik(["traces", "get", traceId, "--format", "json"])
        #expect(trace.status == 0, "\(trace.stderr)")
        let shown = try JSONParser.parse(trace.stdout)
        #expect(shown["name"] == "answer")
        #expect(shown["input"] == ["q": "hi"])
        #expect(shown["span_count"] == 1)
    }

    @Test func aRerunOfSpansCreateKeepsTheTracesItCreatedAsUpdatedSince() throws {
        let server = try OpikTestServer.start()
        defer { server.stop() }
        let file = BinaryRunner.temporaryDirectory() + "/spans.ndjson"
        try BulkSupport.spans(3).write(toFile: file, atomically: true, encoding: .utf8)
        let first = try server.opik(["spans", "create", "-p", "runs", "--file", file, "--format", "ndjson"])
        #expect(first.status == 0)
        #expect(first.stderr.hasPrefix("opik: created 3 spans in 1 batch and 3 traces ("))
        let traceIds = NDJSON.values(first.stdout, field: "trace_id")
        #expect(traceIds.count == 3)
        #expect(Set(server.traces(project: "runs").compactMap { $0["id"]?.stringValue }) == Set(traceIds))
        let renamed = try server.opik(["traces", "update", traceIds[0], "--name", "reviewed run", "--add-tag", "ok"])
        #expect(renamed.status == 0, "\(renamed.stderr)")
        let again = try server.opik(["spans", "create", "-p", "runs", "--file", file, "--format", "ndjson"])
        #expect(again.status == 0)
        #expect(again.stdout == first.stdout)
        #expect(again.stderr.hasPrefix("opik: created 3 spans in 1 batch and 0 traces ("))
        let trace = try #require(server.traces(project: "runs").first { $0["id"]?.stringValue == traceIds[0] })
        #expect(trace["name"] == "reviewed run")
        #expect(trace["tags"] == ["ok"])
        #expect(server.traces(project: "runs").count == 3)
    }

    @Test func tracesFromAFileAreCreatedOnceAndAnUnknownIdIsNeverUpdated() throws {
        let server = try OpikTestServer.start()
        defer { server.stop() }
        let input = (0..<5).map { #"{"name":"run \#($0)","thread_id":"t","start_time":"2026-07-01T10:00:0\#($0)Z"}"# }.joined(separator: "\n")
        let first = try server.opik(["traces", "create", "-p", "threads", "--file", "-"], stdin: input)
        #expect(first.status == 0, "\(first.stderr)")
        let again = try server.opik(["traces", "create", "-p", "threads", "--file", "-"], stdin: input)
        #expect(again.stdout == first.stdout)
        #expect(server.traces(project: "threads").count == 5)
        let unknown = "0190b5d2-7c1e-7a3b-8f00-0000000000cc"
        let ids = first.stdout.split(separator: "\n").map(String.init)
        let update = try server.opik(["traces", "update", ids[0], unknown, "--thread-id", "u"])
        #expect(update.status == 3)
        #expect(update.stderr == "opik: error: trace \(unknown) not found; not updated\n")
        // The unknown id is never sent (no placeholder is stored); the trace that exists changes.
        #expect(server.traces(project: "threads").filter { $0["thread_id"] == "u" }.compactMap { $0["id"]?.stringValue } == [ids[0]])
        #expect(server.requests.filter { $0.method == "PATCH" }.allSatisfy { !$0.path.contains(unknown) && !String(decoding: $0.body, as: UTF8.self).contains(unknown) })
    }
}
