import OpikCore

/// `opik spans stats`, `opik traces stats`: aggregate statistics of the selected records.
enum StatsCommand {
    static func spec(_ group: EntityCommands) -> CommandSpec {
        let entity = group.entity
        return group.leaf(
            "stats",
            summary: "Statistics of the selected \(entity.plural)",
            discussion: """
                Takes the same selection options as list. The table shows one row per statistic: \
                \(group.statistics). On a terminal the values read like the list table: durations as \
                812ms or 2.4s, costs in dollars, numbers rounded, averages marked "avg" and sums \
                "sum". In a pipe and in --format json, csv or ndjson the values are exactly as the \
                server sent them; json prints one object keyed by statistic name.
                """,
            options: Selection.options(for: group) + [
                Explain.option,
            ],
            run: run)
    }

    static func run(_ invocation: Invocation, group: EntityCommands, context: inout Context) throws -> ExitStatus {
        let entity = group.entity
        let session = try Session(invocation, context: context)
        let selection = try Selection(invocation, group: group, session: session, now: context.now())
        let request = session.client.request("GET", entity.paths.stats, query: selection.queryItems)
        if invocation.flag(Explain.option) { return try Explain.print(request, context: context) }
        let what = "get \(entity.name) statistics"
        let response = try session.client.json(request, what: what, repetition: .safe)
        // Any 2xx body would otherwise render as empty statistics and exit 0.
        guard let response, let stats = response["stats"]?.arrayValue, stats.allSatisfy({ $0["name"]?.stringValue != nil }) else {
            throw session.client.unexpected(what, expected: "statistics (an object with a \"stats\" list)", received: response)
        }
        try Renderer.writeStats(response, format: session.format, to: context.stdout,
                                isTerminal: context.isStdoutTerminal, useColor: session.useColor, width: context.terminalWidth)
        return .success
    }
}
