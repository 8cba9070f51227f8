/// The span fields `SpanRecordRules` checks or `SpanPreparation` fills in, recognised from a
/// key's bytes without making a `String` of it.
enum SpanRecordField: String, CaseIterable {
    case id
    case traceId = "trace_id"
    case parentSpanId = "parent_span_id"
    case startTime = "start_time"
    case endTime = "end_time"
    case lastUpdatedAt = "last_updated_at"
    case type
    case source
    case totalEstimatedCost = "total_estimated_cost"
    case ttft
    case projectName = "project_name"
    case name
    case model
    case provider
    case totalEstimatedCostVersion = "total_estimated_cost_version"
    case environment
    case tags
    case usage
    case errorInfo = "error_info"

    /// Fields whose only rule is being a string, so their values need not be built.
    var isPlainString: Bool {
        switch self {
        case .projectName, .name, .model, .provider, .totalEstimatedCostVersion: return true
        default: return false
        }
    }

    /// Fields given a value when absent; a `null` counts as absent.
    var isFilled: Bool {
        switch self {
        case .id, .traceId, .projectName, .lastUpdatedAt: return true
        default: return false
        }
    }

    /// The field named by `key`, the raw bytes of a key without escapes.
    static func named(_ key: UnsafeBufferPointer<UInt8>) -> SpanRecordField? {
        let table = byLength
        guard key.count < table.count else { return nil }
        for (field, name) in table[key.count] where name.elementsEqual(key) { return field }
        return nil
    }

    /// Fields and their names' bytes, indexed by the names' lengths.
    private static let byLength: [[(SpanRecordField, [UInt8])]] = {
        var table = Array(repeating: [(SpanRecordField, [UInt8])](), count: 32)
        for field in allCases { table[field.rawValue.utf8.count].append((field, Array(field.rawValue.utf8))) }
        return table
    }()
}
