#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// A time from a response with every one of its fraction digits (up to nine), for ordering
/// spans: `…:00.5Z` is after `…:00Z`, and two starts a nanosecond apart stay apart, which a
/// `Date` (a Double) cannot promise.
struct SpanInstant: Comparable, Sendable {
    let seconds: Int64
    let nanoseconds: Int64

    /// The time of a string value; nil when absent, not a string, or not RFC 3339.
    init?(_ value: JSONValue?) {
        guard let text = value?.stringValue, let stamp = RFC3339Timestamp(rfc3339: text) else { return nil }
        var nanoseconds: Int64 = 0
        var digits = 0
        for byte in stamp.fraction.utf8.prefix(9) {
            nanoseconds = nanoseconds * 10 + Int64(byte - 48)
            digits += 1
        }
        for _ in digits..<9 { nanoseconds *= 10 }
        self.seconds = stamp.epochSeconds
        self.nanoseconds = nanoseconds
    }

    /// Placeholder rows (a span updated before it was created) carry 1970-01-01 (see
    /// docs/SERVER.md); any time in 1970 is read as "not known".
    var isPlaceholder: Bool { seconds < 365 * 86_400 }

    /// A span's or trace's start (nil when absent or a placeholder) and end: `end_time`, else
    /// the start plus `duration` (milliseconds).
    static func extent(of record: JSONValue) -> (start: SpanInstant?, end: Date?) {
        let start = SpanInstant(record["start_time"]).flatMap { $0.isPlaceholder ? nil : $0 }
        if let end = SpanInstant(record["end_time"]), !end.isPlaceholder { return (start, end.date) }
        guard let start, let duration = record["duration"]?.doubleValue, duration.isFinite else { return (start, nil) }
        return (start, start.date.addingTimeInterval(duration / 1000))
    }

    var date: Date { Date(timeIntervalSince1970: Double(seconds) + Double(nanoseconds) / 1e9) }

    static func < (lhs: SpanInstant, rhs: SpanInstant) -> Bool {
        lhs.seconds != rhs.seconds ? lhs.seconds < rhs.seconds : lhs.nanoseconds < rhs.nanoseconds
    }
}
