/// Spans and traces: two kinds of row served by one set of routes, told apart by these tables
/// (see docs/SERVER.md#span-endpoints and docs/SERVER.md#traces).
enum RowKind: Sendable {
    case span
    case trace

    /// `span`, `trace`: as the server names the entity in messages.
    var name: String { self == .span ? "span" : "trace" }
    /// `Span`, `Trace`.
    var title: String { self == .span ? "Span" : "Trace" }
    /// The path segment and the batch body key: `spans`, `traces`.
    var plural: String { self == .span ? "spans" : "traces" }

    /// Writable fields in the order the server serialises them.
    var writableFields: [String] {
        switch self {
        case .span:
            return ["trace_id", "parent_span_id", "name", "type", "start_time", "end_time", "input", "output", "metadata",
                "model", "provider", "tags", "usage", "error_info", "last_updated_at", "total_estimated_cost",
                "total_estimated_cost_version", "ttft", "source", "environment"]
        case .trace:
            return ["name", "start_time", "end_time", "input", "output", "metadata", "tags", "error_info", "last_updated_at",
                "ttft", "thread_id", "source", "environment"]
        }
    }

    /// Fields an update sets when it carries them (tags are handled apart).
    var updatableFields: [String] {
        switch self {
        case .span:
            return ["name", "type", "end_time", "input", "output", "metadata", "model", "provider", "usage", "error_info",
                "ttft", "source", "environment"]
        case .trace:
            return ["name", "end_time", "input", "output", "metadata", "error_info", "thread_id", "ttft", "source", "environment"]
        }
    }

    /// Fields that name a row's place and must match when an existing row is written again.
    var identityFields: [String] { self == .span ? ["trace_id", "parent_span_id"] : [] }

    /// Fields `GET` responses carry, in the server's order (`id` and the project come first).
    var readOrder: [String] {
        switch self {
        case .span:
            return ["trace_id", "parent_span_id", "name", "type", "start_time", "end_time", "input", "output", "metadata",
                "model", "provider", "tags", "usage", "error_info", "created_at", "last_updated_at", "created_by",
                "last_updated_by", "feedback_scores", "comments", "total_estimated_cost", "total_estimated_cost_version",
                "duration", "ttft", "source", "environment"]
        case .trace:
            return ["name", "start_time", "end_time", "input", "output", "metadata", "tags", "usage", "error_info",
                "created_at", "last_updated_at", "created_by", "last_updated_by", "feedback_scores", "span_feedback_scores",
                "comments", "total_estimated_cost", "span_count", "llm_span_count", "has_tool_spans", "duration", "ttft",
                "thread_id", "visibility_mode", "providers", "source", "environment"]
        }
    }

    /// Names `exclude` accepts (docs/SERVER.md#exclude, docs/SERVER.md#trace-exclude).
    var excludable: Set<String> {
        switch self {
        case .span:
            return ["name", "type", "start_time", "end_time", "input", "output", "metadata", "model", "provider", "tags",
                "usage", "error_info", "created_at", "created_by", "last_updated_by", "feedback_scores", "comments",
                "total_estimated_cost", "total_estimated_cost_version", "duration", "ttft", "source", "environment"]
        case .trace:
            return ["name", "start_time", "end_time", "input", "output", "metadata", "tags", "error_info", "usage",
                "created_at", "created_by", "last_updated_by", "feedback_scores", "span_feedback_scores", "comments",
                "guardrails_validations", "total_estimated_cost", "span_count", "llm_span_count", "has_tool_spans",
                "duration", "ttft", "thread_id", "visibility_mode", "providers", "experiment", "source", "environment"]
        }
    }

    /// The `sortableBy` list, in the server's order; the entries ending in `.*` take any key.
    var sortableBy: [String] {
        switch self {
        case .span:
            return ["id", "name", "type", "trace_id", "parent_span_id", "input", "output", "metadata", "start_time",
                "end_time", "duration", "ttft", "tags", "created_at", "last_updated_at", "model", "provider",
                "total_estimated_cost", "error_info", "created_by", "environment", "usage.*", "feedback_scores.*"]
        case .trace:
            return ["id", "name", "input", "output", "start_time", "end_time", "duration", "ttft", "metadata", "thread_id",
                "span_count", "llm_span_count", "usage.*", "total_estimated_cost", "tags", "error_info", "created_by",
                "feedback_scores.*", "experiment_id", "environment"]
        }
    }

    /// Text fields and JSON fields `search` looks in (`SpanDAO.SPAN_SEARCH_CLAUSE`, `TraceDAO.TRACE_SEARCH_CLAUSE`).
    var searchFields: (text: [String], json: [String]) {
        switch self {
        case .span: return (["trace_id", "name", "type", "model", "provider"], ["input", "output", "metadata", "tags"])
        case .trace: return (["name", "thread_id"], ["input", "output", "metadata", "error_info", "tags"])
        }
    }

    /// Enum columns with their values: a filter naming another value, or testing emptiness,
    /// fails in the database (see docs/SERVER.md#what-the-server-refuses).
    var databaseEnums: [String: Set<String>] {
        self == .span ? ["type": Self.spanTypes] : ["visibility_mode": ["unknown", "default", "hidden"]]
    }

    /// The span `type` values.
    static let spanTypes: Set<String> = ["general", "tool", "llm", "guardrail"]

    /// The `source` values of spans and traces.
    static let sources: Set<String> = ["sdk", "experiment", "playground", "optimization", "evaluator"]

    /// Rate-limit bucket of a read operation (`list`, `search`, `stats`, `exists`, `get`), if any.
    func readBucket(_ operation: String) -> String? {
        switch (self, operation) {
        case (.span, "get"): return "Get-Span-Id"
        case (.trace, "get"): return nil
        case (_, "list"): return "Get-\(title)s"
        case (_, "search"): return "Search-\(title)s"
        case (_, "stats"): return "Get-\(title)-Stats"
        case (_, "exists"): return "\(title)s-Exist"
        default: return nil
        }
    }
}
