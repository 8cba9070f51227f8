/// The checks a span record of `spans create --file` must pass before anything is sent, the
/// ones the server would otherwise answer with 400 or 422 (API.md §5.7). Unknown fields pass:
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
            switch name {
            case "id": try FieldCheck.uuid(value, line: line, field: name, version7: true)
            case "trace_id", "parent_span_id": try FieldCheck.uuid(value, line: line, field: name, version7: false)
            case "start_time": startMillis = try FieldCheck.time(value, line: line, field: name)
            case "end_time": try FieldCheck.time(value, line: line, field: name)
            case "last_updated_at": try FieldCheck.time(value, line: line, field: name, latest: FieldCheck.latestUpdate)
            case "type": try FieldCheck.choice(value, line: line, field: name, among: SpanVocabulary.types)
            case "source": try FieldCheck.choice(value, line: line, field: name, among: SpanVocabulary.sources)
            case "total_estimated_cost", "ttft": try FieldCheck.number(value, line: line, field: name, minimum: 0)
            case "project_name", "name", "model", "provider", "total_estimated_cost_version":
                _ = try FieldCheck.string(value, line: line, field: name)
            case "environment":
                let text = try FieldCheck.string(value, line: line, field: name)
                if text.count > maxEnvironment {
                    throw RecordIssue(line: line, field: name, message: "longer than \(maxEnvironment) characters")
                }
            case "tags":
                guard let tags = value.arrayValue, tags.allSatisfy({ $0.stringValue != nil }) else {
                    throw .invalid(value, line: line, field: name, expected: "an array of strings")
                }
            case "usage":
                for (key, count) in try FieldCheck.object(value, line: line, field: name) {
                    try FieldCheck.int32(count, line: line, field: "usage.\(key)")
                }
            case "error_info":
                _ = try FieldCheck.object(value, line: line, field: name)
            default:
                break
            }
        }
        guard let startMillis else {
            throw RecordIssue(line: line, field: "start_time", message: "missing (every span needs a start time)")
        }
        return startMillis
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
