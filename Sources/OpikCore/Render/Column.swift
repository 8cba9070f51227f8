#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// One column of a table or CSV file: where its value comes from and how it reads.
package struct Column: Sendable, Equatable {
    /// How a value is shown on a terminal (pipe and CSV cells are always the raw value).
    package enum Kind: Sendable, Equatable {
        case text
        /// An id, always whole: what a terminal shows can be pasted into `get`, `update`, `score add`.
        case id
        case spanType
        case time
        case duration
        case cost
        case number
        /// Every feedback score as `name=value`, space-separated.
        case scores
        /// `!` when the value is present; `G` when a guardrail check of the record failed.
        case errorMarker
        /// A trace's `span_count`, with its `llm_span_count` on a terminal: `12 (3 llm)`.
        case spanCounts
    }

    /// Header on a terminal.
    package let header: String
    /// Header in CSV: the field path.
    package let csvHeader: String
    package let path: String
    package let kind: Kind
    /// When a narrow terminal leaves this column out: lower first, nil never (see `Entity.narrowDropOrder`).
    package let dropRank: Int?

    package init(header: String, csvHeader: String, path: String, kind: Kind, dropRank: Int? = nil) {
        self.header = header
        self.csvHeader = csvHeader
        self.path = path
        self.kind = kind
        self.dropRank = dropRank
    }

    /// Free text that may be cut before numbers and times are.
    package var isFlexible: Bool {
        switch kind {
        case .text, .scores: return true
        default: return false
        }
    }

    package var alignsRight: Bool {
        switch kind {
        case .duration, .cost, .number, .spanCounts: return true
        default: return false
        }
    }

    /// The columns for `--fields`: headers are the paths upper-cased. The user chose them, so
    /// a narrow terminal cuts them but never leaves one out.
    /// Without `--fields`, `entity`'s default columns.
    package static func columns(for fields: FieldSelection?, entity: Entity) -> [Column] {
        guard let fields else { return entity.defaultColumns }
        return fields.paths.map { path in
            Column(header: path.uppercased(), csvHeader: path, path: path, kind: kind(ofPath: path))
        }
    }

    /// The narrowest this column may be cut to on a terminal: free text keeps a readable
    /// start (NAME more than others); ids, numbers, times and markers are never cut.
    func readableWidth(natural: Int) -> Int {
        guard isFlexible else { return natural }
        return min(natural, path == "name" ? 16 : 10)
    }

    /// A width that holds this column's usual values, for a table that must fix its widths
    /// before the rows arrive (`--follow`): ids whole, times like `59m ago`, costs like `$0.000015`.
    var typicalWidth: Int {
        let width: Int
        switch kind {
        case .id: width = 36
        case .spanType: width = 9
        case .time: width = 8
        case .duration: width = 6
        case .cost: width = 9
        case .number: width = 7
        case .errorMarker: width = 2
        case .spanCounts: width = 10
        case .scores: width = 24
        case .text: width = path == "name" ? 24 : 16
        }
        return max(width, DisplayWidth.of(header))
    }

    static func kind(ofPath path: String) -> Kind {
        switch path {
        case "id", "trace_id", "parent_span_id", "project_id": return .id
        case "type": return .spanType
        case "start_time", "end_time", "created_at", "last_updated_at": return .time
        case "duration", "ttft": return .duration
        case "total_estimated_cost": return .cost
        case "feedback_scores", "span_feedback_scores": return .scores
        case "span_count", "llm_span_count": return .number
        default:
            let numeric = ["usage.", "feedback_scores.", "span_feedback_scores."].contains { path.hasPrefix($0) }
            return numeric ? .number : .text
        }
    }

    /// The cell as received: strings as-is, numbers exactly, nested values as compact JSON.
    package func rawCell(_ record: JSONValue) -> String {
        switch kind {
        case .errorMarker:
            let error = FieldSelection.resolve(path, in: record).map { !$0.isNull } ?? false
            return (error ? "!" : "") + (Self.failedGuardrail(record) ? "G" : "")
        case .scores:
            guard let scores = record[path]?.arrayValue else {
                return FieldSelection.resolve(path, in: record).map(Self.plain) ?? ""
            }
            return Self.scorePairs(scores)
        default:
            return FieldSelection.resolve(path, in: record).map(Self.plain) ?? ""
        }
    }

    /// The cell for a terminal, and the style it is drawn in.
    package func displayCell(_ record: JSONValue, now: Date) -> (String, TerminalStyle) {
        let raw = TerminalStyle.clean(rawCell(record))
        switch kind {
        case .id:
            return (raw, .dim)
        case .spanType:
            return (raw, TerminalStyle.forSpanType(raw))
        case .time:
            return (TimeParser.instant(raw).map { Humanize.relativeTime($0, now: now) } ?? raw, .plain)
        case .duration:
            return (Double(raw).map { Humanize.duration(ms: $0) } ?? raw, .plain)
        case .cost:
            return (raw.isEmpty ? raw : Humanize.cost(raw), .plain)
        case .errorMarker:
            return (raw, .red)
        case .spanCounts:
            guard let llm = record["llm_span_count"].map(Self.plain), !llm.isEmpty, llm != "0" else { return (raw, .plain) }
            return ("\(raw) (\(llm) llm)", .plain)
        case .number:
            return (path.hasPrefix("usage.") ? Self.tokenCount(raw) : raw, .plain)
        case .text, .scores:
            return (raw, .plain)
        }
    }

    /// A token count as tables show it: read as an integer even when sent as `312.0`, not
    /// grouped; anything else as sent.
    static func tokenCount(_ raw: String) -> String {
        guard let value = Double(raw), value == value.rounded(), abs(value) < 1e15 else { return raw }
        return String(Int64(value))
    }

    /// Whether a guardrail check recorded for the record failed (traces'
    /// `guardrails_validations`: `[{span_id, checks: [{name, result}]}]`).
    static func failedGuardrail(_ record: JSONValue) -> Bool {
        guard let validations = record["guardrails_validations"]?.arrayValue else { return false }
        return validations.contains { validation in
            validation["checks"]?.arrayValue?.contains { $0["result"]?.stringValue == "failed" } ?? false
        }
    }

    /// Feedback scores as `name=value`, space-separated; `form` writes each value (as received by default).
    static func scorePairs(_ scores: [JSONValue], form: (String) -> String = { $0 }) -> String {
        scores.map { score in
            "\(score["name"].map(plain) ?? "")=\(form(score["value"].map(plain) ?? ""))"
        }.joined(separator: " ")
    }

    static func plain(_ value: JSONValue) -> String {
        switch value {
        case .null: return ""
        case let .bool(flag): return flag ? "true" : "false"
        case let .number(text): return text
        case let .string(text): return text
        case .array, .object: return JSONWriter.compact(value)
        }
    }
}
