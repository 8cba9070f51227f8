/// The fields a kind of record has, for checking `--fields` before anything is sent: a
/// misspelt name would otherwise print an empty column and succeed.
/// An entity's is `Entity.fields`.
package struct FieldVocabulary: Sendable {
    /// Top-level field names.
    package let names: [String]
    /// Fields holding objects whose keys vary from record to record: any dotted path below
    /// them is accepted (`metadata.anything`, `feedback_scores.NAME`).
    package let openFields: [String]
    /// Dotted paths offered as suggestions besides `names` (`total_tokens` → `usage.total_tokens`).
    package let knownPaths: [String]

    package init(names: [String], openFields: [String] = [], knownPaths: [String] = []) {
        self.names = names
        self.openFields = openFields
        self.knownPaths = knownPaths
    }

    /// A comment on a span.
    package static let comment = FieldVocabulary(
        names: ["id", "text", "created_at", "last_updated_at", "created_by", "last_updated_by", "source_queue_id"])

    /// Why `path` is not a field of this vocabulary, or nil when it is.
    func problem(with path: String) -> String? {
        let parts = FieldSelection.segments(of: path)
        let first = parts[0]
        guard names.contains(first) else {
            let suggestion = knownPaths.first { $0.hasSuffix("." + path) }
                ?? Suggest.closest(to: path, in: names + knownPaths)
            return "unknown field '\(path)'" + QueryText.didYouMean(suggestion)
        }
        if parts.count > 1 && !openFields.contains(first) {
            return "field '\(first)' has no parts: use '\(first)'"
        }
        return nil
    }
}

extension FieldSelection {
    /// Refuses a path that names no field of `vocabulary`, suggesting the likely one.
    package func check(_ vocabulary: FieldVocabulary) throws(FieldSelectionError) {
        for path in paths {
            if let problem = vocabulary.problem(with: path) { throw FieldSelectionError(message: problem) }
        }
    }
}
