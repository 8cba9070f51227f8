/// Counts in messages, one rule for all of them: `1 span`, `2 spans`, `1 batch`, `3 batches`.
package enum Plural {
    /// `n` and the noun agreeing with it; `noun` is the singular (`span`, `score`, `batch`).
    package static func count(_ n: Int, _ noun: String) -> String {
        "\(n) \(form(of: noun, for: n))"
    }

    /// `count` with the number grouped by thousands (`1,203 spans`), for people at a terminal.
    package static func groupedCount(_ n: Int, _ noun: String) -> String {
        "\(grouped(n)) \(form(of: noun, for: n))"
    }

    /// The singular for 1 (and -1), else the plural: `es` after s, x, ch, sh; `s` otherwise.
    package static func form(of noun: String, for n: Int) -> String {
        if n == 1 || n == -1 { return noun }
        for ending in ["s", "x", "ch", "sh"] where noun.hasSuffix(ending) { return noun + "es" }
        return noun + "s"
    }

    /// `was` for 1, else `were`: "1 of 3 spans was not accepted".
    package static func was(_ n: Int) -> String { n == 1 ? "was" : "were" }

    /// `1,203`, `-45,000`.
    package static func grouped(_ n: Int) -> String {
        let digits = String(n.magnitude)
        var result = ""
        for (index, digit) in digits.enumerated() {
            if index > 0, (digits.count - index) % 3 == 0 { result.append(",") }
            result.append(digit)
        }
        return (n < 0 ? "-" : "") + result
    }
}
