extension Entity {
    /// A span (see docs/SERVER.md: span filter fields, sorting, exclude, creating spans).
    package static let span = Entity(
        name: "span", plural: "spans",
        paths: EntityPaths(base: "/v1/private/spans"),
        filterFields: spanFilterFields,
        filterExamples: [
            #"name contains "retriev""#,
            #"name contains "x" and feedback_scores.accuracy > 0.5"#,
            #"metadata.model = "gpt-4o""#,
            #"usage.total_tokens >= 1000"#,
            #"start_time > "2026-07-01T00:00:00Z" AND type = "llm""#,
            #"tags is_empty"#,
            #"type in ("llm", "tool")"#,
            #"feedback_scores.my_metric is_not_empty"#,
        ],
        sortableFields: [
            "id", "name", "type", "trace_id", "parent_span_id", "input", "output", "metadata",
            "start_time", "end_time", "duration", "ttft", "tags", "created_at", "last_updated_at",
            "model", "provider", "total_estimated_cost", "error_info", "created_by", "environment",
        ],
        sortablePrefixes: ["usage.", "feedback_scores."],
        excludableFields: [
            "name", "type", "start_time", "end_time", "input", "output", "metadata", "model",
            "provider", "tags", "usage", "error_info", "created_at", "created_by", "last_updated_by",
            "feedback_scores", "comments", "total_estimated_cost", "total_estimated_cost_version",
            "duration", "ttft", "source", "environment",
        ],
        fields: FieldVocabulary(
            names: [
                "id", "project_id", "project_name", "trace_id", "parent_span_id", "name", "type", "start_time",
                "end_time", "input", "output", "metadata", "model", "provider", "tags", "usage", "error_info",
                "created_at", "last_updated_at", "created_by", "last_updated_by", "feedback_scores", "comments",
                "total_estimated_cost", "total_estimated_cost_version", "duration", "ttft", "source", "environment",
            ],
            openFields: ["input", "output", "metadata", "usage", "feedback_scores", "error_info"],
            knownPaths: sharedKnownPaths),
        defaultColumns: [
            .id, .name, Column(header: "TYPE", csvHeader: "type", path: "type", kind: .spanType), .start, .duration,
            Column(header: "MODEL", csvHeader: "model", path: "model", kind: .text), .tokens, .cost, .scores, .error,
        ],
        // ID and NAME are never left out.
        narrowDropOrder: ["SCORES", "MODEL", "TOKENS", "COST", "TYPE", "START", "DURATION", "ERR"],
        defaultColumnFields: [
            "name", "type", "start_time", "end_time", "duration", "model", "usage",
            "total_estimated_cost", "feedback_scores", "error_info",
        ],
        recordRules: RecordRules(noun: "span", timeField: "start_time", fields: [
            RecordField("id", .uuid(version7: true), isFilled: true),
            RecordField("trace_id", .uuid(version7: false), isFilled: true),
            RecordField("parent_span_id", .uuid(version7: false)),
            RecordField("start_time", .time),
            RecordField("end_time", .time),
            RecordField("last_updated_at", .updateTime, isFilled: true),
            RecordField("type", .choice(spanTypes)),
            RecordField("source", .choice(spanSources)),
            RecordField("total_estimated_cost", .number(minimum: 0)),
            RecordField("ttft", .number(minimum: 0)),
            RecordField("project_name", .string, isFilled: true),
            RecordField("name", .string),
            RecordField("model", .string),
            RecordField("provider", .string),
            RecordField("total_estimated_cost_version", .string),
            // The longest `environment` the server stores.
            RecordField("environment", .text(maxLength: 150)),
            RecordField("tags", .strings),
            RecordField("usage", .counts),
            RecordField("error_info", .object),
        ]),
        scoreSources: ["ui", "sdk", "online_scoring"],
        maxBatch: 1000,
        maxSearchPage: 2000,
        searchStripsAttachments: false)

    /// `type` of a span.
    private static let spanTypes = ["general", "tool", "llm", "guardrail"]
    /// `source` of a span.
    private static let spanSources = ["sdk", "experiment", "playground", "optimization", "evaluator"]

    /// Every filterable span field, in the order help lists them.
    private static let spanFilterFields: [FilterField] = [
        FilterField("id", .stringExact),
        FilterField("trace_id", .stringExact),
        FilterField("name", .string),
        FilterField("input", .string),
        FilterField("output", .string),
        FilterField("model", .string),
        FilterField("provider", .string),
        FilterField("error_type", .string),
    ] + FilterField.times + [
        FilterField("total_estimated_cost", .number),
        FilterField("duration", .number),
        FilterField("ttft", .number),
    ] + FilterField.usageCounters + FilterField.jsonFields + [
        FilterField("tags", .list),
        FilterField("feedback_scores", .feedbackScoresNumber),
        FilterField("error_info", .errorContainer),
        // An enum column: the server accepts is_empty and is_not_empty on it, then fails with
        // a 500 (see docs/SERVER.md); `environment` is text underneath and takes them.
        FilterField("type", .enumeration, allowedValues: spanTypes, refusedOperators: [.isEmpty, .isNotEmpty]),
        FilterField("environment", .enumeration),
        FilterField("source", .enumerationLegacy, allowedValues: spanSources),
    ]
}
