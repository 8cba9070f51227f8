/// UUID text helpers: version checks and time-ordered version 7 ids.
enum UUIDv7 {
    private static let hex = Array("0123456789abcdef".utf8)

    /// Whether `text` is a UUID in 8-4-4-4-12 hex form (any case).
    static func isUUID(_ text: String) -> Bool {
        let bytes = Array(text.utf8)
        guard bytes.count == 36 else { return false }
        for (i, byte) in bytes.enumerated() {
            if i == 8 || i == 13 || i == 18 || i == 23 {
                if byte != UInt8(ascii: "-") { return false }
            } else if !isHexDigit(byte) {
                return false
            }
        }
        return true
    }

    static func isVersion7(_ text: String) -> Bool {
        isUUID(text) && Array(text.utf8)[14] == UInt8(ascii: "7")
    }

    /// The id's embedded Unix time in milliseconds.
    static func millis(of id: String) -> Int64? {
        guard isUUID(id) else { return nil }
        let digits = id.utf8.filter { $0 != UInt8(ascii: "-") }.prefix(12)
        return Int64(String(decoding: digits, as: UTF8.self), radix: 16)
    }

    /// A version 7 id for `millis` whose remaining 74 bits come from `random`.
    static func make(millis: Int64, random: UInt64, random2: UInt64) -> String {
        var nibbles: [UInt8] = []
        for shift in stride(from: 44, through: 0, by: -4) { nibbles.append(UInt8((millis >> Int64(shift)) & 0xF)) }
        nibbles.append(7)
        for shift in stride(from: 60, through: 52, by: -4) { nibbles.append(UInt8((random >> UInt64(shift)) & 0xF)) }
        nibbles.append(UInt8(8 | ((random2 >> 62) & 0x3)))
        for shift in stride(from: 56, through: 0, by: -4) { nibbles.append(UInt8((random2 >> UInt64(shift)) & 0xF)) }
        return format(nibbles)
    }

    /// The smallest (or largest) UUID text whose time prefix is `millis`, for `from_time`/`to_time`.
    static func bound(millis: Int64, upper: Bool) -> String {
        var nibbles: [UInt8] = []
        for shift in stride(from: 44, through: 0, by: -4) { nibbles.append(UInt8((millis >> Int64(shift)) & 0xF)) }
        nibbles += Array(repeating: upper ? 0xF : 0, count: 20)
        return format(nibbles)
    }

    private static func format(_ nibbles: [UInt8]) -> String {
        var out: [UInt8] = []
        out.reserveCapacity(36)
        for (i, nibble) in nibbles.prefix(32).enumerated() {
            if i == 8 || i == 12 || i == 16 || i == 20 { out.append(UInt8(ascii: "-")) }
            out.append(hex[Int(nibble)])
        }
        return String(decoding: out, as: UTF8.self)
    }

    private static func isHexDigit(_ byte: UInt8) -> Bool {
        (0x30...0x39).contains(byte) || (0x41...0x46).contains(byte) || (0x61...0x66).contains(byte)
    }
}

/// A small deterministic generator (SplitMix64) for seeding and server-made ids.
struct SplitMix64 {
    var state: UInt64

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    mutating func below(_ bound: Int) -> Int { Int(next() % UInt64(bound)) }

    mutating func pick<T>(_ items: [T]) -> T { items[below(items.count)] }
}
