/// The parts spans and traces describe alike, named once so that the two descriptions list
/// only what makes each its own entity.
extension Entity {
    /// The dotted paths `--fields` suggests for both: token counters and error parts.
    static let sharedKnownPaths = [
        "usage.total_tokens", "usage.prompt_tokens", "usage.completion_tokens",
        "error_info.exception_type", "error_info.message", "error_info.traceback",
    ]
}

extension FilterField {
    /// The time fields both filter on.
    static let times = ["start_time", "end_time", "created_at", "last_updated_at"].map { FilterField($0, .dateTime) }

    /// The token counters both filter on. Integer columns: a fraction (`> 1.5`) makes the
    /// server fail with a 500 (see docs/SERVER.md).
    static let usageCounters = ["usage.total_tokens", "usage.prompt_tokens", "usage.completion_tokens"].map {
        FilterField($0, .number, takesWholeNumbers: true)
    }

    /// The JSON fields both filter on by key.
    static let jsonFields = ["metadata", "input_json", "output_json"].map { FilterField($0, .dictionary) }
}

extension Column {
    static let id = Column(header: "ID", csvHeader: "id", path: "id", kind: .id)
    static let name = Column(header: "NAME", csvHeader: "name", path: "name", kind: .text)
    static let start = Column(header: "START", csvHeader: "start_time", path: "start_time", kind: .time)
    static let duration = Column(header: "DURATION", csvHeader: "duration", path: "duration", kind: .duration)
    static let tokens = Column(header: "TOKENS", csvHeader: "usage.total_tokens", path: "usage.total_tokens", kind: .number)
    static let cost = Column(header: "COST", csvHeader: "total_estimated_cost", path: "total_estimated_cost", kind: .cost)
    static let scores = Column(header: "SCORES", csvHeader: "feedback_scores", path: "feedback_scores", kind: .scores)
    static let error = Column(header: "ERR", csvHeader: "error", path: "error_info", kind: .errorMarker)
}
