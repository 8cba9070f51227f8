import OpikCore
import OpikTestServer
import OpikTestSupport
import Testing

/// The sample data: spans grouped into trace rows with the shapes a tree view must handle.
@Suite struct SampleTraceTests {
    /// Depth of each span (root spans 0) by id, following parents within the trace.
    static func depths(_ spans: [JSONValue]) -> [String: Int] {
        let parents = Dictionary(uniqueKeysWithValues: spans.compactMap { span in
            span["id"]?.stringValue.map { ($0, span["parent_span_id"]?.stringValue) }
        })
        var depths: [String: Int] = [:]
        for id in parents.keys {
            var depth = 0
            var current = parents[id] ?? nil
            while let parent = current, let next = parents[parent], depth < 10_000 {
                depth += 1
                current = next
            }
            depths[id] = depth
        }
        return depths
    }

    @Test func theDefaultSeedHasShapedTreesThreadsScoresAnErrorAndAHiddenTrace() throws {
        let server = try OpikTestServer.start()
        defer { server.stop() }
        server.seed(project: "demo", count: 200)
        let traces = server.traces(project: "demo")
        let spans = server.spans(project: "demo")
        #expect(spans.count == 200)
        let traceIDs = Set(traces.compactMap { $0["id"]?.stringValue })
        #expect(Set(spans.compactMap { $0["trace_id"]?.stringValue }) == traceIDs)
        let byTrace = Dictionary(grouping: spans) { $0["trace_id"]?.stringValue ?? "" }
        let depth = byTrace.values.map { Self.depths($0).values.max() ?? 0 }.max() ?? 0
        #expect(depth >= 4)
        let widest = spans.reduce(into: [String: Int]()) { counts, span in
            if let parent = span["parent_span_id"]?.stringValue { counts[parent, default: 0] += 1 }
        }.values.max() ?? 0
        #expect(widest >= 8)
        let ids = Set(spans.compactMap { $0["id"]?.stringValue })
        let orphans = spans.filter { span in span["parent_span_id"]?.stringValue.map { !ids.contains($0) } ?? false }
        #expect(orphans.count == 2)
        #expect(Set(orphans.compactMap { $0["trace_id"]?.stringValue }).count == 1)
        let threads = Dictionary(grouping: traces.compactMap { $0["thread_id"]?.stringValue }) { $0 }
        #expect(threads.count >= 2)
        #expect(threads.values.filter { $0.count >= 3 }.count >= 2)
        #expect(traces.count { $0["error_info"] != nil } == 1)
        #expect(traces.count { $0["visibility_mode"] == "hidden" } == 1)
        #expect(traces.contains { $0["feedback_scores"] != nil })
        #expect(traces.contains { $0["span_feedback_scores"] != nil })
        #expect(traces.allSatisfy { $0["span_count"]?.doubleValue ?? 0 >= 1 })
    }

    @Test func theSampleIsTheSameEveryRun() throws {
        let one = try OpikTestServer.start()
        let two = try OpikTestServer.start()
        defer {
            one.stop()
            two.stop()
        }
        one.seed(project: "demo", count: 200)
        two.seed(project: "demo", count: 200)
        // Everything but the project's id, which each server makes afresh.
        func data(_ server: OpikTestServer) -> String {
            JSONWriter.compact(.array(server.traces(project: "demo").map { .object(($0.objectMembers ?? []).filter { $0.0 != "project_id" }) }))
        }
        let first = data(one)
        #expect(first.count > 10_000)
        #expect(first == data(two))
    }

    @Test func benchmarkTracesAndTheBigTreeComeBeforeTheSample() throws {
        let server = try OpikTestServer.start()
        defer { server.stop() }
        server.seed(project: "bench", count: 10, traces: 3000, treeSpans: 500)
        let traces = server.traces(project: "bench")
        let sampleTraces = traces.count - 3000 - 1
        #expect(sampleTraces >= 2)
        #expect(traces.prefix(sampleTraces).allSatisfy { !($0["name"]?.stringValue ?? "").hasPrefix("bulk_trace") })
        // Newest first: the sample, then the big tree, then the small traces.
        let tree = traces[sampleTraces]
        #expect(tree["name"] == "big-tree")
        #expect(traces.suffix(3000).allSatisfy { ($0["name"]?.stringValue ?? "").hasPrefix("bulk_trace") })
        #expect(tree["span_count"] == 500)
        let treeSpans = server.spans(project: "bench").filter { $0["trace_id"] == tree["id"] }
        #expect(Self.depths(treeSpans).values.max() ?? 0 >= 20)
        let bulk = traces.filter { ($0["name"]?.stringValue ?? "").hasPrefix("bulk_trace") }
        #expect(Set(bulk.compactMap { $0["span_count"]?.doubleValue }) == [0, 1, 2])
        let client = RawHTTPClient(port: server.port)
        #expect(client.send("GET", "/v1/private/traces?project_name=bench&size=1").json?["total"] == .int(traces.count))
    }

    @Test func theTimeWindowAndVisibilityFilterSelectSampleTraces() throws {
        let server = try OpikTestServer.start()
        defer { server.stop() }
        server.seed(project: "demo", count: 200)
        let client = RawHTTPClient(port: server.port)
        let all = server.traces(project: "demo")
        let middle = try #require(all[all.count / 2]["start_time"]?.stringValue)
        let newer = client.send("GET", "/v1/private/traces?project_name=demo&size=1000&from_time=\(encoded(middle))").json?["total"]
        #expect(newer == .int(all.count / 2 + 1))
        let backwards = client.send("GET", "/v1/private/traces?project_name=demo&from_time=2026-07-02T00:00:00Z&to_time=2026-07-01T00:00:00Z")
        #expect(backwards.text == #"{"code":400,"message":"Parameter 'from_time' must be before 'to_time'"}"#)
        let hidden = #"[{"field":"visibility_mode","operator":"=","value":"hidden"}]"#
        let stream = client.send("POST", "/v1/private/traces/search", body: #"{"project_name":"demo","filters":\#(hidden)}"#)
        #expect(NDJSON.values(stream.text) == all.filter { $0["visibility_mode"] == "hidden" }.compactMap { $0["id"]?.stringValue })
        #expect(NDJSON.values(stream.text).count == 1)
    }
}
