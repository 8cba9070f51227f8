/// An RFC 3339 time read from text, kept as civil fields so it can be rewritten in UTC
/// without losing the digits of its fraction. Plain `Date` is avoided here because
/// FoundationEssentials has no time-zone database to lean on, and the arithmetic is short.
struct RFC3339Timestamp: Equatable {
    /// Seconds since 1970-01-01T00:00:00Z, leaving out the fraction.
    var epochSeconds: Int64
    /// The digits after the decimal point as written ("" when none).
    var fraction: String

    /// Reads `2026-07-01T10:00:00Z`, `2026-07-01t10:00:00.5+02:00`, `2026-07-01 10:00:00Z`
    /// or a plain date `2026-07-01` (midnight UTC). Nil when the text is none of these or
    /// names a day or time that does not exist.
    init?(rfc3339 text: some StringProtocol) {
        var scanner = DigitScanner(Array(text.utf8))
        guard let year = scanner.number(digits: 4), scanner.take("-"),
              let month = scanner.number(digits: 2), scanner.take("-"),
              let day = scanner.number(digits: 2),
              (1...12).contains(month), (1...RFC3339Timestamp.daysIn(month: month, year: year)).contains(day)
        else { return nil }
        let days = RFC3339Timestamp.daysFromCivil(year: year, month: month, day: day)
        if scanner.isAtEnd {
            self.init(epochSeconds: days * 86_400, fraction: "")
            return
        }
        guard scanner.take("T") || scanner.take("t") || scanner.take(" "),
              let hour = scanner.number(digits: 2), scanner.take(":"),
              let minute = scanner.number(digits: 2), scanner.take(":"),
              let second = scanner.number(digits: 2),
              hour < 24, minute < 60, second < 60
        else { return nil }
        var fraction = ""
        if scanner.take(".") {
            fraction = scanner.digitRun()
            guard !fraction.isEmpty else { return nil }
        }
        var offset: Int64 = 0
        if scanner.take("Z") || scanner.take("z") {
            offset = 0
        } else if let sign: Int64 = scanner.take("+") ? 1 : (scanner.take("-") ? -1 : Optional<Int64>.none) {
            guard let h = scanner.number(digits: 2), scanner.take(":"), let m = scanner.number(digits: 2),
                  h < 24, m < 60 else { return nil }
            offset = sign * (h * 3600 + m * 60)
        } else {
            return nil
        }
        guard scanner.isAtEnd else { return nil }
        let seconds = days * 86_400 + hour * 3600 + minute * 60 + second - offset
        self.init(epochSeconds: seconds, fraction: fraction)
    }

    init(epochSeconds: Int64, fraction: String) {
        self.epochSeconds = epochSeconds
        self.fraction = fraction
    }

    /// A time with exactly three fraction digits.
    init(epochMilliseconds: Int64) {
        let seconds = epochMilliseconds.quotient(dividingBy: 1000)
        let millis = String(epochMilliseconds - seconds * 1000)
        self.init(epochSeconds: seconds, fraction: String(repeating: "0", count: 3 - millis.count) + millis)
    }

    /// The time in UTC: `2026-07-01T08:00:00.5Z`, keeping the fraction's digits.
    var utcText: String {
        let days = epochSeconds.quotient(dividingBy: 86_400)
        let secondOfDay = epochSeconds - days * 86_400
        let (year, month, day) = RFC3339Timestamp.civilFromDays(days)
        var text = pad(year, 4) + "-" + pad(month, 2) + "-" + pad(day, 2) + "T"
        text += pad(secondOfDay / 3600, 2) + ":" + pad(secondOfDay / 60 % 60, 2) + ":" + pad(secondOfDay % 60, 2)
        if !fraction.isEmpty { text += "." + fraction }
        return text + "Z"
    }

    /// Whether the year is within what RFC 3339 can write (0000–9999).
    var isWritable: Bool {
        let (year, _, _) = RFC3339Timestamp.civilFromDays(epochSeconds.quotient(dividingBy: 86_400))
        return (0...9999).contains(year)
    }

    static func daysIn(month: Int64, year: Int64) -> Int64 {
        switch month {
        case 2: return year % 4 == 0 && (year % 100 != 0 || year % 400 == 0) ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    /// Days since 1970-01-01 of a proleptic Gregorian date (H. Hinnant's `days_from_civil`).
    static func daysFromCivil(year: Int64, month: Int64, day: Int64) -> Int64 {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yearOfEra = y - era * 400
        let dayOfYear = (153 * (month > 2 ? month - 3 : month + 9) + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }

    /// The inverse of `daysFromCivil`.
    static func civilFromDays(_ days: Int64) -> (year: Int64, month: Int64, day: Int64) {
        let z = days + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let dayOfEra = z - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let mp = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * mp + 2) / 5 + 1
        let month = mp < 10 ? mp + 3 : mp - 9
        return (month <= 2 ? yearOfEra + era * 400 + 1 : yearOfEra + era * 400, month, day)
    }
}

private func pad(_ value: Int64, _ width: Int) -> String {
    let digits = String(value)
    return String(repeating: "0", count: max(width - digits.count, 0)) + digits
}

extension Int64 {
    /// Division rounding towards minus infinity, so times before 1970 split correctly.
    fileprivate func quotient(dividingBy divisor: Int64) -> Int64 {
        let q = self / divisor
        return (self % divisor != 0 && (self < 0) != (divisor < 0)) ? q - 1 : q
    }
}

/// Reads fixed-width ASCII fields from UTF-8 bytes.
private struct DigitScanner {
    let bytes: [UInt8]
    var index = 0

    init(_ bytes: [UInt8]) { self.bytes = bytes }

    var isAtEnd: Bool { index == bytes.count }

    mutating func take(_ character: Unicode.Scalar) -> Bool {
        guard index < bytes.count, bytes[index] == UInt8(character.value) else { return false }
        index += 1
        return true
    }

    mutating func number(digits: Int) -> Int64? {
        guard index + digits <= bytes.count else { return nil }
        var value: Int64 = 0
        for byte in bytes[index..<index + digits] {
            guard (48...57).contains(byte) else { return nil }
            value = value * 10 + Int64(byte - 48)
        }
        index += digits
        return value
    }

    mutating func digitRun() -> String {
        let start = index
        while index < bytes.count, (48...57).contains(bytes[index]) { index += 1 }
        return String(decoding: bytes[start..<index], as: UTF8.self)
    }
}
