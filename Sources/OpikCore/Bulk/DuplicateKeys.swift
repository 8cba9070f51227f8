/// Finds records of one bulk input that share a key the server stores only once (a span's
/// `id`, a score's `id` and `name`): it would keep one of them and drop the others without a
/// word, so the input is refused before anything is sent.
enum DuplicateKeys {
    /// An issue for every record whose key an earlier record has, naming both lines. `keys`
    /// and `lines` are per record; a nil key (a generated id) is never a duplicate.
    static func issues(keys: [String?], lines: [Int], field: String, described: String) -> [RecordIssue] {
        var first: [String: Int] = [:]
        var issues: [RecordIssue] = []
        for (key, line) in zip(keys, lines) {
            guard let key else { continue }
            if let earlier = first[key] {
                issues.append(RecordIssue(
                    line: line, field: field,
                    message: "the same \(described) as line \(earlier) (the server would keep only one of them)"))
            } else {
                first[key] = line
            }
        }
        return issues
    }
}
