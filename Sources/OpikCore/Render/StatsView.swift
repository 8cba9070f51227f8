extension Renderer {
    /// The stats response (`{"stats":[{"name","type","value"}…]}`, see docs/SERVER.md) as one
    /// object keyed by statistic name, values exactly as received.
    package static func statsObject(_ response: JSONValue) -> JSONValue {
        .object(statsMembers(response))
    }

    /// One row per statistic: NAME and VALUE. On a terminal with a bold header, aligned
    /// columns and values for reading (`readable`); in a pipe tab-separated, values as received
    /// (percentiles as `p50=812.5 p90=… p99=…`).
    package static func writeStatsTable(
        _ response: JSONValue, to out: OutputStream, isTerminal: Bool, useColor: Bool, width: Int
    ) throws {
        let rows = statsItems(response).map { name, type, value in
            [name, isTerminal ? readable(name, type: type, value) : pairs(value)]
        }
        var text = ""
        if isTerminal {
            let header = ["NAME", "VALUE"]
            let cleaned = rows.map { $0.map { TerminalStyle.clean($0) } }
            let natural = header.indices.map { index in
                cleaned.reduce(DisplayWidth.of(header[index])) { max($0, DisplayWidth.of($1[index])) }
            }
            let layout = TableLayout.fitting(natural: natural, alignsRight: [false, false], width: width)
            text += layout.line(header.map { ($0, .bold) }, useColor: useColor)
            for row in cleaned { text += layout.line(row.map { ($0, .plain) }, useColor: useColor) }
        } else {
            for row in rows { text += PipeTableWriter.line(row) }
        }
        try out.write(text)
        try out.flush()
    }

    /// Statistics in `format`: json and ndjson print `statsObject`, csv `name,value` rows.
    package static func writeStats(
        _ response: JSONValue, format: OutputFormat, to out: OutputStream,
        isTerminal: Bool, useColor: Bool, width: Int
    ) throws {
        switch format {
        case .json:
            try out.write(JSONWriter.pretty(statsObject(response)) + "\n")
        case .ndjson:
            try out.write(JSONWriter.compact(statsObject(response)) + "\n")
        case .csv:
            var text = "name,value\r\n"
            for (name, value) in statsMembers(response) {
                text += CSVWriter.quote(name) + "," + CSVWriter.quote(pairs(value)) + "\r\n"
            }
            try out.write(text)
        case .table:
            try writeStatsTable(response, to: out, isTerminal: isTerminal, useColor: useColor, width: width)
        }
        try out.flush()
    }

    /// A statistic as a person reads it, with the list table's forms: `p50=813ms p90=2.0s
    /// p99=4.8s`, `avg $0.0070`, `sum $0.1230`, `avg 0.46`, `1,203`. The server labels sums
    /// AVG too, so what a value is comes from its name (see docs/SERVER.md).
    static func readable(_ name: String, type: String?, _ value: JSONValue) -> String {
        let isCost = name.hasPrefix("total_estimated_cost")
        func form(_ number: JSONValue) -> String {
            let text = Column.plain(number)
            if number.doubleValue == nil { return text }
            if name == "duration" { return number.doubleValue.map { Humanize.duration(ms: $0) } ?? text }
            return isCost ? Humanize.cost(text) : Humanize.number(text)
        }
        if let members = value.objectMembers {
            return members.map { "\($0.0)=\(form($0.1))" }.joined(separator: " ")
        }
        let isSum = name.hasSuffix("_sum") || name.hasPrefix("usage_sum.")
        let isAverage = !isSum && (type == "AVG" || name.hasPrefix("usage.") || name.hasPrefix("feedback_scores.")
            || name == "tags" || name == "total_estimated_cost")
        return (isSum ? "sum " : isAverage ? "avg " : "") + form(value)
    }

    private static func statsMembers(_ response: JSONValue) -> [(String, JSONValue)] {
        statsItems(response).map { ($0.name, $0.value) }
    }

    /// Name, type tag and value of each statistic that has a name and a value.
    private static func statsItems(_ response: JSONValue) -> [(name: String, type: String?, value: JSONValue)] {
        let items = response["stats"]?.arrayValue ?? []
        return items.compactMap { item in
            guard let name = item["name"]?.stringValue, let value = item["value"] else { return nil }
            return (name, item["type"]?.stringValue, value)
        }
    }
}
