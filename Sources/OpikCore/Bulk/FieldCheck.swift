/// Checks of single field values, shared by span and score records.
enum FieldCheck {
    /// 1970-01-01 and 2262-04-11, the bounds the server puts on span times (see docs/SERVER.md#creating-spans).
    static let earliestTime: Int64 = 0
    static let latestTime: Int64 = 9_223_286_400
    /// 2300-01-01, the bound on `last_updated_at`.
    static let latestUpdate: Int64 = 10_413_792_000

    static func string(_ value: JSONValue, line: Int, field: String) throws(RecordIssue) -> String {
        guard let text = value.stringValue else { throw .invalid(value, line: line, field: field, expected: "a string") }
        return text
    }

    static func uuid(_ value: JSONValue, line: Int, field: String, version7: Bool) throws(RecordIssue) {
        let text = try string(value, line: line, field: field)
        if version7 {
            guard UUIDv7.isVersion7(text) else {
                throw .invalid(value, line: line, field: field, expected: "a version 7 UUID")
            }
        } else if !UUIDv7.isValid(text) {
            throw .invalid(value, line: line, field: field, expected: "a UUID")
        }
    }

    /// An RFC 3339 time within bounds; returns its milliseconds since the epoch.
    @discardableResult
    static func time(_ value: JSONValue, line: Int, field: String, latest: Int64 = latestTime) throws(RecordIssue) -> Int64 {
        let text = try string(value, line: line, field: field)
        let utf8 = text.utf8
        guard let stamp = RFC3339Timestamp(rfc3339: text), utf8.count > 10, utf8[utf8.index(utf8.startIndex, offsetBy: 10)] | 0x20 == UInt8(ascii: "t") else {
            throw .invalid(value, line: line, field: field, expected: "an RFC 3339 time such as 2026-07-01T10:00:00Z")
        }
        guard stamp.epochSeconds >= earliestTime, stamp.epochSeconds < latest else {
            throw .invalid(value, line: line, field: field, expected: "a time between 1970 and \(latest == latestTime ? "2262-04-11" : "2300")")
        }
        // The fraction is a run of ASCII digits: its first three, padded, are the milliseconds.
        var millis: Int64 = 0
        var digits = stamp.fraction.utf8.makeIterator()
        for _ in 0..<3 { millis = millis * 10 + Int64(digits.next().map { $0 - UInt8(ascii: "0") } ?? 0) }
        return stamp.epochSeconds * 1000 + millis
    }

    static func choice(_ value: JSONValue, line: Int, field: String, among choices: [String]) throws(RecordIssue) {
        guard let text = value.stringValue, choices.contains(text) else {
            throw .invalid(value, line: line, field: field, expected: "one of \(choices.joined(separator: ", "))")
        }
    }

    static func number(_ value: JSONValue, line: Int, field: String, minimum: Double? = nil, magnitude: Double? = nil) throws(RecordIssue) {
        guard let number = value.doubleValue else { throw .invalid(value, line: line, field: field, expected: "a number") }
        if let minimum, number < minimum {
            throw .invalid(value, line: line, field: field, expected: "a number of at least \(Int(minimum))")
        }
        if let magnitude, abs(number) > magnitude {
            throw .invalid(value, line: line, field: field, expected: "a number from -999999999.999999999 to 999999999.999999999")
        }
    }

    /// A whole number that fits the server's 32-bit integers.
    static func int32(_ value: JSONValue, line: Int, field: String) throws(RecordIssue) {
        guard case let .number(text) = value, let number = Int64(text), number >= Int64(Int32.min), number <= Int64(Int32.max) else {
            throw .invalid(value, line: line, field: field, expected: "a whole number")
        }
    }

    static func object(_ value: JSONValue, line: Int, field: String) throws(RecordIssue) -> [(String, JSONValue)] {
        guard let members = value.objectMembers else { throw .invalid(value, line: line, field: field, expected: "an object") }
        return members
    }
}
