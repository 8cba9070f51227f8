import OpikCore
import OpikTestServer
import OpikTestSupport
import Testing

/// How traces read: span aggregates of the same project, exclude, stats, filters, sorting and
/// search text (see docs/SERVER.md#read-time-aggregates and the trace sections around it).
@Suite struct TraceReadTests {
    typealias F = TraceFixture

    @Test func aggregatesCountOnlySpansOfTheTracesProject() throws {
        let f = try F()
        defer { f.server.stop() }
        let trace = try #require(f.get("/v1/private/traces/\(F.full)").json)
        #expect(trace["span_count"] == 2)
        #expect(trace["llm_span_count"] == 1)
        #expect(trace["has_tool_spans"] == true)
        #expect(trace["providers"] == ["anthropic", "openai"])
        #expect(trace["usage"] == .object([("completion_tokens", 5), ("prompt_tokens", 13)]))
        #expect(trace["total_estimated_cost"] == .number("0.001500000000"))
        #expect(trace["metadata"] == .object([("providers", ["anthropic", "openai"]), ("user", "u1")]))
        #expect(trace["duration"] == .number("2500.0"))
        #expect(trace["project_name"] == nil)
        #expect(trace["visibility_mode"] == "default")
        #expect(trace["thread_id"] == "chat-1")
        let empty = try #require(f.get("/v1/private/traces/\(F.empty)").json)
        #expect(empty["span_count"] == 0)
        #expect(empty["llm_span_count"] == 0)
        #expect(empty["has_tool_spans"] == false)
        for absent in ["total_estimated_cost", "usage", "providers", "metadata", "duration"] { #expect(empty[absent] == nil, "\(absent)") }
    }

    @Test func spanScoresShowPerAuthorAndSpanOnOneTraceAndPerAuthorInLists() throws {
        let f = try F()
        defer { f.server.stop() }
        for (n, value) in [(1, "1"), (2, "0")] {
            _ = f.client.send("PUT", "/v1/private/spans/\(spanID(n))/feedback-scores", body: #"{"name":"relevance","value":\#(value),"source":"sdk"}"#)
        }
        let one = f.get("/v1/private/traces/\(F.full)").json?["span_feedback_scores"]?[0]
        #expect(one?["value"] == .number("0.5"))
        #expect(one?["value_by_author"]?["admin_\(spanID(1))"]?["span_id"]?.stringValue == spanID(1))
        #expect(one?["value_by_author"]?["admin_\(spanID(2))"]?["span_type"] == "tool")
        let listed = F.content(f.get("/v1/private/traces?project_name=p")).last?["span_feedback_scores"]?[0]
        #expect(listed?["value_by_author"]?.objectMembers?.map { $0.0 } == ["admin"])
        #expect(listed?["value_by_author"]?["admin"]?["span_id"] == "")
    }

    @Test func excludedCountsStayAsZeroAndProvidersStayInMetadata() throws {
        let f = try F()
        defer { f.server.stop() }
        let exclude = encoded(#"["span_count","llm_span_count","has_tool_spans","metadata","usage","providers"]"#)
        let trace = F.content(f.get("/v1/private/traces?project_name=p&exclude=\(exclude)")).last
        #expect(trace?["span_count"] == 0)
        #expect(trace?["llm_span_count"] == 0)
        #expect(trace?["has_tool_spans"] == false)
        #expect(trace?["usage"] == nil)
        #expect(trace?["metadata"] == .object([("providers", ["anthropic", "openai"])]))
        #expect(trace?["providers"] == ["anthropic", "openai"])
        #expect(trace?["last_updated_at"] != nil)
        #expect(f.get("/v1/private/traces?project_name=p&exclude=\(encoded(#"["model"]"#))").text
            == #"{"code":400,"message":"Invalid query param exclude '[\"model\"]'"}"#)
    }

    @Test func statsItemsComeInTheServersOrder() throws {
        let f = try F()
        defer { f.server.stop() }
        _ = f.client.send("PUT", "/v1/private/traces/\(F.full)/feedback-scores", body: #"{"name":"rating","value":4,"source":"sdk"}"#)
        _ = f.client.send("PUT", "/v1/private/spans/\(spanID(1))/feedback-scores", body: #"{"name":"relevance","value":1,"source":"sdk"}"#)
        let stats = try #require(f.get("/v1/private/traces/stats?project_name=p").json?["stats"]?.arrayValue)
        let names = stats.compactMap { $0["name"]?.stringValue }
        #expect(names == ["trace_count", "duration", "input", "output", "metadata", "tags", "thread_count", "llm_span_count",
            "span_count", "total_estimated_cost", "total_estimated_cost_sum", "usage.completion_tokens", "usage.prompt_tokens",
            "usage_sum.completion_tokens", "usage_sum.prompt_tokens", "feedback_scores.rating", "span_feedback_scores.relevance",
            "guardrails_failed_count", "error_count"])
        func value(_ name: String) -> JSONValue? { stats.first { $0["name"]?.stringValue == name }?["value"] }
        #expect(value("trace_count") == 2)
        #expect(value("span_count") == .number("1.0"))
        #expect(stats.first { $0["name"] == "span_count" }?["type"] == "AVG")
        #expect(value("thread_count") == 1)
        #expect(value("usage.prompt_tokens") == .number("13.0"))
        let none = f.get("/v1/private/traces/stats?project_name=p&filters=\(encoded(#"[{"field":"name","operator":"=","value":"zzz"}]"#))")
        #expect(none.text == #"{"stats":[]}"#)
    }

    @Test(arguments: [
        (#"[{"field":"thread_id","operator":"=","value":"chat-1"}]"#, [TraceFixture.full]),
        (#"[{"field":"llm_span_count","operator":">=","value":"0"}]"#, [TraceFixture.full]),
        (#"[{"field":"usage.prompt_tokens","operator":"=","value":"13"}]"#, [TraceFixture.full]),
        (#"[{"field":"total_estimated_cost","operator":"<","value":"1"}]"#, [TraceFixture.full]),
        (#"[{"field":"visibility_mode","operator":"=","value":"default"}]"#, [TraceFixture.empty, TraceFixture.full]),
        (#"[{"field":"error_info","operator":"is_empty","value":""}]"#, [TraceFixture.empty, TraceFixture.full]),
        (#"[{"field":"tags","operator":"contains","value":"PRO"}]"#, [TraceFixture.full]),
        (#"[{"field":"metadata","key":"user","operator":"=","value":"u1"}]"#, [TraceFixture.full]),
        (#"[{"field":"span_feedback_scores","key":"relevance","operator":"is_empty","value":""}]"#, [TraceFixture.empty, TraceFixture.full]),
        (#"[{"field":"guardrails","operator":"=","value":"failed"}]"#, []),
        (#"[{"field":"experiment_ids","operator":"in","value":"x"}]"#, []),
        (#"[{"field":"duration","operator":">","value":"2000"}]"#, [TraceFixture.full]),
    ] as [(String, [String])])
    func traceFiltersFollowTheTraceFieldTable(filters: String, expected: [String]) throws {
        let f = try F()
        defer { f.server.stop() }
        let page = f.get("/v1/private/traces?project_name=p&filters=\(encoded(filters))")
        #expect(page.status == 200, "\(page.text)")
        #expect(F.content(page).compactMap { $0["id"]?.stringValue } == expected)
        let stream = f.client.send("POST", "/v1/private/traces/search", body: #"{"project_name":"p","filters":\#(filters)}"#)
        #expect(NDJSON.values(stream.text) == expected)
    }

    @Test(arguments: [
        (#"[{"field":"model","operator":"=","value":"x"}]"#, 400),
        (#"[{"field":"trace_id","operator":"=","value":"x"}]"#, 400),
        (#"[{"field":"experiment_ids","operator":"=","value":"x"}]"#, 400),
        (#"[{"field":"thread_id","operator":">=","value":"x"}]"#, 400),
        (#"[{"field":"visibility_mode","operator":"is_empty","value":""}]"#, 500),
    ] as [(String, Int)])
    func unknownFieldsAndWrongOperatorsAreRefusedAsForSpans(filters: String, status: Int) throws {
        let f = try F()
        defer { f.server.stop() }
        #expect(f.get("/v1/private/traces?project_name=p&filters=\(encoded(filters))").status == status)
    }

    @Test func sortingUsesTheTraceListAndIgnoresOthers() throws {
        let f = try F()
        defer { f.server.stop() }
        func ids(_ sorting: String) -> [String] {
            F.content(f.get("/v1/private/traces?project_name=p&sorting=\(encoded(sorting))")).compactMap { $0["id"]?.stringValue }
        }
        #expect(ids(#"[{"field":"span_count","direction":"DESC"}]"#) == [F.full, F.empty])
        #expect(ids(#"[{"field":"span_count","direction":"ASC"}]"#) == [F.empty, F.full])
        #expect(ids(#"[{"field":"name","direction":"ASC"}]"#) == [F.full, F.empty])
        // Not sortable on traces: ignored, so the default order (newest id first) stays.
        #expect(ids(#"[{"field":"created_at","direction":"ASC"}]"#) == [F.empty, F.full])
    }

    @Test func searchTextLooksAtTheTraceFields() throws {
        let f = try F()
        defer { f.server.stop() }
        func ids(_ text: String) -> [String] {
            F.content(f.get("/v1/private/traces?project_name=p&search=\(encoded(text))")).compactMap { $0["id"]?.stringValue }
        }
        #expect(ids("REFUND") == [F.full])
        #expect(ids("chat-1") == [F.full])
        #expect(ids("idle") == [F.empty])
        // Span fields are not searched.
        #expect(ids("gpt-4o").isEmpty)
    }
}
