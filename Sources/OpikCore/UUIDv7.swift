/// UUID text checks and version 7 ids, which the server demands for the ids of new spans and
/// traces (see docs/SERVER.md#creating-spans).
package enum UUIDv7 {
    /// Whether `text` is a UUID in the 8-4-4-4-12 hex form.
    package static func isValid(_ text: String) -> Bool {
        let bytes = Array(text.utf8)
        guard bytes.count == 36 else { return false }
        for (i, byte) in bytes.enumerated() {
            if i == 8 || i == 13 || i == 18 || i == 23 {
                if byte != UInt8(ascii: "-") { return false }
            } else if !isHex(byte) {
                return false
            }
        }
        return true
    }

    /// Whether `text` is a version 7 UUID (RFC 9562 variant).
    package static func isVersion7(_ text: String) -> Bool {
        guard isValid(text) else { return false }
        let bytes = Array(text.utf8)
        return bytes[14] == UInt8(ascii: "7") && [UInt8(ascii: "8"), UInt8(ascii: "9"), UInt8(ascii: "a"), UInt8(ascii: "b"), UInt8(ascii: "A"), UInt8(ascii: "B")].contains(bytes[19])
    }

    /// The millisecond timestamp a version 7 id carries.
    package static func milliseconds(of text: String) -> UInt64? {
        guard isVersion7(text) else { return nil }
        let hex = text.replacingDashes.prefix(12)
        return UInt64(hex, radix: 16)
    }

    /// A version 7 id for `milliseconds` since the epoch, its other 74 bits taken from `random`
    /// (pass bits derived from content for ids that are the same on every run).
    package static func make(milliseconds: UInt64, random: (UInt64, UInt64)) -> String {
        var bytes = [UInt8](repeating: 0, count: 16)
        for i in 0..<6 { bytes[i] = UInt8(truncatingIfNeeded: milliseconds >> (8 * (5 - UInt64(i)))) }
        let a = random.0, b = random.1
        bytes[6] = 0x70 | UInt8(truncatingIfNeeded: a >> 60 & 0x0F)
        bytes[7] = UInt8(truncatingIfNeeded: a >> 52)
        bytes[8] = 0x80 | UInt8(truncatingIfNeeded: a >> 46 & 0x3F)
        for i in 9..<16 { bytes[i] = UInt8(truncatingIfNeeded: b >> (8 * UInt64(15 - i))) }
        let hex = Array("0123456789abcdef".utf8)
        var out: [UInt8] = []
        out.reserveCapacity(36)
        for (i, byte) in bytes.enumerated() {
            if i == 4 || i == 6 || i == 8 || i == 10 { out.append(UInt8(ascii: "-")) }
            out.append(hex[Int(byte >> 4)])
            out.append(hex[Int(byte & 0x0F)])
        }
        return String(decoding: out, as: UTF8.self)
    }

    static func isHex(_ byte: UInt8) -> Bool {
        (0x30...0x39).contains(byte) || (0x41...0x46).contains(byte) || (0x61...0x66).contains(byte)
    }
}

extension String {
    var replacingDashes: String { String(filter { $0 != "-" }) }
}
