#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

extension Renderer {
    /// Prints one span for a person at a terminal (`spans get`): aligned `field: value` lines,
    /// then input, output and metadata as indented JSON, then scores and comments.
    /// `width` bounds the score reasons; other values are printed whole for the terminal to wrap.
    package static func writeDetail(
        _ span: JSONValue, to out: OutputStream, useColor: Bool, width: Int, now: Date
    ) throws {
        var text = fieldLines(span, useColor: useColor, now: now)
        if let traceback = span["error_info"]?["traceback"] {
            text += section("ERROR", Column.plain(traceback), useColor: useColor)
        }
        for (title, key) in [("INPUT", "input"), ("OUTPUT", "output"), ("METADATA", "metadata")] {
            guard let value = span[key], !value.isNull else { continue }
            let body = value.stringValue ?? JSONWriter.pretty(value)
            text += section(title, body, useColor: useColor)
        }
        if let scores = span["feedback_scores"]?.arrayValue, !scores.isEmpty {
            text += section("SCORES", scoreLines(scores, width: width - 2), useColor: useColor)
        }
        if let comments = span["comments"]?.arrayValue, !comments.isEmpty {
            text += section("COMMENTS", commentLines(comments, useColor: useColor, now: now), useColor: useColor)
        }
        try out.write(text)
        try out.flush()
    }

    private static func fieldLines(_ span: JSONValue, useColor: Bool, now: Date) -> String {
        func plain(_ key: String) -> String? {
            guard let value = span[key], !value.isNull else { return nil }
            return TerminalStyle.clean(Column.plain(value))
        }
        func time(_ key: String) -> String? {
            plain(key).map { timeWithAge($0, useColor: useColor, now: now) }
        }
        let rows: [(String, String?)] = [
            ("id", plain("id")),
            ("name", plain("name")),
            ("type", plain("type").map { TerminalStyle.forSpanType($0).apply($0, useColor: useColor) }),
            ("trace_id", plain("trace_id")),
            ("parent_span_id", plain("parent_span_id")),
            ("project", plain("project_name") ?? plain("project_id")),
            ("start", time("start_time")),
            ("end", time("end_time")),
            ("duration", span["duration"]?.doubleValue.map { Humanize.duration(ms: $0) }),
            ("ttft", span["ttft"]?.doubleValue.map { Humanize.duration(ms: $0) }),
            ("model", plain("model")),
            ("provider", plain("provider")),
            ("usage", span["usage"].map { TerminalStyle.clean(pairs($0)) }),
            ("cost", plain("total_estimated_cost").map(Humanize.cost)),
            ("tags", span["tags"]?.arrayValue.map { tags in
                TerminalStyle.clean(tags.map(Column.plain).joined(separator: ", "))
            }),
            ("environment", plain("environment")),
            ("error", errorSummary(span["error_info"]).map { TerminalStyle.red.apply($0, useColor: useColor) }),
        ]
        return labelledLines(rows)
    }

    /// `label: value` lines for the rows that have a value, the values aligned.
    static func labelledLines(_ rows: [(String, String?)]) -> String {
        let present = rows.compactMap { label, value in value.map { (label, $0) } }
        let labelWidth = (present.map { $0.0.count }.max() ?? 0) + 1
        return present.map { label, value in
            DisplayWidth.pad(label + ":", to: labelWidth) + " " + value + "\n"
        }.joined()
    }

    /// A time as received, then how long ago it was, dimmed: `2026-07-01T10:02:00Z (3m ago)`.
    static func timeWithAge(_ raw: String, useColor: Bool, now: Date) -> String {
        guard let date = TimeParser.instant(raw) else { return raw }
        return raw + " " + TerminalStyle.dim.apply("(\(Humanize.relativeTime(date, now: now)))", useColor: useColor)
    }

    /// `key=value` pairs of an object, space-separated, values as received; other values plain.
    static func pairs(_ value: JSONValue) -> String {
        guard let members = value.objectMembers else { return Column.plain(value) }
        return members.map { "\($0.0)=\(Column.plain($0.1))" }.joined(separator: " ")
    }

    /// `Type: message` of an `error_info` value, `yes` when it has neither; nil when absent.
    static func errorSummary(_ error: JSONValue?) -> String? {
        guard let error, !error.isNull else { return nil }
        let parts = [error["exception_type"], error["message"]].compactMap { $0.map(Column.plain) }
            .filter { !$0.isEmpty }
        return parts.isEmpty ? "yes" : TerminalStyle.clean(parts.joined(separator: ": "))
    }

    private static func scoreLines(_ scores: [JSONValue], width: Int) -> String {
        let rows = scores.map { score in
            [score["name"], score["value"], score["reason"]].map {
                TerminalStyle.clean($0.map(Column.plain) ?? "")
            }
        }
        let nameWidth = rows.map { DisplayWidth.of($0[0]) }.max() ?? 0
        let valueWidth = rows.map { DisplayWidth.of($0[1]) }.max() ?? 0
        let reasonWidth = max(TableLayout.minimumWidth, width - nameWidth - valueWidth - 2 * TableLayout.gap)
        return rows.map { row in
            var line = DisplayWidth.pad(row[0], to: nameWidth) + "  "
                + DisplayWidth.pad(row[1], to: valueWidth)
            if !row[2].isEmpty { line += "  " + DisplayWidth.truncate(row[2], to: reasonWidth) }
            return trimTrailingSpaces(line) + "\n"
        }.joined()
    }

    private static func commentLines(_ comments: [JSONValue], useColor: Bool, now: Date) -> String {
        comments.map { comment in
            let rawID = TerminalStyle.clean(comment["id"].map(Column.plain) ?? "")
            let id = TerminalStyle.dim.apply(rawID, useColor: useColor)
            var head = [id]
            if let author = comment["created_by"].map(Column.plain) { head.append(TerminalStyle.clean(author)) }
            if let raw = comment["created_at"].map(Column.plain) {
                let time = TimeParser.instant(raw).map { Humanize.relativeTime($0, now: now) }
                head.append(time ?? TerminalStyle.clean(raw))
            }
            let body = indent(comment["text"].map(Column.plain) ?? "", by: 2)
            return head.filter { !$0.isEmpty }.joined(separator: "  ") + "\n" + body
        }.joined()
    }

    /// A blank line, the bold title, then `body` indented by two spaces.
    private static func section(_ title: String, _ body: String, useColor: Bool) -> String {
        "\n" + TerminalStyle.bold.apply(title, useColor: useColor) + "\n" + indent(body, by: 2)
    }

    /// Every line of `text` indented, control characters removed, ending in a line feed.
    private static func indent(_ text: String, by count: Int) -> String {
        let prefix = String(repeating: " ", count: count)
        var cleaned = TerminalStyle.clean(text.replacing("\t", with: "    "), keepingNewlines: true)
        if cleaned.hasSuffix("\n") { cleaned.removeLast() }
        return cleaned.split(separator: "\n", omittingEmptySubsequences: false).map { line in
            line.isEmpty ? "\n" : prefix + trimTrailingSpaces(String(line)) + "\n"
        }.joined()
    }

    static func trimTrailingSpaces(_ line: String) -> String {
        var result = Substring(line)
        while result.hasSuffix(" ") { result = result.dropLast() }
        return String(result)
    }
}
