/// Base64 decoding (standard and URL-safe alphabets, padding optional), so that the core needs
/// no Foundation `Data`: linking `Data` statically brings in Foundation's file writer, whose
/// temporary files come from the unsafe `mktemp`.
package enum Base64 {
    /// The bytes `text` encodes, or nil when it is not base64.
    package static func decode(_ text: String) -> [UInt8]? {
        var values: [UInt8] = []
        values.reserveCapacity(text.utf8.count)
        var padding = 0
        for byte in text.utf8 {
            if byte == UInt8(ascii: "=") {
                padding += 1
                continue
            }
            guard padding == 0, let value = value(of: byte) else { return nil }
            values.append(value)
        }
        guard values.count % 4 != 1, padding <= 2 else { return nil }
        var result: [UInt8] = []
        result.reserveCapacity(values.count * 3 / 4)
        var index = 0
        while index < values.count {
            let chunk = values[index..<min(index + 4, values.count)]
            let a = UInt32(chunk[chunk.startIndex]) << 18
            let b = UInt32(chunk[chunk.startIndex + 1]) << 12
            let c = chunk.count > 2 ? UInt32(chunk[chunk.startIndex + 2]) << 6 : 0
            let d = chunk.count > 3 ? UInt32(chunk[chunk.startIndex + 3]) : 0
            let word = a | b | c | d
            result.append(UInt8(word >> 16 & 0xFF))
            if chunk.count > 2 { result.append(UInt8(word >> 8 & 0xFF)) }
            if chunk.count > 3 { result.append(UInt8(word & 0xFF)) }
            index += 4
        }
        return result
    }

    static func value(of byte: UInt8) -> UInt8? {
        switch byte {
        case UInt8(ascii: "A")...UInt8(ascii: "Z"): return byte - UInt8(ascii: "A")
        case UInt8(ascii: "a")...UInt8(ascii: "z"): return byte - UInt8(ascii: "a") + 26
        case UInt8(ascii: "0")...UInt8(ascii: "9"): return byte - UInt8(ascii: "0") + 52
        case UInt8(ascii: "+"), UInt8(ascii: "-"): return 62
        case UInt8(ascii: "/"), UInt8(ascii: "_"): return 63
        default: return nil
        }
    }
}
