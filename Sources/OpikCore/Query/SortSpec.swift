/// The `--sort FIELD[:asc|desc]` argument, as the `sorting` parameter (see docs/SERVER.md#sorting).
public enum SortSpec {
    /// The span fields the server sorts on, besides `usage.<key>` and `feedback_scores.<name>`.
    public static let sortableFields: [String] = [
        "id", "name", "type", "trace_id", "parent_span_id", "input", "output", "metadata",
        "start_time", "end_time", "duration", "ttft", "tags", "created_at", "last_updated_at",
        "model", "provider", "total_estimated_cost", "error_info", "created_by", "environment",
    ]

    /// Prefixes of the dynamic sortable fields: any usage counter and any score name.
    static let dynamicPrefixes = ["usage.", "feedback_scores."]

    /// `name:desc` → `[{"field":"name","direction":"DESC"}]`; the direction is ASC when
    /// left out and may be written in any case. An unknown field is refused here because
    /// the server would silently ignore it.
    public static func parse(_ text: String) throws(QueryError) -> JSONValue {
        var field = QueryText.trimmed(text)
        var direction = "ASC"
        if let colon = field.lastIndex(of: ":") {
            let word = field[field.index(after: colon)...].lowercased()
            switch word {
            case "asc": direction = "ASC"
            case "desc": direction = "DESC"
            default:
                throw QueryError("invalid --sort direction '\(field[field.index(after: colon)...])'; use asc or desc")
            }
            field = String(field[..<colon])
        }
        guard !field.isEmpty else { throw QueryError("invalid --sort '\(text)': expected FIELD[:asc|desc]") }
        try check(field)
        return [["field": .string(field), "direction": .string(direction)]]
    }

    static func check(_ field: String) throws(QueryError) {
        if sortableFields.contains(field) { return }
        for prefix in dynamicPrefixes where field.hasPrefix(prefix) {
            if field.count > prefix.count { return }
            throw QueryError("invalid --sort field '\(field)': name the \(prefix == "usage." ? "counter" : "score") "
                + "after the dot, such as \(prefix == "usage." ? "usage.total_tokens" : "feedback_scores.accuracy")")
        }
        let usage = ["usage.total_tokens", "usage.prompt_tokens", "usage.completion_tokens"]
        let suggestion = usage.contains("usage." + field)
            ? "usage." + field : Suggest.closest(to: field, in: sortableFields + usage)
        throw QueryError("unknown --sort field '\(field)'" + QueryText.didYouMean(suggestion))
    }
}
