/// A JSON document that keeps what the server sent: object keys in their order and numbers
/// as their exact text, so output can repeat the server byte for byte where it matters.
package enum JSONValue: Sendable, Equatable {
    case null
    case bool(Bool)
    /// The number's text exactly as received (`0.10`, `1e3`, `-0`).
    case number(String)
    case string(String)
    case array([JSONValue])
    /// Members in document order. Duplicate keys are kept as received.
    case object([(String, JSONValue)])

    /// Compares pairs from a work list rather than by recursion, so nesting costs heap, not stack.
    package static func == (lhs: JSONValue, rhs: JSONValue) -> Bool {
        var pending = [(lhs, rhs)]
        while let (a, b) = pending.popLast() {
            switch (a, b) {
            case (.null, .null): continue
            case let (.bool(x), .bool(y)): guard x == y else { return false }
            case let (.number(x), .number(y)): guard x == y else { return false }
            case let (.string(x), .string(y)): guard x == y else { return false }
            case let (.array(x), .array(y)):
                guard x.count == y.count else { return false }
                pending.append(contentsOf: zip(x, y))
            case let (.object(x), .object(y)):
                guard x.count == y.count else { return false }
                for (m, n) in zip(x, y) {
                    guard m.0 == n.0 else { return false }
                    pending.append((m.1, n.1))
                }
            default: return false
            }
        }
        return true
    }
}

extension JSONValue {
    /// The member named `key` of an object (the first one, if repeated).
    package subscript(key: String) -> JSONValue? {
        guard case let .object(members) = self else { return nil }
        for (name, value) in members where name == key { return value }
        return nil
    }

    /// Follows a dotted path such as `usage.total_tokens` through nested objects.
    package func value(atPath path: some StringProtocol) -> JSONValue? {
        // One part at a time, without an array of parts: this runs for every table cell.
        var current: JSONValue = self
        var rest = Substring(path)
        while let dot = rest.utf8.firstIndex(of: UInt8(ascii: ".")) {
            guard let next = current[String(rest[..<dot])] else { return nil }
            current = next
            rest = rest[rest.utf8.index(after: dot)...]
        }
        return current[String(rest)]
    }

    package var stringValue: String? {
        if case let .string(s) = self { return s }
        return nil
    }

    /// The number's value as a Double, for arithmetic and display only (never for output).
    package var doubleValue: Double? {
        if case let .number(text) = self { return Double(text) }
        return nil
    }

    /// The number as an `Int` when it is a whole number that fits one; nil otherwise. Counts
    /// the server sends go through this: `Int(1e20)` or `Int(.nan)` would stop the program.
    package var intValue: Int? {
        guard case let .number(text) = self else { return nil }
        return Int(text) ?? Double(text).flatMap { Int(exactly: $0) }
    }

    package var arrayValue: [JSONValue]? {
        if case let .array(items) = self { return items }
        return nil
    }

    package var objectMembers: [(String, JSONValue)]? {
        if case let .object(members) = self { return members }
        return nil
    }

    package var isNull: Bool {
        if case .null = self { return true }
        return false
    }

    /// A number made from an integer.
    package static func int(_ value: Int) -> JSONValue { .number(String(value)) }

    /// A copy of this object with `key` set: replaced in place when present, appended otherwise.
    package func setting(_ key: String, to value: JSONValue) -> JSONValue {
        guard case var .object(members) = self else { return self }
        if let index = members.firstIndex(where: { $0.0 == key }) {
            members[index].1 = value
        } else {
            members.append((key, value))
        }
        return .object(members)
    }

    /// A copy of this object without `key`.
    package func removing(_ key: String) -> JSONValue {
        guard case let .object(members) = self else { return self }
        return .object(members.filter { $0.0 != key })
    }
}

extension JSONValue: ExpressibleByStringLiteral, ExpressibleByBooleanLiteral, ExpressibleByNilLiteral,
    ExpressibleByArrayLiteral, ExpressibleByDictionaryLiteral, ExpressibleByIntegerLiteral
{
    package init(stringLiteral value: String) { self = .string(value) }
    package init(booleanLiteral value: Bool) { self = .bool(value) }
    package init(nilLiteral: ()) { self = .null }
    package init(arrayLiteral elements: JSONValue...) { self = .array(elements) }
    package init(dictionaryLiteral elements: (String, JSONValue)...) { self = .object(elements) }
    package init(integerLiteral value: Int) { self = .number(String(value)) }
}
