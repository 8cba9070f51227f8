#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// One trace for a person at a terminal (`traces get`): a header of `field: value` lines,
/// short input and output previews, then the span tree (`SpanTreeTable`).
package enum TraceView {
    /// Writes the trace and its tree. `projectName` names the project when the caller knows
    /// it (reads carry only `project_id`, see docs/SERVER.md); every line fits in `width`.
    package static func write(
        trace: JSONValue, tree: SpanTree, projectName: String?, to out: OutputStream,
        useColor: Bool, width: Int, now: Date
    ) throws {
        var text = header(trace, projectName: projectName, useColor: useColor, width: width, now: now)
        for (title, key) in [("INPUT", "input"), ("OUTPUT", "output")] {
            guard let value = trace[key], !value.isNull else { continue }
            let preview = TracePreview.lines(of: value, width: width, useColor: useColor)
            guard !preview.isEmpty else { continue }
            text += "\n" + TerminalStyle.bold.apply(title, useColor: useColor) + "\n" + preview
        }
        text += "\n" + SpanTreeTable(trace: trace, tree: tree, width: width, now: now).text(useColor: useColor)
        try out.write(text)
        try out.flush()
    }

    /// What the reader should know about the tree beyond what it shows, one line each, for
    /// stderr: spans under a missing parent, a count that differs from the trace's
    /// `span_count`, cycles, duplicates, spans without a start time.
    package static func warnings(trace: JSONValue, tree: SpanTree) -> [String] {
        /// `3 spans have`, `1 span has`: counts grouped for people.
        func spans(_ count: Int, _ one: String, _ many: String) -> String {
            Plural.groupedCount(count, "span") + " " + (count == 1 ? one : many)
        }
        var lines: [String] = []
        if !tree.missingParentIds.isEmpty {
            lines.append(spans(tree.orphanCount, "has", "have") + " a missing parent "
                + "(\(idList(tree.missingParentIds))): shown under \"missing span\"")
        }
        if let reported = trace["span_count"]?.intValue, reported != tree.spanCount {
            lines.append("the trace reports \(Plural.groupedCount(reported, "span")); "
                + "\(Plural.grouped(tree.spanCount)) \(Plural.was(tree.spanCount)) fetched")
        }
        if !tree.cycleSpanIds.isEmpty {
            lines.append(spans(tree.cycleSpanIds.count, "is its own", "are their own") + " ancestor "
                + "(\(idList(tree.cycleSpanIds))): shown under the trace, marked (cycle)")
        }
        if tree.duplicateCount > 0 {
            lines.append(Plural.groupedCount(tree.duplicateCount, "duplicate span")
                + " dropped (the latest update of each id is shown)")
        }
        if tree.incompleteCount > 0 {
            lines.append(spans(tree.incompleteCount, "has", "have") + " no start time: shown first, marked (incomplete)")
        }
        return lines
    }

    /// The first few ids, then how many more: a broken trace can name thousands.
    static func idList(_ ids: [String], showing limit: Int = 3) -> String {
        let shown = ids.prefix(limit).joined(separator: ", ")
        return ids.count > limit ? shown + " and \(Plural.grouped(ids.count - limit)) more" : shown
    }

    /// The `field: value` lines that have a value, each cut to fit `width`.
    static func header(_ trace: JSONValue, projectName: String?, useColor: Bool, width: Int, now: Date) -> String {
        func plain(_ key: String) -> String? {
            guard let value = trace[key], !value.isNull else { return nil }
            return Column.plain(value)
        }
        func list(_ key: String) -> String? {
            guard let items = trace[key]?.arrayValue, !items.isEmpty else { return nil }
            return items.map(Column.plain).joined(separator: ", ")
        }
        /// The cell of the trace list's column for `path`, in the list's form.
        func listCell(_ path: String) -> String? {
            let cell = Entity.trace.defaultColumns.first { $0.path == path }?.displayCell(trace, now: now).0
            return cell?.isEmpty == false ? cell : nil
        }
        func scores(_ key: String, form: (String) -> String = { $0 }) -> String? {
            guard let items = trace[key]?.arrayValue, !items.isEmpty else { return nil }
            return Column.scorePairs(items, form: form)
        }
        let rows: [(String, String?, TerminalStyle)] = [
            ("name", plain("name"), .plain),
            ("id", plain("id"), .plain),
            ("project", projectName ?? plain("project_id"), .plain),
            ("thread", plain("thread_id"), .plain),
            ("start", plain("start_time"), .plain),
            ("duration", listCell("duration"), .plain),
            ("spans", listCell("span_count"), .plain),
            ("tokens", trace["usage"].flatMap(tokens), .plain),
            ("cost", listCell("total_estimated_cost"), .plain),
            ("providers", list("providers"), .plain),
            ("tags", list("tags"), .plain),
            ("scores", scores("feedback_scores"), .plain),
            // Span scores are averages over spans and authors: read like the stats averages.
            ("span scores", scores("span_feedback_scores", form: Humanize.number), .plain),
            ("error", Renderer.errorSummary(trace["error_info"]), .red),
        ]
        let labelWidth = rows.filter { $0.1 != nil }.map { $0.0.count + 2 }.max() ?? 0
        let room = max(TableLayout.minimumWidth, width - labelWidth)
        return Renderer.labelledLines(rows.map { label, value, style in
            guard let value else { return (label, nil) }
            let text = DisplayWidth.truncate(TerminalStyle.clean(value), to: room)
            // The start's age is added where it fits.
            if label == "start", DisplayWidth.of(Renderer.timeWithAge(text, useColor: false, now: now)) <= room {
                return (label, Renderer.timeWithAge(text, useColor: useColor, now: now))
            }
            return (label, style.apply(text, useColor: useColor))
        })
    }

    /// `1203 (prompt 1100, completion 103)` from a usage object, the numbers in the TOKENS
    /// column's form; other keys follow as `key=value`.
    static func tokens(_ usage: JSONValue) -> String? {
        guard let members = usage.objectMembers, !members.isEmpty else { return nil }
        func number(_ key: String) -> String? { usage[key].map { Column.tokenCount(Column.plain($0)) } }
        guard let total = number("total_tokens") else { return Renderer.pairs(usage) }
        let parts = [("prompt", number("prompt_tokens")), ("completion", number("completion_tokens"))]
            .compactMap { name, value in value.map { "\(name) \($0)" } }
        let others = members.filter { !["total_tokens", "prompt_tokens", "completion_tokens"].contains($0.0) }
            .map { "\($0.0)=\(Column.plain($0.1))" }
        return ([parts.isEmpty ? total : total + " (" + parts.joined(separator: ", ") + ")"] + others)
            .joined(separator: " ")
    }
}
