/// How text bound for a terminal is made inert. Server text (span fields, error bodies) may
/// hold escape sequences that set the window title, clear the screen or write the clipboard
/// (OSC 52), or bidi overrides that make text read differently than it is. On a terminal every
/// C0 and C1 control character but line feed (alone or after CR) and tab, DEL, and the bidi overrides U+202A–U+202E
/// and U+2066–U+2069 are written as visible escapes (`\x1B`, `\u009B`, `\u202E`); bytes that
/// are not UTF-8 become `\xNN`. A pipe or file gets the bytes unchanged.
public enum TerminalEscaping: Sendable, Equatable {
    /// Not a terminal: bytes pass unchanged.
    case none
    /// A terminal: every control character is escaped.
    case all
    /// A terminal showing the program's own colours: SGR sequences (`ESC [ 1 ; 31 m`) pass,
    /// everything else is escaped. Used only for the table format, whose renderers clean
    /// server text before colouring it.
    case allButStyles

    /// `text` as it is written to a terminal (escaping `.all`).
    package static func escape(_ text: String) -> String {
        var bytes: [UInt8] = []
        TerminalEscaping.all.append(Array(text.utf8), to: &bytes)
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Appends `input` to `output`, escaped as this mode says.
    package func append(_ input: some Collection<UInt8>, to output: inout [UInt8]) {
        guard self != .none else { return output.append(contentsOf: input) }
        let bytes = Array(input)
        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            if byte < 0x80 {
                if byte == 0x1B, self == .allButStyles, let end = Self.styleEnd(bytes, from: index) {
                    output.append(contentsOf: bytes[index..<end])
                    index = end
                    continue
                }
                // CR before LF (CSV's line end) only ends the line; a lone CR could overwrite it.
                let isLineEnd = byte == 0x0A || (byte == 0x0D && index + 1 < bytes.count && bytes[index + 1] == 0x0A)
                if (byte < 0x20 && byte != 0x09 && !isLineEnd) || byte == 0x7F {
                    Self.appendHex(byte, to: &output)
                } else {
                    output.append(byte)
                }
                index += 1
                continue
            }
            guard let (scalar, length) = Self.decode(bytes, at: index) else {
                Self.appendHex(byte, to: &output)
                index += 1
                continue
            }
            if Self.isUnsafe(scalar) {
                output.append(contentsOf: Array("\\u".utf8) + Self.hex(scalar, digits: 4))
            } else {
                output.append(contentsOf: bytes[index..<index + length])
            }
            index += length
        }
    }

    /// C1 controls and the bidi embedding, override and isolate characters.
    static func isUnsafe(_ scalar: UInt32) -> Bool {
        (0x80...0x9F).contains(scalar) || (0x202A...0x202E).contains(scalar) || (0x2066...0x2069).contains(scalar)
    }

    /// The end of an SGR sequence starting at `start` (`ESC [`, digits and `;`, `m`), if any.
    static func styleEnd(_ bytes: [UInt8], from start: Int) -> Int? {
        guard start + 2 < bytes.count, bytes[start + 1] == UInt8(ascii: "[") else { return nil }
        var index = start + 2
        while index < bytes.count, index - start < 24 {
            let byte = bytes[index]
            if byte == UInt8(ascii: "m") { return index + 1 }
            guard (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) || byte == UInt8(ascii: ";") else { return nil }
            index += 1
        }
        return nil
    }

    /// The scalar of a well-formed UTF-8 sequence at `index` and its length.
    static func decode(_ bytes: [UInt8], at index: Int) -> (UInt32, Int)? {
        let lead = bytes[index]
        let length: Int
        var value: UInt32
        switch lead {
        case 0xC2...0xDF: length = 2; value = UInt32(lead & 0x1F)
        case 0xE0...0xEF: length = 3; value = UInt32(lead & 0x0F)
        case 0xF0...0xF4: length = 4; value = UInt32(lead & 0x07)
        default: return nil
        }
        guard index + length <= bytes.count else { return nil }
        for offset in 1..<length {
            let byte = bytes[index + offset]
            guard byte & 0xC0 == 0x80 else { return nil }
            value = value << 6 | UInt32(byte & 0x3F)
        }
        // Overlong forms, surrogates and values past U+10FFFF are not UTF-8.
        let minimum: UInt32 = length == 2 ? 0x80 : length == 3 ? 0x800 : 0x10000
        guard value >= minimum, value <= 0x10FFFF, !(0xD800...0xDFFF).contains(value) else { return nil }
        return (value, length)
    }

    static func appendHex(_ byte: UInt8, to output: inout [UInt8]) {
        output.append(contentsOf: Array("\\x".utf8) + hex(UInt32(byte), digits: 2))
    }

    static func hex(_ value: UInt32, digits: Int) -> [UInt8] {
        let text = String(value, radix: 16, uppercase: true)
        return Array((String(repeating: "0", count: max(0, digits - text.count)) + text).utf8)
    }
}
