/// Moving past JSON values without building them: each function accepts exactly the text the
/// parsing function of the same kind accepts, and answers false where that one would throw
/// (the caller parses again to learn the error).
extension Reader {
    /// Moves past the value at `index` (at `depth` in the document), containers by an
    /// explicit stack as `parseValue` does.
    mutating func skipValue(depth: Int) -> Bool {
        // Whether each open container is an object, innermost last.
        var open: [Bool] = []
        while true {
            guard index < bytes.count else { return false }
            switch bytes[index] {
            case UInt8(ascii: "{"), UInt8(ascii: "["):
                guard depth + open.count < JSONParser.maxDepth else { return false }
                let isObject = bytes[index] == UInt8(ascii: "{")
                index += 1
                skipSpace()
                if index < bytes.count && bytes[index] == Reader.closing(isObject: isObject) {
                    index += 1
                } else {
                    guard !isObject || skipKey() else { return false }
                    open.append(isObject)
                    continue
                }
            case UInt8(ascii: "\""): guard skipString() else { return false }
            case UInt8(ascii: "t"): guard skipWord("true") else { return false }
            case UInt8(ascii: "f"): guard skipWord("false") else { return false }
            case UInt8(ascii: "n"): guard skipWord("null") else { return false }
            case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): guard skipNumber() else { return false }
            default: return false
            }
            // Close the containers the value completes, up to one that goes on.
            while let isObject = open.last {
                skipSpace()
                guard index < bytes.count else { return false }
                if bytes[index] == UInt8(ascii: ",") {
                    index += 1
                    if isObject {
                        guard skipKey() else { return false }
                    } else {
                        skipSpace()
                    }
                    break
                }
                guard bytes[index] == Reader.closing(isObject: isObject) else { return false }
                index += 1
                open.removeLast()
            }
            if open.isEmpty { return true }
        }
    }

    /// A member's key and colon, from the white space before the key to the value.
    mutating func skipKey() -> Bool {
        skipSpace()
        guard index < bytes.count, bytes[index] == UInt8(ascii: "\""), skipString() else { return false }
        skipSpace()
        guard index < bytes.count, bytes[index] == UInt8(ascii: ":") else { return false }
        index += 1
        skipSpace()
        return true
    }

    mutating func skipWord(_ word: StaticString) -> Bool {
        let count = word.utf8CodeUnitCount
        guard index + count <= bytes.count else { return false }
        for i in 0..<count where bytes[index + i] != word.utf8Start[i] { return false }
        index += count
        return true
    }

    mutating func skipNumber() -> Bool { scanNumber() == nil }

    /// A string from its opening quote. The text the parser decodes is valid UTF-8 exactly
    /// when every run of bytes between escapes is: an escape always decodes to whole
    /// characters, so no character can straddle one.
    mutating func skipString() -> Bool {
        index += 1
        var runStart = index
        var ascii = true
        while index < bytes.count {
            let byte = bytes[index]
            if byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\") {
                if !ascii {
                    guard Reader.validUTF8(UnsafeBufferPointer(rebasing: bytes[runStart..<index])) != nil else { return false }
                    ascii = true
                }
                index += 1
                if byte == UInt8(ascii: "\"") { return true }
                guard index < bytes.count, skipEscape() else { return false }
                runStart = index
            } else if byte < 0x20 {
                return false
            } else {
                if byte >= 0x80 { ascii = false }
                index += 1
            }
        }
        return false
    }

    /// The escape after a backslash.
    mutating func skipEscape() -> Bool {
        let escape = bytes[index]
        index += 1
        switch escape {
        case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"), UInt8(ascii: "b"), UInt8(ascii: "f"),
            UInt8(ascii: "n"), UInt8(ascii: "r"), UInt8(ascii: "t"):
            return true
        case UInt8(ascii: "u"):
            guard let scalar = skipHex4() else { return false }
            if scalar >= 0xD800 && scalar < 0xDC00 {
                guard index + 1 < bytes.count, bytes[index] == UInt8(ascii: "\\"), bytes[index + 1] == UInt8(ascii: "u") else {
                    return false
                }
                index += 2
                guard let low = skipHex4(), low >= 0xDC00 && low < 0xE000 else { return false }
                return true
            }
            return !(scalar >= 0xDC00 && scalar < 0xE000)
        default:
            return false
        }
    }

    /// The four hex digits of a `\u` escape.
    mutating func skipHex4() -> UInt32? {
        guard index + 4 <= bytes.count, let value = Reader.hex4(bytes, at: index) else { return nil }
        index += 4
        return value
    }
}
