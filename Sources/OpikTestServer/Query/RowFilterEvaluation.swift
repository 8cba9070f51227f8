import OpikCore

extension RowFilter {
    /// Whether `span` passes this filter, following the server's SQL as closely as memory allows;
    /// `aggregate` is a trace's span aggregate (nil for spans, or a trace filter that needs none).
    func matches(_ span: Row, aggregate: SpanAggregate? = nil) -> Bool {
        let value = self.value ?? ""
        switch type {
        case .STRING:
            return compareText(stringField(span), value, caseInsensitive: true)
        case .STRING_EXACT:
            return compareText(field == "id" ? span.id : span[field]?.stringValue ?? "", value, caseInsensitive: false)
        case .STRING_LIST:
            // Experiment membership: this server has no experiments.
            return false
        case .DATE_TIME:
            guard let target = Timestamp.micros(value), let actual = dateField(span) else { return false }
            return compare(actual, target)
        case .NUMBER:
            guard let target = Double(value), let actual = numberField(span, aggregate) else { return false }
            return compare(actual, target)
        case .DICTIONARY:
            return matchesDictionary(span[field == "metadata" ? "metadata" : field == "input_json" ? "input" : "output"])
        case .LIST:
            let tags = span[field]?.arrayValue?.compactMap(\.stringValue) ?? []
            switch op {
            case "=": return tags.contains(value)
            case "!=": return !tags.contains(value)
            case "contains": return tags.contains { $0.lowercased().contains(value.lowercased()) }
            case "not_contains": return !tags.contains { $0.lowercased().contains(value.lowercased()) }
            case "is_empty": return tags.isEmpty
            default: return !tags.isEmpty
            }
        case .FEEDBACK_SCORES_NUMBER:
            let score = field == "span_feedback_scores"
                ? aggregate.flatMap { ScoreRecord.average($0.spanScores, named: key ?? "") }
                : span.scoreValue(named: key ?? "")
            switch op {
            case "is_empty": return score == nil
            case "is_not_empty": return score != nil
            default:
                guard let score, let target = Double(value) else { return false }
                return compare(score, target)
            }
        case .ERROR_CONTAINER:
            let present = span["error_info"].map { !$0.isNull } ?? false
            return op == "is_empty" ? !present : present
        case .ENUM:
            let actual = span[field]?.stringValue ?? ""
            let items = value.split(separator: ",").map { $0.trimming(" ") }.filter { !$0.isEmpty }
            switch op {
            case "=": return actual == value
            case "!=": return actual != value
            case "is_empty": return actual.isEmpty
            case "is_not_empty": return !actual.isEmpty
            case "in": return items.contains(actual)
            default: return !items.contains(actual)
            }
        case .ENUM_LEGACY:
            var actual = span["source"]?.stringValue ?? "unknown"
            if actual == "unknown" { actual = "sdk" }
            return op == "=" ? actual == value : actual != value
        case .CUSTOM:
            return false
        }
    }

    private func stringField(_ span: Row) -> String {
        switch field {
        case "input", "output": return span[field].map { $0.isNull ? "" : JSONWriter.compact($0) } ?? ""
        case "error_type": return span["error_info"]?["exception_type"]?.stringValue ?? ""
        default: return span[field]?.stringValue ?? ""
        }
    }

    private func dateField(_ span: Row) -> Int64? {
        switch field {
        case "created_at": return Timestamp.micros(span.createdAt)
        case "last_updated_at": return Timestamp.micros(span.lastUpdatedAt)
        default: return span[field]?.stringValue.flatMap(Timestamp.micros)
        }
    }

    private func numberField(_ span: Row, _ aggregate: SpanAggregate?) -> Double? {
        switch field {
        case "duration": return span.durationMillis
        case "ttft": return span["ttft"]?.doubleValue
        default: break
        }
        if span.kind == .trace {
            // Sums over the trace's spans: a trace without spans has no row to match.
            guard let aggregate, aggregate.spanCount > 0 else { return nil }
            return aggregate.number(field)
        }
        if field == "total_estimated_cost" { return span["total_estimated_cost"]?.doubleValue ?? 0 }
        // Missing usage keys read as 0 from the map column.
        let usageKey = String(field.dropFirst("usage.".count))
        return span["usage"]?[usageKey]?.doubleValue ?? 0
    }

    private func compare<T: Comparable>(_ actual: T, _ target: T) -> Bool {
        switch op {
        case "=": return actual == target
        case "!=": return actual != target
        case ">": return actual > target
        case ">=": return actual >= target
        case "<": return actual < target
        case "<=": return actual <= target
        default: return false
        }
    }

    private func compareText(_ actual: String, _ target: String, caseInsensitive: Bool) -> Bool {
        let a = caseInsensitive ? actual.lowercased() : actual
        let t = caseInsensitive ? target.lowercased() : target
        switch op {
        case "contains": return a.contains(t)
        case "not_contains": return !a.contains(t)
        case "starts_with": return a.hasPrefix(t)
        case "ends_with": return a.hasSuffix(t)
        default: return compare(a, t)
        }
    }

    private func matchesDictionary(_ document: JSONValue?) -> Bool {
        let extracted = document.flatMap { JSONPath.extract(key ?? "", from: $0) }
        let text: String? = extracted.map { value in
            switch value {
            case .null: return ""
            case let .string(s): return s
            default: return JSONWriter.compact(value)
            }
        }
        switch op {
        case "is_empty": return text.map { $0.isEmpty || $0 == "{}" || $0 == "[]" } ?? true
        case "is_not_empty": return !(text.map { $0.isEmpty || $0 == "{}" || $0 == "[]" } ?? true)
        case ">", "<":
            guard let actual = text.flatMap({ Double($0) }), let target = Double(value ?? "") else { return false }
            return compare(actual, target)
        case "!=", "not_contains":
            return compareText(text ?? "", value ?? "", caseInsensitive: true)
        default:
            guard let text else { return false }
            return compareText(text, value ?? "", caseInsensitive: true)
        }
    }
}

/// The JSONPath subset dictionary filter keys use: `a.b`, `messages[0].content`, `$.a`, `[0]`.
enum JSONPath {
    static func extract(_ key: String, from document: JSONValue) -> JSONValue? {
        var path = key
        if path.hasPrefix("$") { path.removeFirst() }
        var current = document
        var token = ""
        var index = path.startIndex
        func step(_ name: String) -> Bool {
            guard !name.isEmpty else { return true }
            guard let next = current[name] else { return false }
            current = next
            return true
        }
        while index < path.endIndex {
            let character = path[index]
            if character == "." {
                guard step(token) else { return nil }
                token = ""
            } else if character == "[" {
                guard step(token) else { return nil }
                token = ""
                guard let close = path[index...].firstIndex(of: "]"), let position = Int(path[path.index(after: index)..<close]),
                    let items = current.arrayValue, position >= 0, position < items.count
                else { return nil }
                current = items[position]
                index = close
            } else {
                token.append(character)
            }
            index = path.index(after: index)
        }
        return step(token) ? current : nil
    }
}
