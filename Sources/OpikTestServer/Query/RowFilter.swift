import OpikCore

/// One validated span or trace filter (see docs/SERVER.md#filters and
/// docs/SERVER.md#trace-filter-fields), ready to test stored rows.
struct RowFilter: Equatable {
    enum FieldType: String {
        case STRING, STRING_EXACT, STRING_LIST, DATE_TIME, NUMBER, DICTIONARY, LIST, FEEDBACK_SCORES_NUMBER,
            ERROR_CONTAINER, ENUM, ENUM_LEGACY, CUSTOM
    }

    var field: String
    var type: FieldType
    var op: String
    var key: String?
    var value: String?

    static let spanFieldTypes: [String: FieldType] = [
        "id": .STRING_EXACT, "trace_id": .STRING_EXACT,
        "name": .STRING, "input": .STRING, "output": .STRING, "model": .STRING, "provider": .STRING,
        "error_type": .STRING,
        "start_time": .DATE_TIME, "end_time": .DATE_TIME, "created_at": .DATE_TIME, "last_updated_at": .DATE_TIME,
        "total_estimated_cost": .NUMBER, "duration": .NUMBER, "ttft": .NUMBER, "usage.total_tokens": .NUMBER,
        "usage.prompt_tokens": .NUMBER, "usage.completion_tokens": .NUMBER,
        "metadata": .DICTIONARY, "input_json": .DICTIONARY, "output_json": .DICTIONARY,
        "tags": .LIST, "feedback_scores": .FEEDBACK_SCORES_NUMBER, "error_info": .ERROR_CONTAINER,
        "type": .ENUM, "environment": .ENUM, "source": .ENUM_LEGACY, "custom": .CUSTOM,
    ]

    static let traceFieldTypes: [String: FieldType] = [
        "id": .STRING_EXACT, "thread_id": .STRING_EXACT, "experiment_id": .STRING_EXACT, "experiment_ids": .STRING_LIST,
        "name": .STRING, "input": .STRING, "output": .STRING, "error_type": .STRING, "guardrails": .STRING,
        "start_time": .DATE_TIME, "end_time": .DATE_TIME, "created_at": .DATE_TIME, "last_updated_at": .DATE_TIME,
        "duration": .NUMBER, "ttft": .NUMBER, "total_estimated_cost": .NUMBER, "llm_span_count": .NUMBER,
        "usage.total_tokens": .NUMBER, "usage.prompt_tokens": .NUMBER, "usage.completion_tokens": .NUMBER,
        "metadata": .DICTIONARY, "input_json": .DICTIONARY, "output_json": .DICTIONARY,
        "tags": .LIST, "annotation_queue_ids": .LIST,
        "feedback_scores": .FEEDBACK_SCORES_NUMBER, "span_feedback_scores": .FEEDBACK_SCORES_NUMBER,
        "error_info": .ERROR_CONTAINER, "visibility_mode": .ENUM, "environment": .ENUM, "source": .ENUM_LEGACY,
        "custom": .CUSTOM,
    ]

    /// On traces, whether the filter reads the trace's spans (never true for a trace without spans).
    var needsAggregate: Bool { SpanAggregate.isRead(byFilterOn: field) }

    static let operators: Set<String> = [
        "contains", "not_contains", "starts_with", "ends_with", "=", "!=", ">", ">=", "<", "<=", "is_empty",
        "is_not_empty", "in", "not_in",
    ]

    static let noValueOperators: Set<String> = ["is_empty", "is_not_empty"]

    /// `FilterQueryBuilder.ANALYTICS_DB_OPERATOR_MAP`: which operators each type supports.
    static let operatorsByType: [FieldType: Set<String>] = [
        .STRING: ["=", "!=", ">", "<", "contains", "not_contains", "starts_with", "ends_with"],
        .STRING_EXACT: ["=", "!=", ">", "<", "contains", "not_contains", "starts_with", "ends_with"],
        .STRING_LIST: ["in", "not_in"],
        .DATE_TIME: ["=", "!=", ">", "<", ">=", "<="],
        .NUMBER: ["=", "!=", ">", "<", ">=", "<="],
        .DICTIONARY: ["=", "!=", ">", "<", "contains", "not_contains", "starts_with", "ends_with", "is_empty", "is_not_empty"],
        .LIST: ["=", "!=", "contains", "not_contains", "is_empty", "is_not_empty"],
        .FEEDBACK_SCORES_NUMBER: ["=", "!=", ">", "<", ">=", "<=", "is_empty", "is_not_empty"],
        .ERROR_CONTAINER: ["is_empty", "is_not_empty"],
        .ENUM: ["=", "!=", "is_empty", "is_not_empty", "in", "not_in"],
        .ENUM_LEGACY: ["=", "!="],
    ]

    /// Why filters were rejected.
    enum Failure: Error {
        /// Not an array of filter objects, or an unknown field or operator.
        case unreadable
        /// A `400 {code,message}` with this message.
        case invalid(String)
        /// Passes validation but fails in the database: the server answers 500.
        case failsInDatabase
    }

    /// Reads the JSON array form, then validates and decodes each filter as the server does.
    static func parse(_ json: JSONValue, kind: RowKind, distinct: Bool) throws(Failure) -> [RowFilter] {
        guard case let .array(items) = json else { throw .unreadable }
        let fieldTypes = kind == .span ? spanFieldTypes : traceFieldTypes
        var filters: [RowFilter] = []
        for item in items {
            guard case .object = item, let field = item["field"]?.stringValue, let type = fieldTypes[field],
                let op = item["operator"]?.stringValue, operators.contains(op)
            else { throw .unreadable }
            let key = item["key"]?.stringValue
            let value = item["value"]?.stringValue
            if item["value"].map({ !$0.isNull && $0.stringValue == nil }) ?? false { throw .unreadable }
            let filter = RowFilter(field: field, type: type, op: op, key: key, value: value)
            if distinct && filters.contains(filter) { continue }
            filters.append(filter)
        }
        let checked = try filters.map { filter throws(Failure) in try filter.mappingCustom().validatedAndDecoded() }
        if checked.contains(where: { $0.failsInDatabase(kind) }) { throw .failsInDatabase }
        return checked
    }

    /// Filters the server validates but its database refuses (see docs/SERVER.md): emptiness
    /// tests and unknown values on an enum column (`type`, `visibility_mode`), fractions on the
    /// integer usage columns.
    func failsInDatabase(_ kind: RowKind) -> Bool {
        if let allowed = kind.databaseEnums[field] {
            if Self.noValueOperators.contains(op) { return true }
            let items = ["in", "not_in"].contains(op) ? (value ?? "").split(separator: ",").map { $0.trimming(" ") }.filter { !$0.isEmpty } : [value ?? ""]
            return !items.allSatisfy(allowed.contains)
        }
        if field.hasPrefix("usage."), let value {
            let digits = value.hasPrefix("-") ? value.dropFirst() : value[...]
            return digits.isEmpty || !digits.allSatisfy { $0.isASCII && $0.isNumber }
        }
        return false
    }

    private func mappingCustom() throws(Failure) -> RowFilter {
        guard type == .CUSTOM else { return self }
        guard var path = key, !path.trimmed(" ").isEmpty else {
            throw .invalid("Custom key cannot be null or empty")
        }
        if path.hasPrefix("$.") { path.removeFirst(2) }
        let decoded = value.flatMap { PercentDecoding.decode($0, plusIsSpace: true) } ?? value
        let head = path.split(separator: ".", maxSplits: 1).first.map(String.init) ?? path
        let rest = path.contains(".") ? String(path[path.index(after: path.firstIndex(of: ".")!)...]) : nil
        guard head == "input" || head == "output" else { throw .invalid("Invalid key '\(key ?? "null")' for custom filter") }
        if let rest {
            return RowFilter(field: head + "_json", type: .DICTIONARY, op: op, key: rest, value: decoded)
        }
        return RowFilter(field: head, type: .STRING, op: op, key: nil, value: decoded)
    }

    private func validatedAndDecoded() throws(Failure) -> RowFilter {
        var filter = self
        let isStringLike = [.STRING, .STRING_EXACT, .STRING_LIST, .ENUM].contains(type)
        if !isStringLike && !Self.noValueOperators.contains(op) {
            guard let decoded = PercentDecoding.decode(value ?? "null", plusIsSpace: true) else {
                throw .invalid("Invalid filter '\(value ?? "null")'")
            }
            filter.value = decoded
        }
        guard Self.operatorsByType[type]?.contains(op) == true else {
            throw .invalid("Invalid operator '\(op)' for field '\(field)' of type '\(type.rawValue)'")
        }
        guard filter.hasValidValue else {
            throw .invalid(
                "Invalid value '\(filter.value ?? "null")' or key '\(key ?? "null")' for field '\(field)' of type '\(type.rawValue)'")
        }
        return filter
    }

    private var hasValidValue: Bool {
        let noValue = Self.noValueOperators.contains(op)
        let blankValue = (value ?? "").trimmed(" \t\n").isEmpty
        let blankKey = (key ?? "").trimmed(" \t\n").isEmpty
        switch type {
        case .STRING, .STRING_EXACT, .STRING_LIST, .ENUM_LEGACY: return !blankValue
        case .ENUM, .LIST: return noValue || !blankValue
        case .DATE_TIME: return value.flatMap(Timestamp.micros) != nil
        case .NUMBER: return value.flatMap(Self.parsableNumber) != nil
        case .FEEDBACK_SCORES_NUMBER: return !blankKey && (noValue || value.flatMap(Self.parsableNumber) != nil)
        case .ERROR_CONTAINER: return noValue
        case .DICTIONARY: return !blankKey && (noValue || value != nil)
        case .CUSTOM: return false
        }
    }

    /// Numbers as `NumberUtils.isParsable` / `BigDecimal` accept them.
    static func parsableNumber(_ text: String) -> Double? {
        guard !text.isEmpty, !text.hasSuffix("."), text.first != "+" else { return nil }
        guard text.allSatisfy({ $0.isNumber || $0 == "." || $0 == "-" || $0 == "e" || $0 == "E" }) else { return nil }
        return Double(text)
    }
}

extension String {
    func trimmed(_ set: String) -> String {
        Substring(self).trimming(set)
    }
}
