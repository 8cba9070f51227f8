import OpikCore
import Testing

private func filter(_ field: String, _ op: FilterOperator, _ value: String = "") -> SpanFilter {
    SpanFilter(field: field, operator: op, value: value)
}

private func filter(_ field: String, _ key: String, _ op: FilterOperator, _ value: String = "") -> SpanFilter {
    SpanFilter(field: field, key: key, operator: op, value: value)
}

@Suite struct QueryFilterTests {
    /// Every example of docs/SERVER.md#sdk-filter-language and what it sends.
    static let examples: [(String, [SpanFilter])] = [
        (#"name contains "retriev""#, [filter("name", .contains, "retriev")]),
        (#"name contains "x" and feedback_scores.accuracy > 0.5"#,
         [filter("name", .contains, "x"), filter("feedback_scores", "accuracy", .greaterThan, "0.5")]),
        (#"metadata.model = "gpt-4o""#, [filter("metadata", "model", .equal, "gpt-4o")]),
        (#"usage.total_tokens >= 1000"#, [filter("usage.total_tokens", .greaterThanOrEqual, "1000")]),
        (#"start_time > "2026-07-01T00:00:00Z" AND type = "llm""#,
         [filter("start_time", .greaterThan, "2026-07-01T00:00:00Z"), filter("type", .equal, "llm")]),
        (#"tags is_empty"#, [filter("tags", .isEmpty)]),
        (#"type in ("llm", "tool")"#, [filter("type", .in, "llm,tool")]),
        (#"feedback_scores.my_metric is_not_empty"#, [filter("feedback_scores", "my_metric", .isNotEmpty)]),
    ]

    @Test(arguments: examples)
    func documentedExample(expression: String, expected: [SpanFilter]) throws {
        #expect(try FilterLanguage.parse(expression, for: .span) == expected)
    }

    @Test func helpShowsEveryDocumentedExample() {
        #expect(Entity.span.filterExamples == Self.examples.map(\.0))
    }

    static let accepted: [(String, [SpanFilter])] = [
        (#"name="x""#, [filter("name", .equal, "x")]),
        (#"name CONTAINS "a" AnD model Starts_With "gpt""#,
         [filter("name", .contains, "a"), filter("model", .startsWith, "gpt")]),
        (#"name = "say ""hi""""#, [filter("name", .equal, #"say "hi""#)]),
        (#"metadata."a.b" = "x""#, [filter("metadata", "a.b", .equal, "x")]),
        (#"metadata.'it''s' = "x""#, [filter("metadata", "it's", .equal, "x")]),
        (#"input_json."messages[0].content" contains "hi""#,
         [filter("input_json", "messages[0].content", .contains, "hi")]),
        (#"duration > 1.5 and ttft >= 100"#,
         [filter("duration", .greaterThan, "1.5"), filter("ttft", .greaterThanOrEqual, "100")]),
        (#"total_estimated_cost < "0.01""#, [filter("total_estimated_cost", .lessThan, "0.01")]),
        (#"feedback_scores.x = -1"#, [filter("feedback_scores", "x", .equal, "-1")]),
        (#"metadata.temperature > 0.5"#, [filter("metadata", "temperature", .greaterThan, "0.5")]),
        (#"metadata.model is_empty"#, [filter("metadata", "model", .isEmpty)]),
        (#"environment is_not_empty and error_info is_empty"#, [filter("environment", .isNotEmpty), filter("error_info", .isEmpty)]),
        (#"usage.total_tokens > 15 and usage.prompt_tokens <= -3"#,
         [filter("usage.total_tokens", .greaterThan, "15"), filter("usage.prompt_tokens", .lessThanOrEqual, "-3")]),
        (#"type not_in ("guardrail")"#, [filter("type", .notIn, "guardrail")]),
        (#"environment = "prod-eu""#, [filter("environment", .equal, "prod-eu")]),
        (#"source != "playground""#, [filter("source", .notEqual, "playground")]),
        (#"usage.prompt_tokens < 10"#, [filter("usage.prompt_tokens", .lessThan, "10")]),
        (#"trace_id = "0190b3c0-0000-7000-8000-000000000000""#,
         [filter("trace_id", .equal, "0190b3c0-0000-7000-8000-000000000000")]),
        (#"error_type = "TimeoutError""#, [filter("error_type", .equal, "TimeoutError")]),
        (#"tags = "prod" and tags not_contains "test""#,
         [filter("tags", .equal, "prod"), filter("tags", .notContains, "test")]),
        ("  name = \"x\"\n\tand\tid > \"a\"  ", [filter("name", .equal, "x"), filter("id", .greaterThan, "a")]),
    ]

    @Test(arguments: accepted)
    func acceptedExpression(expression: String, expected: [SpanFilter]) throws {
        #expect(try FilterLanguage.parse(expression, for: .span) == expected)
    }

    /// Times are sent in UTC with `Z`, converted from any offset, keeping the fraction.
    static let times: [(String, String)] = [
        ("2026-07-01T00:00:00Z", "2026-07-01T00:00:00Z"),
        ("2026-07-01t10:00:00z", "2026-07-01T10:00:00Z"),
        ("2026-07-01 10:00:00Z", "2026-07-01T10:00:00Z"),
        ("2026-07-01T02:30:00+02:00", "2026-07-01T00:30:00Z"),
        ("2026-07-01T00:00:00.123456-05:30", "2026-07-01T05:30:00.123456Z"),
        ("2026-01-01T01:00:00+02:00", "2025-12-31T23:00:00Z"),
        ("2024-03-01T00:30:00+01:00", "2024-02-29T23:30:00Z"),
        ("2026-12-31T23:30:00-01:00", "2027-01-01T00:30:00Z"),
        ("2026-07-01", "2026-07-01T00:00:00Z"),
    ]

    @Test(arguments: times)
    func timeValueIsSentInUTC(written: String, sent: String) throws {
        let filters = try FilterLanguage.parse("end_time <= \"\(written)\"", for: .span)
        #expect(filters == [filter("end_time", .lessThanOrEqual, sent)])
    }

    /// `%` and `+` survive the server's URL decoding only where it decodes (see docs/SERVER.md#filter-encoding).
    static let encodings: [(String, SpanFilter)] = [
        (#"metadata.q = "a+b%c""#, filter("metadata", "q", .equal, "a%2Bb%25c")),
        (#"tags contains "c++""#, filter("tags", .contains, "c%2B%2B")),
        (#"input_json."a.b" contains "100%""#, filter("input_json", "a.b", .contains, "100%25")),
        (#"name contains "a+b%""#, filter("name", .contains, "a+b%")),
        (#"id = "a+b""#, filter("id", .equal, "a+b")),
        (#"environment = "a+b%""#, filter("environment", .equal, "a+b%")),
        (#"environment in ("a+b", "c%")"#, filter("environment", .in, "a+b,c%")),
    ]

    @Test(arguments: encodings)
    func percentEncodingFollowsTheServer(expression: String, expected: SpanFilter) throws {
        #expect(try FilterLanguage.parse(expression, for: .span) == [expected])
    }

    @Test func jsonHasFieldOperatorKeyAndStringValue() throws {
        let filters = try FilterLanguage.parse(#"feedback_scores.accuracy >= 0.8 and tags is_empty"#, for: .span)
        #expect(JSONWriter.compact(filters.json) == #"[{"field":"feedback_scores","operator":">=","key":"accuracy","#
            + #""value":"0.8"},{"field":"tags","operator":"is_empty","key":"","value":""}]"#)
    }
}
