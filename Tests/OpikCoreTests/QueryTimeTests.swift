import Foundation
import OpikCore
import Testing

@Suite struct QueryTimeTests {
    /// 2026-07-01T10:00:00.250Z.
    static let now = Date(timeIntervalSince1970: 1_782_900_000.25)

    static let absolute: [(String, String)] = [
        ("2026-07-01T10:00:00Z", "2026-07-01T10:00:00.000Z"),
        ("2026-07-01T10:00:00.123Z", "2026-07-01T10:00:00.123Z"),
        ("2026-07-01T10:00:00.5Z", "2026-07-01T10:00:00.500Z"),
        ("2026-07-01T10:00:00.123456789Z", "2026-07-01T10:00:00.123Z"),
        ("2026-07-01T12:00:00+02:00", "2026-07-01T10:00:00.000Z"),
        ("2026-07-01T00:30:00-05:30", "2026-07-01T06:00:00.000Z"),
        ("2026-01-01T00:30:00+01:00", "2025-12-31T23:30:00.000Z"),
        ("2026-07-01t10:00:00z", "2026-07-01T10:00:00.000Z"),
        ("2026-07-01 10:00:00Z", "2026-07-01T10:00:00.000Z"),
        ("2026-07-01", "2026-07-01T00:00:00.000Z"),
        ("2024-02-29", "2024-02-29T00:00:00.000Z"),
        ("2000-02-29T23:59:59.999Z", "2000-02-29T23:59:59.999Z"),
        ("1969-12-31T23:59:59.500Z", "1969-12-31T23:59:59.500Z"),
        (" 2026-07-01 ", "2026-07-01T00:00:00.000Z"),
    ]

    @Test(arguments: absolute)
    func absoluteTime(text: String, utc: String) throws {
        #expect(TimeParser.format(try TimeParser.parse(text, now: Self.now)) == utc)
    }

    static let relative: [(String, String)] = [
        ("0s", "2026-07-01T10:00:00.250Z"),
        ("30s", "2026-07-01T09:59:30.250Z"),
        ("15m", "2026-07-01T09:45:00.250Z"),
        ("24h", "2026-06-30T10:00:00.250Z"),
        ("7d", "2026-06-24T10:00:00.250Z"),
        ("2w", "2026-06-17T10:00:00.250Z"),
        ("1h30m", "2026-07-01T08:30:00.250Z"),
        ("240h", "2026-06-21T10:00:00.250Z"),
    ]

    @Test(arguments: relative)
    func relativeDurationCountsBackFromNow(text: String, utc: String) throws {
        #expect(TimeParser.format(try TimeParser.parse(text, now: Self.now)) == utc)
    }

    static let accepted = "expected an RFC 3339 time such as 2026-07-01T10:00:00Z, a date such as "
        + "2026-07-01, or a duration such as 30s, 15m, 24h, 7d, 2w"

    @Test(arguments: ["yesterday", "", "7", "d", "7x", "-7d", "7d3", "1.5h", "7D", "2026-07-01T10:00Z",
                      "2026-13-01", "2026-02-29", "2026-07-01T24:00:00Z", "2026-07-01T10:00:00+0200",
                      "2026-07-01T10:00:00", "2026-07-01T10:00:00.Z", "26-07-01", "0000-01-01T00:00:00+01:00"])
    func invalidTime(text: String) {
        #expect(throws: QueryError("invalid time '\(text)': \(Self.accepted)")) {
            try TimeParser.parse(text, now: Self.now)
        }
    }

    @Test func durationBeforeTheYearZeroIsRefused() {
        #expect(throws: QueryError("invalid time '200000w': that is before the year 0")) {
            try TimeParser.parse("200000w", now: Self.now)
        }
    }

    @Test func formatRoundsToMilliseconds() {
        #expect(TimeParser.format(Date(timeIntervalSince1970: 0)) == "1970-01-01T00:00:00.000Z")
        #expect(TimeParser.format(Date(timeIntervalSince1970: 1_782_900_000.1234)) == "2026-07-01T10:00:00.123Z")
        #expect(TimeParser.format(Date(timeIntervalSince1970: 4_102_444_799.9996)) == "2100-01-01T00:00:00.000Z")
    }

    @Test func sinceAndUntilBoundStartTime() throws {
        let filters = try TimeParser.startTimeFilters(since: "24h", until: "2026-07-01T12:00:00+02:00", now: Self.now)
        #expect(filters == [
            SpanFilter(field: "start_time", operator: .greaterThanOrEqual, value: "2026-06-30T10:00:00.250Z"),
            SpanFilter(field: "start_time", operator: .lessThanOrEqual, value: "2026-07-01T10:00:00.000Z"),
        ])
    }

    @Test func eitherBoundAlone() throws {
        #expect(try TimeParser.startTimeFilters(since: nil, until: nil, now: Self.now) == [])
        #expect(try TimeParser.startTimeFilters(since: "2026-07-01", until: nil, now: Self.now)
            == [SpanFilter(field: "start_time", operator: .greaterThanOrEqual, value: "2026-07-01T00:00:00.000Z")])
        #expect(try TimeParser.startTimeFilters(since: nil, until: "30s", now: Self.now)
            == [SpanFilter(field: "start_time", operator: .lessThanOrEqual, value: "2026-07-01T09:59:30.250Z")])
    }

    @Test func equalBoundsAreAllowed() throws {
        #expect(try TimeParser.startTimeFilters(since: "2026-07-01", until: "2026-07-01", now: Self.now).count == 2)
    }

    @Test func errorsNameTheOption() {
        #expect(throws: QueryError("invalid --since 'last week': \(Self.accepted)")) {
            try TimeParser.startTimeFilters(since: "last week", until: nil, now: Self.now)
        }
        #expect(throws: QueryError("invalid --until '2026-07-32': \(Self.accepted)")) {
            try TimeParser.startTimeFilters(since: "1d", until: "2026-07-32", now: Self.now)
        }
    }

    @Test func sinceAfterUntilIsAnError() {
        #expect(throws: QueryError("--since (2026-07-01T10:00:00.000Z) is later than --until (2026-06-30T10:00:00.250Z)")) {
            try TimeParser.startTimeFilters(since: "2026-07-01T10:00:00Z", until: "24h", now: Self.now)
        }
    }
}

extension QueryTimeTests {
    @Test func serverTimesReadWithoutDurations() throws {
        let date = try #require(TimeParser.date(rfc3339: "2026-07-01T10:00:00.123456Z"))
        #expect(TimeParser.format(date) == "2026-07-01T10:00:00.123Z")
        #expect(TimeParser.date(rfc3339: "24h") == nil)
    }
}
