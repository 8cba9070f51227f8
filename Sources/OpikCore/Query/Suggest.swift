/// "Did you mean" suggestions for misspelt names (fields, operators, commands, options).
package enum Suggest {
    /// The candidate closest to `word`, or nil when none is close enough to be a likely typo.
    ///
    /// Distance is the optimal-string-alignment edit distance (insertions, deletions,
    /// substitutions and swaps of neighbours), ignoring case. The allowed distance grows with
    /// the word: 1 up to 4 characters, 2 up to 8, then 3. A candidate that starts with a word
    /// of at least 3 characters also counts, so `feedback` suggests `feedback_scores`. Ties go
    /// to a candidate sharing the first letter, then to the earlier one.
    package static func closest(to word: String, in candidates: [String]) -> String? {
        let typed = Array(word.lowercased())
        guard !typed.isEmpty else { return nil }
        let limit = typed.count <= 4 ? 1 : (typed.count <= 8 ? 2 : 3)
        var best: (name: String, distance: Int)?
        for candidate in candidates {
            let target = Array(candidate.lowercased())
            if target == typed { return candidate }
            let d = distance(typed, target)
            guard d <= limit else { continue }
            // On a tie, a candidate with the same first letter is the likelier intent.
            if let current = best, d > current.distance
                || (d == current.distance && (current.name.lowercased().first == typed.first || target.first != typed.first))
            {
                continue
            }
            best = (candidate, d)
        }
        if let best { return best.name }
        if typed.count >= 3 {
            let prefixed = candidates.filter { $0.lowercased().hasPrefix(String(typed)) }
            if prefixed.count == 1 { return prefixed[0] }
        }
        return nil
    }

    /// Optimal-string-alignment distance between two character arrays.
    static func distance(_ a: [Character], _ b: [Character]) -> Int {
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        // Three rows suffice: a swap looks back two rows.
        var older = [Int](repeating: 0, count: b.count + 1)
        var previous = Array(0...b.count)
        var current = [Int](repeating: 0, count: b.count + 1)
        for i in 1...a.count {
            current[0] = i
            for j in 1...b.count {
                let cost = a[i - 1] == b[j - 1] ? 0 : 1
                var value = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
                if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] {
                    value = min(value, older[j - 2] + 1)
                }
                current[j] = value
            }
            (older, previous, current) = (previous, current, older)
        }
        return previous[b.count]
    }
}
