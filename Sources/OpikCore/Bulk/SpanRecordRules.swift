/// The checks a span record of `spans create --file` must pass before anything is sent, the
/// ones the server would otherwise answer with 400 or 422 (see docs/SERVER.md#creating-spans). Unknown fields pass:
/// the server ignores them, so an export from `spans list` can be sent back as it is.
public enum SpanRecordRules {
    /// The longest `environment` the server stores.
    public static let maxEnvironment = 150

    /// Checks one record; returns the start time in milliseconds since the epoch.
    @discardableResult
    public static func check(_ record: JSONValue, line: Int) throws(RecordIssue) -> Int64 {
        guard let members = record.objectMembers else {
            throw RecordIssue(line: line, message: "expected a JSON object (a span), found \(kind(of: record))")
        }
        var startMillis: Int64?
        for (name, value) in members where !value.isNull {
            guard let field = SpanRecordField(rawValue: name) else { continue }
            if let millis = try check(field, value, line: line) { startMillis = millis }
        }
        guard let startMillis else {
            throw RecordIssue(line: line, field: "start_time", message: "missing (every span needs a start time)")
        }
        return startMillis
    }

    /// Checks one non-null member; returns the start time of `start_time`.
    static func check(_ field: SpanRecordField, _ value: JSONValue, line: Int) throws(RecordIssue) -> Int64? {
        let name = field.rawValue
        switch field {
        case .id: try FieldCheck.uuid(value, line: line, field: name, version7: true)
        case .traceId, .parentSpanId: try FieldCheck.uuid(value, line: line, field: name, version7: false)
        case .startTime: return try FieldCheck.time(value, line: line, field: name)
        case .endTime: try FieldCheck.time(value, line: line, field: name)
        case .lastUpdatedAt: try FieldCheck.time(value, line: line, field: name, latest: FieldCheck.latestUpdate)
        case .type: try FieldCheck.choice(value, line: line, field: name, among: SpanVocabulary.types)
        case .source: try FieldCheck.choice(value, line: line, field: name, among: SpanVocabulary.sources)
        case .totalEstimatedCost, .ttft: try FieldCheck.number(value, line: line, field: name, minimum: 0)
        case .projectName, .name, .model, .provider, .totalEstimatedCostVersion:
            _ = try FieldCheck.string(value, line: line, field: name)
        case .environment:
            let text = try FieldCheck.string(value, line: line, field: name)
            if text.count > maxEnvironment {
                throw RecordIssue(line: line, field: name, message: "longer than \(maxEnvironment) characters")
            }
        case .tags:
            guard let tags = value.arrayValue, tags.allSatisfy({ $0.stringValue != nil }) else {
                throw .invalid(value, line: line, field: name, expected: "an array of strings")
            }
        case .usage:
            for (key, count) in try FieldCheck.object(value, line: line, field: name) {
                try FieldCheck.int32(count, line: line, field: "usage.\(key)")
            }
        case .errorInfo:
            _ = try FieldCheck.object(value, line: line, field: name)
        }
        return nil
    }

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
