/// The `--sort FIELD[:asc|desc]` argument, as the `sorting` parameter (see docs/SERVER.md).
/// The fields are an entity's (`Entity.sortableFields`, `sortablePrefixes`); `--sort`
/// completes to `Entity.sortCompletionFields`.
package enum SortSpec {
    /// The directions after the colon.
    package static let directions = ["asc", "desc"]

    /// `name:desc` → `[{"field":"name","direction":"DESC"}]`; the direction is ASC when
    /// left out and may be written in any case. An unknown field is refused here because
    /// the server would silently ignore it.
    package static func parse(_ text: String, for entity: Entity) throws(QueryError) -> JSONValue {
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
        try check(field, entity: entity)
        return [["field": .string(field), "direction": .string(direction)]]
    }

    static func check(_ field: String, entity: Entity) throws(QueryError) {
        if entity.sortableFields.contains(field) { return }
        for prefix in entity.sortablePrefixes where field.hasPrefix(prefix) {
            if field.count > prefix.count { return }
            throw QueryError("invalid --sort field '\(field)': name the \(prefix == "usage." ? "counter" : "score") "
                + "after the dot, such as \(prefix == "usage." ? "usage.total_tokens" : "feedback_scores.accuracy")")
        }
        let usage = entity.usageCounters
        let suggestion = usage.contains("usage." + field)
            ? "usage." + field : Suggest.closest(to: field, in: entity.sortableFields + usage)
        throw QueryError("unknown --sort field '\(field)'" + QueryText.didYouMean(suggestion))
    }
}
