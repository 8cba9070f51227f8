import OpikCore

/// `opik spans stats`: aggregate statistics of the selected spans.
enum SpansStats {
    static let spec: CommandSpec = CommandSpec(
        "stats",
        summary: "Statistics of the selected spans",
        discussion: """
            Takes the same selection options as list. The table shows one row per statistic: \
            span_count, duration percentiles, input/output/metadata counts, average tags, \
            cost average and sum, usage averages and sums, the average of each feedback score, \
            error_count. On a terminal the values read like the list table: durations as \
            812ms or 2.4s, costs in dollars, numbers rounded, averages marked "avg" and sums \
            "sum". In a pipe and in --format json, csv or ndjson the values are exactly as the \
            server sent them; json prints one object keyed by statistic name.
            """,
        options: SpanSelection.options + [
            OptionSpec("explain", help: "Print the request that would be sent, and send nothing."),
        ],
        examples: [
            Example("opik spans stats -p my-app --since 24h", "Statistics of the last day."),
            Example("opik spans stats -p my-app --type llm --format json | jq .duration.p99", "p99 latency of LLM calls."),
        ],
        run: { invocation, context in try run(invocation, context: &context) })

    static func run(_ invocation: Invocation, context: inout Context) throws -> ExitStatus {
        let session = try Session(invocation, context: context)
        let selection = try SpanSelection(invocation, session: session, now: context.now())
        let request = session.client.request("GET", Entity.span.paths.stats, query: selection.queryItems)
        if invocation.flag("explain") { return try Explain.print(request, context: context) }
        let what = "get span statistics"
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
