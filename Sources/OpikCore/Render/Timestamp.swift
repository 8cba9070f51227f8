#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// RFC 3339 timestamps of server responses, which carry 0 to 9 fractional digits
/// (see docs/SERVER.md), more than `Date.ISO8601FormatStyle` accepts; the one parser is the
/// query language's `RFC3339Timestamp`.
package enum Timestamp {
    /// Parses `2026-07-01T10:00:00.123456789Z` or `2026-07-01T12:00:00+02:00`; nil when malformed
    /// or when it is a date without a time.
    package static func parse(_ text: String) -> Date? {
        guard text.utf8.count >= 20 else { return nil }
        return TimeParser.date(rfc3339: text)
    }

    /// RFC 3339 in UTC with milliseconds: `2026-07-01T10:00:00.123Z`.
    package static func format(_ date: Date) -> String { TimeParser.format(date) }

    /// The UTC day: `2026-07-01`.
    package static func formatDay(_ date: Date) -> String { String(format(date).prefix(10)) }

    /// The UTC day of a count of seconds since 1970 (`SOURCE_DATE_EPOCH`): `2026-07-01`.
    package static func day(epochSeconds: Int64) -> String {
        let (year, month, day) = RFC3339Timestamp.civilFromDays(epochSeconds / 86_400)
        func two(_ n: Int64) -> String { n < 10 ? "0\(n)" : "\(n)" }
        return "\(year)-\(two(month))-\(two(day))"
    }
}
