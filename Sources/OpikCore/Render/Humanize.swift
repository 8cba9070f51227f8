#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// Short human forms of times, durations and costs for terminal tables.
package enum Humanize {
    /// `just now`, `42s ago`, `3m ago`, `2h ago`, `5d ago`, or the UTC date past 30 days;
    /// times ahead of `now` read `in 3m`.
    package static func relativeTime(_ date: Date, now: Date) -> String {
        let delta = now.timeIntervalSince(date)
        let magnitude = abs(delta)
        if magnitude < 1 { return "just now" }
        let amount: String
        switch magnitude {
        case ..<60: amount = "\(Int(magnitude))s"
        case ..<3600: amount = "\(Int(magnitude / 60))m"
        case ..<86_400: amount = "\(Int(magnitude / 3600))h"
        case ..<(30 * 86_400): amount = "\(Int(magnitude / 86_400))d"
        default: return String(TimeParser.format(date).prefix(10))
        }
        return delta > 0 ? "\(amount) ago" : "in \(amount)"
    }

    /// `0.25ms`, `812ms`, `2.4s`, `1m03s`, `2h05m` from milliseconds.
    package static func duration(ms: Double) -> String {
        // Past about 31 years in milliseconds the value is no duration worth shortening (and
        // larger ones would not fit the integer arithmetic below).
        guard ms.isFinite, ms >= 0, ms < 1e12 else { return String(ms) }
        if ms < 1 { return trimmed(fixed(ms, decimals: 2)) + "ms" }
        let wholeMs = Int(ms.rounded())
        if wholeMs < 1000 { return "\(wholeMs)ms" }
        let tenths = Int((ms / 100).rounded())
        if tenths < 600 { return "\(tenths / 10).\(tenths % 10)s" }
        let seconds = Int((ms / 1000).rounded())
        if seconds < 3600 { return "\(seconds / 60)m\(twoDigits(seconds % 60))s" }
        let minutes = Int((ms / 60_000).rounded())
        return "\(minutes / 60)h\(twoDigits(minutes % 60))m"
    }

    static func twoDigits(_ value: Int) -> String { value < 10 ? "0\(value)" : String(value) }

    /// `$12.35`, `$0.0012`, `$0.000015`, `$0` from a cost in US dollars as the server wrote it.
    package static func cost(_ text: String) -> String {
        guard let value = Double(text), value.isFinite else { return text }
        if value == 0 { return "$0" }
        let sign = value < 0 ? "-" : ""
        let magnitude = abs(value)
        if magnitude >= 0.995 { return sign + "$" + fixed(magnitude, decimals: 2) }
        if magnitude >= 0.00005 { return sign + "$" + fixed(magnitude, decimals: 4) }
        // Tiny per-span costs keep two significant digits rather than rounding to zero.
        var decimals = 5
        var scaled = magnitude * 100_000
        while scaled < 10, decimals < 12 {
            decimals += 1
            scaled *= 10
        }
        return sign + "$" + trimmed(fixed(magnitude, decimals: decimals))
    }

    /// `0.46`, `4.57`, `45.6`, `456`, `1,203` from a number as the server wrote it: three
    /// significant digits, whole numbers (and anything from 100 up) whole, thousands grouped.
    package static func number(_ text: String) -> String {
        guard let value = Double(text), value.isFinite else { return text }
        let magnitude = abs(value)
        if magnitude >= 100 || value == value.rounded() {
            guard magnitude < 9e15 else { return text }
            return Plural.grouped(Int(value.rounded()))
        }
        // Three significant digits: one more decimal for each power of ten below 10.
        var decimals = 1
        var scaled = magnitude
        while scaled < 10, decimals < 12 {
            decimals += 1
            scaled *= 10
        }
        return trimmed(fixed(value, decimals: decimals))
    }

    /// `value` with exactly `decimals` digits after the point, rounded half away from zero.
    static func fixed(_ value: Double, decimals: Int) -> String {
        var factor = 1.0
        for _ in 0..<decimals { factor *= 10 }
        let scaled = (abs(value) * factor).rounded()
        guard scaled < 9e15 else { return String(value) }
        let digits = String(Int64(scaled))
        let padded = String(repeating: "0", count: max(0, decimals + 1 - digits.count)) + digits
        let cut = padded.index(padded.endIndex, offsetBy: -decimals)
        let sign = value < 0 && scaled != 0 ? "-" : ""
        if decimals == 0 { return sign + padded }
        return sign + padded[..<cut] + "." + padded[cut...]
    }

    /// Drops trailing zeros after a decimal point (`0.50` → `0.5`, `3.00` → `3`).
    static func trimmed(_ text: String) -> String {
        guard text.contains(".") else { return text }
        var result = Substring(text)
        while result.hasSuffix("0") { result = result.dropLast() }
        if result.hasSuffix(".") { result = result.dropLast() }
        return String(result)
    }
}
