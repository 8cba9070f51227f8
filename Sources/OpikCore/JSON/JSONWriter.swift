/// Serialises `JSONValue` as compact or indented JSON text, appending UTF-8 bytes.
package enum JSONWriter {
    /// Compact JSON, one line.
    package static func compact(_ value: JSONValue) -> String {
        var out: [UInt8] = []
        write(value, into: &out, indent: nil, level: 0)
        return String(decoding: out, as: UTF8.self)
    }

    /// JSON indented by two spaces per level.
    package static func pretty(_ value: JSONValue, level: Int = 0) -> String {
        var out: [UInt8] = []
        write(value, into: &out, indent: 2, level: level)
        return String(decoding: out, as: UTF8.self)
    }

    /// Appends `value` to `out`; `indent` nil means compact. Containers are written from an
    /// explicit stack rather than by recursion, so nesting costs heap, not stack.
    package static func write(_ value: JSONValue, into out: inout [UInt8], indent: Int?, level: Int = 0) {
        var open: [OpenWrite] = []
        var pending: JSONValue? = value
        while true {
            if let next = pending {
                pending = nil
                switch next {
                case .null: out.append(contentsOf: "null".utf8)
                case let .bool(flag): out.append(contentsOf: (flag ? "true" : "false").utf8)
                case let .number(text): out.append(contentsOf: text.utf8)
                case let .string(text): writeString(text, into: &out)
                case let .array(items):
                    if items.isEmpty {
                        out.append(contentsOf: "[]".utf8)
                    } else {
                        out.append(UInt8(ascii: "["))
                        open.append(OpenWrite(items: items))
                    }
                case let .object(members):
                    if members.isEmpty {
                        out.append(contentsOf: "{}".utf8)
                    } else {
                        out.append(UInt8(ascii: "{"))
                        open.append(OpenWrite(members: members))
                    }
                }
            }
            guard let top = open.last else { return }
            let inner = level + open.count
            if top.next < top.count {
                if top.next > 0 { out.append(UInt8(ascii: ",")) }
                newline(into: &out, indent: indent, level: inner)
                if let members = top.members {
                    writeString(members[top.next].0, into: &out)
                    out.append(UInt8(ascii: ":"))
                    if indent != nil { out.append(UInt8(ascii: " ")) }
                    pending = members[top.next].1
                } else {
                    pending = top.items?[top.next]
                }
                open[open.count - 1].next += 1
            } else {
                newline(into: &out, indent: indent, level: inner - 1)
                out.append(top.members == nil ? UInt8(ascii: "]") : UInt8(ascii: "}"))
                open.removeLast()
            }
        }
    }

    static func newline(into out: inout [UInt8], indent: Int?, level: Int) {
        guard let indent else { return }
        out.append(0x0A)
        out.append(contentsOf: repeatElement(UInt8(ascii: " "), count: indent * level))
    }

    static let hex: [UInt8] = Array("0123456789abcdef".utf8)

    package static func writeString(_ text: String, into out: inout [UInt8]) {
        out.append(UInt8(ascii: "\""))
        var text = text
        text.withUTF8 { utf8 in
            // Runs of bytes that need no escape are copied whole.
            var start = 0
            for i in 0..<utf8.count {
                let byte = utf8[i]
                if byte >= 0x20 && byte != 0x22 && byte != 0x5C { continue }
                out.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[start..<i]))
                appendEscape(for: byte, into: &out)
                start = i + 1
            }
            out.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[start..<utf8.count]))
        }
        out.append(UInt8(ascii: "\""))
    }

    static func appendEscape(for byte: UInt8, into out: inout [UInt8]) {
        switch byte {
        case UInt8(ascii: "\""): out.append(contentsOf: [0x5C, 0x22])
        case UInt8(ascii: "\\"): out.append(contentsOf: [0x5C, 0x5C])
        case 0x0A: out.append(contentsOf: [0x5C, UInt8(ascii: "n")])
        case 0x0D: out.append(contentsOf: [0x5C, UInt8(ascii: "r")])
        case 0x09: out.append(contentsOf: [0x5C, UInt8(ascii: "t")])
        case 0x08: out.append(contentsOf: [0x5C, UInt8(ascii: "b")])
        case 0x0C: out.append(contentsOf: [0x5C, UInt8(ascii: "f")])
        default:
            out.append(contentsOf: [0x5C, UInt8(ascii: "u"), 0x30, 0x30, hex[Int(byte >> 4)], hex[Int(byte & 0xF)]])
        }
    }
}

/// A container the writer has opened: its elements and the next one to write.
private struct OpenWrite {
    var items: [JSONValue]?
    var members: [(String, JSONValue)]?
    var next = 0

    var count: Int { items?.count ?? members?.count ?? 0 }
}
