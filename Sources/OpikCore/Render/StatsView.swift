extension Renderer {
    /// The stats response (`{"stats":[{"name","type","value"}…]}`, see docs/SERVER.md#stats) as one
    /// object keyed by statistic name, values exactly as received.
    public static func statsObject(_ response: JSONValue) -> JSONValue {
        .object(statsMembers(response))
    }

    /// One row per statistic: NAME and VALUE, percentiles as `p50=812.5 p90=… p99=…`.
    /// On a terminal with a bold header and aligned columns; in a pipe tab-separated.
    public static func writeStatsTable(
        _ response: JSONValue, to out: OutputStream, isTerminal: Bool, useColor: Bool, width: Int
    ) throws {
        let rows = statsMembers(response).map { name, value in [name, pairs(value)] }
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
    public static func writeStats(
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

    private static func statsMembers(_ response: JSONValue) -> [(String, JSONValue)] {
        let items = response["stats"]?.arrayValue ?? []
        return items.compactMap { item in
            guard let name = item["name"]?.stringValue, let value = item["value"] else { return nil }
            return (name, value)
        }
    }
}
