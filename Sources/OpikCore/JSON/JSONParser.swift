/// A malformed JSON text: what was wrong and where (1-based line and column).
package struct JSONSyntaxError: UserFacingError, Equatable, Sendable, CustomStringConvertible {
    package var message: String
    package var line: Int
    package var column: Int
    /// Byte offset of the problem from the start of the text.
    package var offset: Int

    package var description: String { "line \(line), column \(column): \(message)" }

    /// Alone (callers usually name the input first): `invalid JSON: line 1, column 2: …`.
    package var userFacing: UserFacing { UserFacing(.invalidInput, "invalid JSON: \(description)") }
}

/// Parses JSON text into `JSONValue`, keeping key order and number text.
package enum JSONParser {
    /// How many containers may nest; deeper text is a syntax error ("nesting too deep"). The
    /// server accepts request bodies nested 1000 levels (see docs/SERVER.md), and what it
    /// sends back wraps those values in a few more (a page, a batch, a span), so the limit
    /// leaves room above 1000. Nothing that walks a `JSONValue` recurses per level, except
    /// the release of a value, which stays shallow enough at this depth for any thread.
    package static let maxDepth = 1100

    /// Parses one complete JSON document; trailing non-space text is an error.
    package static func parse(_ text: String) throws -> JSONValue {
        var copy = text
        return try copy.withUTF8 { buffer throws in try parse(bytes: buffer) }
    }

    package static func parse(bytes: [UInt8]) throws -> JSONValue {
        try bytes.withUnsafeBufferPointer { buffer throws in try parse(bytes: buffer) }
    }

    package static func parse(bytes: UnsafeBufferPointer<UInt8>) throws -> JSONValue {
        var reader = Reader(bytes: bytes)
        reader.skipSpace()
        let value = try reader.parseValue(depth: 0)
        reader.skipSpace()
        if reader.index < bytes.count {
            throw reader.error("unexpected text after the JSON value")
        }
        return value
    }

    /// Parses a sequence of JSON values separated by white space (NDJSON, or one array),
    /// calling `body` with each value and the 1-based line it starts on.
    package static func parseSequence(
        bytes: UnsafeBufferPointer<UInt8>, _ body: (JSONValue, Int) throws -> Void
    ) throws {
        var reader = Reader(bytes: bytes)
        reader.skipSpace()
        while reader.index < bytes.count {
            let line = reader.position(of: reader.index).line
            let value = try reader.parseValue(depth: 0)
            try body(value, line)
            reader.skipSpace()
        }
    }
}

struct Reader {
    let bytes: UnsafeBufferPointer<UInt8>
    var index = 0
    /// Whether `skipSpace` has passed any white space, so a caller can tell when text is
    /// already compact.
    var sawSpace = false

    init(bytes: UnsafeBufferPointer<UInt8>) { self.bytes = bytes }

    /// The line and column of `offset`; a byte-order mark at the start takes no column.
    func position(of offset: Int) -> (line: Int, column: Int) {
        var line = 1
        var column = 1
        var i = startsWithByteOrderMark && offset >= 3 ? 3 : 0
        while i < offset && i < bytes.count {
            if bytes[i] == UInt8(ascii: "\n") {
                line += 1
                column = 1
            } else if bytes[i] & 0xC0 != 0x80 {
                column += 1
            }
            i += 1
        }
        return (line, column)
    }

    func error(_ message: String, at offset: Int? = nil) -> JSONSyntaxError {
        let at = offset ?? index
        let pos = position(of: at)
        return JSONSyntaxError(message: message, line: pos.line, column: pos.column, offset: at)
    }

    var startsWithByteOrderMark: Bool {
        bytes.count >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF
    }

    /// Moves past a UTF-8 byte-order mark at the start of the text, which some editors on
    /// Windows write at the start of every file (bulk inputs accept it, as in CSV).
    mutating func skipByteOrderMark() {
        if index == 0 && startsWithByteOrderMark { index = 3 }
    }

    mutating func skipSpace() {
        while index < bytes.count {
            switch bytes[index] {
            case 0x20, 0x09, 0x0A, 0x0D:
                index += 1
                sawSpace = true
            default: return
            }
        }
    }

    /// The value at `index`, whose depth in the whole document is `depth`. Containers are
    /// parsed with an explicit stack rather than by recursion, so nesting costs heap, not
    /// stack, on every thread.
    mutating func parseValue(depth: Int) throws(JSONSyntaxError) -> JSONValue {
        var open: [OpenContainer] = []
        next: while true {
            guard var value = try startValue(depth: depth + open.count, open: &open) else { continue }
            // The finished value goes into the containers it completes, up to one that goes on.
            while !open.isEmpty {
                let top = open.count - 1
                skipSpace()
                if open[top].isObject {
                    open[top].members.append((open[top].key, value))
                    guard index < bytes.count else { throw error("unexpected end of input in an object") }
                    if bytes[index] == UInt8(ascii: ",") {
                        index += 1
                        open[top].key = try parseKey()
                        continue next
                    }
                    guard bytes[index] == UInt8(ascii: "}") else { throw error("expected ',' or '}' in an object") }
                    value = .object(open.removeLast().members)
                } else {
                    open[top].items.append(value)
                    guard index < bytes.count else { throw error("unexpected end of input in an array") }
                    if bytes[index] == UInt8(ascii: ",") {
                        index += 1
                        skipSpace()
                        continue next
                    }
                    guard bytes[index] == UInt8(ascii: "]") else { throw error("expected ',' or ']' in an array") }
                    value = .array(open.removeLast().items)
                }
                index += 1
            }
            return value
        }
    }

    /// A scalar or an empty container at `index`, whole; or nil after opening a container
    /// on `open`, the reader then at its first value.
    mutating func startValue(depth: Int, open: inout [OpenContainer]) throws(JSONSyntaxError) -> JSONValue? {
        guard index < bytes.count else { throw error("unexpected end of input") }
        switch bytes[index] {
        case UInt8(ascii: "{"), UInt8(ascii: "["):
            guard depth < JSONParser.maxDepth else { throw error("nesting too deep") }
            let isObject = bytes[index] == UInt8(ascii: "{")
            index += 1
            skipSpace()
            if index < bytes.count && bytes[index] == Reader.closing(isObject: isObject) {
                index += 1
                return isObject ? .object([]) : .array([])
            }
            open.append(isObject ? OpenContainer(isObject: true, key: try parseKey()) : OpenContainer(isObject: false))
            return nil
        case UInt8(ascii: "\""): return .string(try parseString())
        case UInt8(ascii: "t"): try expectWord("true"); return .bool(true)
        case UInt8(ascii: "f"): try expectWord("false"); return .bool(false)
        case UInt8(ascii: "n"): try expectWord("null"); return .null
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): return .number(try parseNumber())
        default:
            throw error("unexpected character '\(Reader.describe(bytes[index]))'")
        }
    }

    /// A member's key and its colon, from the white space before the key to the value.
    mutating func parseKey() throws(JSONSyntaxError) -> String {
        skipSpace()
        guard index < bytes.count else { throw error("unexpected end of input in an object") }
        guard bytes[index] == UInt8(ascii: "\"") else { throw error("expected a quoted key") }
        let key = try parseString()
        skipSpace()
        guard index < bytes.count, bytes[index] == UInt8(ascii: ":") else {
            throw error("expected ':' after key \"\(key)\"")
        }
        index += 1
        skipSpace()
        return key
    }

    /// The byte that closes an object (`}`) or an array (`]`).
    static func closing(isObject: Bool) -> UInt8 { isObject ? UInt8(ascii: "}") : UInt8(ascii: "]") }

    static func describe(_ byte: UInt8) -> String {
        byte >= 0x20 && byte < 0x7F ? String(UnicodeScalar(byte)) : "\\x" + String(byte, radix: 16)
    }

    mutating func expectWord(_ word: StaticString) throws(JSONSyntaxError) {
        let start = index
        let count = word.utf8CodeUnitCount
        guard index + count <= bytes.count else { throw error("invalid literal", at: start) }
        for i in 0..<count where bytes[index + i] != word.utf8Start[i] {
            throw error("invalid literal", at: start)
        }
        index += count
    }

    mutating func parseNumber() throws(JSONSyntaxError) -> String {
        let start = index
        if let problem = scanNumber() { throw error(problem, at: start) }
        return String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<index]), as: UTF8.self)
    }

    /// Moves past the number at `index`, for `parseNumber` and `skipNumber` alike; what is
    /// wrong with it when it is not a JSON number.
    mutating func scanNumber() -> String? {
        if bytes[index] == UInt8(ascii: "-") { index += 1 }
        let digitsStart = index
        while index < bytes.count, bytes[index] >= 0x30, bytes[index] <= 0x39 { index += 1 }
        let intDigits = index - digitsStart
        if intDigits == 0 { return "invalid number" }
        if intDigits > 1 && bytes[digitsStart] == 0x30 { return "leading zero in a number" }
        if index < bytes.count, bytes[index] == UInt8(ascii: ".") {
            index += 1
            let fracStart = index
            while index < bytes.count, bytes[index] >= 0x30, bytes[index] <= 0x39 { index += 1 }
            if index == fracStart { return "invalid number" }
        }
        if index < bytes.count, bytes[index] | 0x20 == UInt8(ascii: "e") {
            index += 1
            if index < bytes.count, bytes[index] == UInt8(ascii: "+") || bytes[index] == UInt8(ascii: "-") {
                index += 1
            }
            let expStart = index
            while index < bytes.count, bytes[index] >= 0x30, bytes[index] <= 0x39 { index += 1 }
            if index == expStart { return "invalid number" }
        }
        return nil
    }
}

/// A container the parser has opened and not yet closed.
struct OpenContainer {
    var isObject: Bool
    var items: [JSONValue] = []
    var members: [(String, JSONValue)] = []
    /// The key whose value is being read, in an object.
    var key = ""
}
