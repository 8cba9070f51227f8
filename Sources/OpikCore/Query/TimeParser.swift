#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// Reads the times users type for `--since` and `--until`, and writes times as RFC 3339.
package enum TimeParser {
    /// What `parse` accepts, for error messages.
    static let accepted = "expected an RFC 3339 time such as 2026-07-01T10:00:00Z, a date such as "
        + "2026-07-01, or a duration such as 30s, 15m, 24h, 7d, 2w"

    /// 0000-01-01T00:00:00Z, the earliest time RFC 3339 can write.
    static let earliest: Double = -62_167_219_200

    /// Reads an RFC 3339 time (fraction optional, `Z` or an offset), a plain date (midnight
    /// UTC), or a relative duration meaning that long before `now`: a number followed by
    /// `s`, `m`, `h`, `d` or `w`, possibly several (`1h30m`).
    package static func parse(_ text: String, now: Date) throws(QueryError) -> Date {
        try parse(text, naming: "time", now: now)
    }

    /// `parse`, with `name` (`time`, `--since`) in the error messages.
    package static func parse(_ text: String, naming name: String, now: Date) throws(QueryError) -> Date {
        let trimmed = QueryText.trimmed(text)
        if let seconds = durationSeconds(trimmed) {
            let date = now.addingTimeInterval(-Double(seconds))
            guard date.timeIntervalSince1970 >= earliest else {
                throw QueryError("invalid \(name) '\(text)': that is before the year 0")
            }
            return date
        }
        guard let stamp = RFC3339Timestamp(rfc3339: trimmed), stamp.isWritable else {
            throw QueryError("invalid \(name) '\(text)': \(accepted)")
        }
        return date(of: stamp)
    }

    /// An RFC 3339 time or plain date alone, as the server writes them; nil otherwise.
    /// For reading times from responses, where a duration would be meaningless.
    package static func date(rfc3339 text: String) -> Date? {
        guard let stamp = RFC3339Timestamp(rfc3339: text), stamp.isWritable else { return nil }
        return date(of: stamp)
    }

    /// A time of a server response, with 0 to 9 fractional digits (see docs/SERVER.md), more
    /// than `Date.ISO8601FormatStyle` accepts: `2026-07-01T10:00:00.123456789Z` or
    /// `2026-07-01T12:00:00+02:00`; nil when malformed or when it is a date without a time.
    package static func instant(_ text: String) -> Date? {
        guard text.utf8.count >= 20 else { return nil }
        return date(rfc3339: text)
    }

    /// RFC 3339 in UTC with milliseconds: `2026-07-01T10:00:00.123Z`.
    package static func format(_ date: Date) -> String {
        let milliseconds = Int64((date.timeIntervalSince1970 * 1000).rounded())
        return RFC3339Timestamp(epochMilliseconds: milliseconds).utcText
    }

    /// The UTC day of a count of seconds since 1970 (`SOURCE_DATE_EPOCH`): `2026-07-01`.
    package static func day(epochSeconds: Int64) -> String {
        let (year, month, day) = RFC3339Timestamp.civilFromDays(epochSeconds / 86_400)
        func two(_ n: Int64) -> String { n < 10 ? "0\(n)" : "\(n)" }
        return "\(year)-\(two(month))-\(two(day))"
    }

    /// The filters for `--since` and `--until`: `start_time >= since` and
    /// `start_time <= until`, each time written in UTC with milliseconds.
    package static func startTimeFilters(since: String?, until: String?, now: Date) throws(QueryError)
        -> [SpanFilter]
    {
        let from = try since.map { text throws(QueryError) in try parse(text, naming: "--since", now: now) }
        let to = try until.map { text throws(QueryError) in try parse(text, naming: "--until", now: now) }
        if let from, let to, from > to {
            throw QueryError("--since (\(format(from))) is later than --until (\(format(to)))")
        }
        var filters: [SpanFilter] = []
        if let from { filters.append(SpanFilter(field: "start_time", operator: .greaterThanOrEqual, value: format(from))) }
        if let to { filters.append(SpanFilter(field: "start_time", operator: .lessThanOrEqual, value: format(to))) }
        return filters
    }

    static func date(of stamp: RFC3339Timestamp) -> Date {
        // Nine digits is the finest any server keeps; Double holds far less anyway.
        let fraction = Double("0." + (stamp.fraction.isEmpty ? "0" : String(stamp.fraction.prefix(9)))) ?? 0
        return Date(timeIntervalSince1970: Double(stamp.epochSeconds) + fraction)
    }

    /// Seconds in `30s`, `15m`, `24h`, `7d`, `2w` or a run of them (`1h30m`); nil otherwise.
    static func durationSeconds(_ text: String) -> Int64? {
        guard !text.isEmpty else { return nil }
        var total: Int64 = 0
        var amount: Int64?
        for character in text {
            if let digit = character.wholeNumberValue, character.isASCII {
                let next = (amount ?? 0) * 10 + Int64(digit)
                // About 30 million years: more is a typo, and it keeps the sums from overflowing.
                guard next < 1_000_000_000_000_000 / 604_800 else { return nil }
                amount = next
                continue
            }
            let unit: Int64
            switch character {
            case "s": unit = 1
            case "m": unit = 60
            case "h": unit = 3600
            case "d": unit = 86_400
            case "w": unit = 604_800
            default: return nil
            }
            guard let value = amount else { return nil }
            total += value * unit
            amount = nil
        }
        return amount == nil ? total : nil
    }
}

