import Foundation
import OpikCore
import Testing

@Suite struct RenderHumanizeTests {
    static let now = RenderFixtures.now

    static let relativeTimes: [(Double, String)] = [
        (0.4, "just now"), (42, "42s ago"), (180, "3m ago"), (3599, "59m ago"), (7200, "2h ago"),
        (432_060, "5d ago"), (3_456_000, "2026-05-22"), (-300, "in 5m"),
    ]

    @Test(arguments: relativeTimes)
    func relativeTime(secondsAgo: Double, expected: String) {
        #expect(Humanize.relativeTime(Self.now.addingTimeInterval(-secondsAgo), now: Self.now) == expected)
    }

    static let durations: [(Double, String)] = [
        (0.25, "0.25ms"), (0.5, "0.5ms"), (812.4, "812ms"), (999.6, "1.0s"), (2400, "2.4s"),
        (59_960, "1m00s"), (63_000, "1m03s"), (3_599_400, "59m59s"), (7_500_000, "2h05m"),
    ]

    @Test(arguments: durations)
    func duration(ms: Double, expected: String) {
        #expect(Humanize.duration(ms: ms) == expected)
    }

    @Test(arguments: [
        ("0.0012345", "$0.0012"), ("12.345", "$12.35"), ("0.5", "$0.5000"), ("0", "$0"),
        ("0.000015", "$0.000015"), ("0.0000123", "$0.000012"), ("1e-3", "$0.0010"), ("n/a", "n/a"),
    ])
    func cost(text: String, expected: String) {
        #expect(Humanize.cost(text) == expected)
    }

    @Test(arguments: [
        ("2026-07-01T10:05:00Z", 0.0),
        ("2026-07-01T10:05:00.5Z", 0.5),
        ("2026-07-01T10:05:00.123456789Z", 0.123456789),
        ("2026-07-01t10:05:00z", 0.0),
        ("2026-07-01T12:05:00+02:00", 0.0),
        ("2026-07-01T09:35:00.250-00:30", 0.25),
        // RFC 3339 sets no limit on fraction digits; one parser serves filters and responses.
        ("2026-07-01T10:05:00.1234567890Z", 0.123456789),
    ])
    func parsesRFC3339(text: String, offsetFromNow: Double) throws {
        let date = try #require(TimeParser.instant(text))
        #expect(abs(date.timeIntervalSince(Self.now) - offsetFromNow) < 1e-6)
    }

    @Test func parsesEpochAndLeapDay() {
        #expect(TimeParser.instant("1970-01-01T00:00:00Z")?.timeIntervalSince1970 == 0)
        #expect(TimeParser.instant("2024-02-29T00:00:00Z")?.timeIntervalSince1970 == 1_709_164_800)
    }

    @Test(arguments: [
        "", "2026-07-01", "2026-07-01T10:05:00", "2026-07-01T10:05:00.Z",
        "2026-13-01T10:05:00Z", "2026-02-30T10:05:00Z", "2026-07-01T24:00:00Z", "2026-07-01T10:05:00+0200",
        "2026-07-01T10:05:00Zjunk",
    ])
    func rejectsMalformedTimestamps(text: String) {
        #expect(TimeParser.instant(text) == nil)
    }

    @Test func formatsWithMilliseconds() {
        #expect(TimeParser.format(Self.now.addingTimeInterval(0.123)) == "2026-07-01T10:05:00.123Z")
        #expect(TimeParser.format(Date(timeIntervalSince1970: -0.5)) == "1969-12-31T23:59:59.500Z")
    }

    @Test(arguments: [
        ("abc", 3), ("检索", 4), ("🔍", 2), ("é", 1), ("e\u{301}", 1), ("☀️", 2), ("…", 1),
        ("├─ ⟨x⟩ █", 8), ("│\u{301}a", 2), ("\r\n", 2),
    ])
    func displayWidth(text: String, width: Int) {
        #expect(DisplayWidth.of(text) == width)
    }

    @Test func truncateNeverSplitsACharacter() {
        #expect(DisplayWidth.truncate("检索文档", to: 4) == "检…")
        #expect(DisplayWidth.truncate("👩‍👩‍👧xy", to: 3) == "👩‍👩‍👧…")
        #expect(DisplayWidth.truncate("abc", to: 3) == "abc")
        #expect(DisplayWidth.truncate("abcd", to: 1) == "…")
    }

    @Test(arguments: [
        ("0.45999999999999996", "0.46"), ("456.44117647058823", "456"), ("4.567", "4.57"), ("45.65", "45.7"),
        ("0.0012345", "0.00123"), ("120", "120"), ("1203", "1,203"), ("1203.0", "1,203"), ("-0.5", "-0.5"),
        ("0", "0"), ("99.96", "100"), ("abc", "abc"),
    ])
    func numbersRoundForReading(text: String, shown: String) {
        #expect(Humanize.number(text) == shown)
    }

    @Test func countsAgreeWithTheirNouns() {
        #expect(Plural.count(1, "span") == "1 span")
        #expect(Plural.count(0, "span") == "0 spans")
        #expect(Plural.count(2, "score") == "2 scores")
        #expect(Plural.count(1, "batch") == "1 batch")
        #expect(Plural.count(3, "batch") == "3 batches")
        #expect(Plural.groupedCount(1203, "span") == "1,203 spans")
        #expect(Plural.grouped(1_000_000) == "1,000,000")
        #expect(Plural.grouped(-45000) == "-45,000")
        #expect(Plural.grouped(999) == "999")
        #expect(Plural.was(1) == "was" && Plural.was(2) == "were")
    }
}
