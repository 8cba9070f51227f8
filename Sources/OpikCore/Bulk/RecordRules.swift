/// The checks a record of bulk create (`spans create --file`, `traces create --file`) must
/// pass before anything is sent, the ones the server would otherwise answer with 400 or 422 (see
/// docs/SERVER.md#creating-spans). Unknown fields pass: the server ignores them, so an export
/// from a listing can be sent back as it is. Each entity holds its own (`Entity.recordRules`).
package struct RecordRules: Sendable {
    /// The record in messages: `span`.
    package let noun: String
    /// The time every record needs, whose value `check` returns.
    package let timeField: String
    package let fields: [RecordField]
    /// Indexes into `fields` and the names' bytes, by the names' lengths.
    private let byLength: [[(Int, [UInt8])]]

    package init(noun: String, timeField: String, fields: [RecordField]) {
        self.noun = noun
        self.timeField = timeField
        self.fields = fields
        let longest = fields.map(\.name.utf8.count).max() ?? 0
        var table = Array(repeating: [(Int, [UInt8])](), count: longest + 1)
        for (index, field) in fields.enumerated() { table[field.name.utf8.count].append((index, Array(field.name.utf8))) }
        byLength = table
    }

    /// The field called `name`, if any.
    package func field(named name: String) -> RecordField? {
        fields.first { $0.name == name }
    }

    /// The longest text `name` may hold, if it is limited.
    package func maxLength(of name: String) -> Int? {
        if case let .text(maxLength: maxLength)? = field(named: name)?.check { return maxLength }
        return nil
    }

    /// The field named by `key`, the raw bytes of a key without escapes, found without
    /// making a `String` of it.
    func field(named key: UnsafeBufferPointer<UInt8>) -> RecordField? {
        guard key.count < byLength.count else { return nil }
        for (index, name) in byLength[key.count] where name.elementsEqual(key) { return fields[index] }
        return nil
    }

    /// Checks one record; returns its `timeField` in milliseconds since the epoch.
    @discardableResult
    package func check(_ record: JSONValue, line: Int) throws(RecordIssue) -> Int64 {
        guard let members = record.objectMembers else {
            throw RecordIssue(line: line, message: "expected a JSON object (a \(noun)), found \(Self.kind(of: record))")
        }
        var millis: Int64?
        for (name, value) in members where !value.isNull {
            guard let field = self.field(named: name) else { continue }
            if let time = try check(field, value, line: line) { millis = time }
        }
        guard let millis else {
            throw RecordIssue(line: line, field: timeField,
                              message: "missing (every \(noun) needs a \(timeField.replacingUnderscores))")
        }
        return millis
    }

    /// Checks one non-null member; returns the time of `timeField`.
    func check(_ field: RecordField, _ value: JSONValue, line: Int) throws(RecordIssue) -> Int64? {
        let name = field.name
        switch field.check {
        case let .uuid(version7: version7): try FieldCheck.uuid(value, line: line, field: name, version7: version7)
        case .time:
            let millis = try FieldCheck.time(value, line: line, field: name)
            return name == timeField ? millis : nil
        case .updateTime: try FieldCheck.time(value, line: line, field: name, latest: FieldCheck.latestUpdate)
        case let .choice(choices): try FieldCheck.choice(value, line: line, field: name, among: choices)
        case let .number(minimum: minimum): try FieldCheck.number(value, line: line, field: name, minimum: minimum)
        case .string: _ = try FieldCheck.string(value, line: line, field: name)
        case let .text(maxLength: maxLength):
            let text = try FieldCheck.string(value, line: line, field: name)
            if text.count > maxLength {
                throw RecordIssue(line: line, field: name, message: "longer than \(maxLength) characters")
            }
        case .strings:
            guard let tags = value.arrayValue, tags.allSatisfy({ $0.stringValue != nil }) else {
                throw .invalid(value, line: line, field: name, expected: "an array of strings")
            }
        case .counts:
            for (key, count) in try FieldCheck.object(value, line: line, field: name) {
                try FieldCheck.int32(count, line: line, field: "\(name).\(key)")
            }
        case .object:
            _ = try FieldCheck.object(value, line: line, field: name)
        }
        return nil
    }

    /// `an array`, `a string`…: what a value is, for messages.
    static func kind(of value: JSONValue) -> String {
        switch value {
        case .array: return "an array"
        case .string: return "a string"
        case .number: return "a number"
        case .bool: return "a boolean"
        case .null: return "null"
        case .object: return "an object"
        }
    }
}

extension String {
    /// `start_time` → `start time`.
    fileprivate var replacingUnderscores: String {
        String(map { $0 == "_" ? " " : $0 })
    }
}
