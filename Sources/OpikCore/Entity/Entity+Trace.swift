extension Entity {
    /// A trace: one run of an LLM application, a row of its own that spans point at by
    /// `trace_id` (see docs/SERVER.md#traces: trace fields, filter fields, sorting, exclude).
    /// Its usage, cost and span counts are sums over its spans, computed when read.
    package static let trace = Entity(
        name: "trace", plural: "traces",
        paths: EntityPaths(base: "/v1/private/traces"),
        filterFields: traceFilterFields,
        filterExamples: [
            #"name contains "checkout""#,
            #"thread_id = "conversation-42""#,
            #"feedback_scores.accuracy < 0.5"#,
            #"span_feedback_scores.hallucination > 0"#,
            #"llm_span_count >= 3 and usage.total_tokens > 5000"#,
            #"guardrails = "failed""#,
            #"error_info is_not_empty"#,
            #"tags contains "eval-run-7""#,
        ],
        // No created_at or last_updated_at, unlike spans (see docs/SERVER.md#trace-sorting).
        sortableFields: [
            "id", "name", "input", "output", "start_time", "end_time", "duration", "ttft", "metadata",
            "thread_id", "span_count", "llm_span_count", "total_estimated_cost", "tags", "error_info",
            "created_by", "environment",
        ],
        sortablePrefixes: ["usage.", "feedback_scores."],
        excludableFields: [
            "name", "start_time", "end_time", "input", "output", "metadata", "tags", "error_info", "usage",
            "created_at", "created_by", "last_updated_by", "feedback_scores", "span_feedback_scores",
            "comments", "guardrails_validations", "total_estimated_cost", "span_count", "llm_span_count",
            "has_tool_spans", "duration", "ttft", "thread_id", "visibility_mode", "providers", "experiment",
            "source", "environment",
        ],
        fields: FieldVocabulary(
            names: [
                "id", "project_id", "project_name", "name", "start_time", "end_time", "input", "output", "metadata",
                "tags", "error_info", "usage", "created_at", "last_updated_at", "created_by", "last_updated_by",
                "feedback_scores", "span_feedback_scores", "comments", "guardrails_validations",
                "total_estimated_cost", "span_count", "llm_span_count", "has_tool_spans", "duration", "ttft",
                "thread_id", "visibility_mode", "providers", "experiment", "source", "environment",
            ],
            openFields: ["input", "output", "metadata", "usage", "feedback_scores", "span_feedback_scores",
                         "error_info", "experiment"],
            knownPaths: sharedKnownPaths),
        defaultColumns: [
            .id, .name, .start, .duration, Column(header: "SPANS", csvHeader: "span_count", path: "span_count", kind: .spanCounts),
            .tokens, .cost, .scores, Column(header: "THREAD", csvHeader: "thread_id", path: "thread_id", kind: .text), .error,
        ],
        // ID and NAME are never left out.
        narrowDropOrder: ["THREAD", "SCORES", "TOKENS", "COST", "SPANS", "START", "DURATION", "ERR"],
        defaultColumnFields: [
            "name", "start_time", "end_time", "duration", "span_count", "llm_span_count", "usage",
            "total_estimated_cost", "feedback_scores", "thread_id", "error_info", "guardrails_validations",
        ],
        recordRules: RecordRules(noun: "trace", timeField: "start_time", fields: [
            RecordField("id", .uuid(version7: true), isFilled: true),
            RecordField("start_time", .time),
            RecordField("end_time", .time),
            RecordField("last_updated_at", .updateTime, isFilled: true),
            RecordField("source", .choice(traceSources)),
            RecordField("ttft", .number(minimum: 0)),
            RecordField("project_name", .string, isFilled: true),
            RecordField("name", .string),
            RecordField("thread_id", .string),
            RecordField("environment", .text(maxLength: 150)),
            RecordField("tags", .strings),
            RecordField("error_info", .object),
        ]),
        scoreSources: ["ui", "sdk", "online_scoring"],
        maxBatch: 1000,
        maxSearchPage: 2000,
        searchStripsAttachments: true)

    /// `source` of a trace.
    private static let traceSources = ["sdk", "experiment", "playground", "optimization", "evaluator"]

    /// Every filterable trace field, in the order help lists them. Usage, cost and the LLM
    /// span count are sums over the trace's spans: a trace without spans never matches them.
    private static let traceFilterFields: [FilterField] = [
        FilterField("id", .stringExact),
        FilterField("thread_id", .stringExact),
        FilterField("name", .string),
        FilterField("input", .string),
        FilterField("output", .string),
        FilterField("error_type", .string),
        FilterField("guardrails", .string),
    ] + FilterField.times + [
        FilterField("total_estimated_cost", .number),
        FilterField("llm_span_count", .number, takesWholeNumbers: true),
        FilterField("duration", .number),
        FilterField("ttft", .number),
    ] + FilterField.usageCounters + FilterField.jsonFields + [
        FilterField("tags", .list),
        FilterField("annotation_queue_ids", .list),
        FilterField("feedback_scores", .feedbackScoresNumber),
        FilterField("span_feedback_scores", .feedbackScoresNumber),
        FilterField("error_info", .errorContainer),
        // Empty checks on this enum column make the server fail (see docs/SERVER.md).
        FilterField("visibility_mode", .enumeration, allowedValues: ["default", "hidden"],
                    refusedOperators: [.isEmpty, .isNotEmpty]),
        FilterField("environment", .enumeration),
        FilterField("source", .enumerationLegacy, allowedValues: traceSources),
        FilterField("experiment_id", .stringExact),
        FilterField("experiment_ids", .stringList),
    ]
}
