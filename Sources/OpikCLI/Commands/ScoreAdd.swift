import OpikCore

/// `opik spans score add SPAN_ID NAME=VALUE...`: adds or replaces scores on one span.
enum ScoreAdd {
    static let spec: CommandSpec = CommandSpec(
        "add",
        summary: "Add or replace feedback scores on a span",
        discussion: """
            Sends one request per score (PUT /spans/ID/feedback-scores). A score with a name \
            the span already carries from the same author replaces it. Values are numbers \
            between -999999999.999999999 and 999999999.999999999. --reason and --category \
            apply to every score given. An unknown span id ends with exit status \(ExitStatus.notFound.code).
            """,
        arguments: [
            ArgumentSpec("SPAN_ID", help: "The span to score."),
            ArgumentSpec("NAME=VALUE", help: "Score name and numeric value, e.g. accuracy=0.92.", variadic: true),
        ],
        options: [
            OptionSpec("reason", value: "TEXT", help: "Why the scores were given."),
            OptionSpec("category", value: "NAME", help: "Category name of the scores."),
            OptionSpec("source", value: "SOURCE", help: "Who scored (default sdk).", choices: Entity.span.scoreSources),
            DryRun.option,
        ],
        examples: [
            Example("opik spans score add ID accuracy=0.92 relevance=1 --reason 'matches the reference'", "Score a span twice."),
            Example("opik spans score add ID hallucination=0 --category judge --dry-run", "Show the request without sending it."),
        ],
        run: { invocation, context in try run(invocation, context: &context) })

    static func run(_ invocation: Invocation, context: inout Context) throws -> ExitStatus {
        let spanId = invocation.operands[0]
        try SpanSelection.checkUUID(spanId, option: "SPAN_ID")
        let scores = try invocation.operands.dropFirst().map(parse)
        let session = try Session(invocation, context: context)
        let writes = scores.map { name, value in
            var body: [(String, JSONValue)] = [("name", .string(name)), ("value", value),
                                               ("source", .string(invocation.value("source") ?? "sdk"))]
            if let reason = invocation.value("reason") { body.append(("reason", .string(reason))) }
            if let category = invocation.value("category") { body.append(("category_name", .string(category))) }
            return PlannedWrite(request: session.client.request("PUT", Entity.span.paths.feedbackScores(of: spanId), body: .object(body)),
                                what: "score span \(spanId)", repetition: .safe)
        }
        if invocation.flag("dry-run") { return try DryRun.print(writes, context: context) }
        for write in writes {
            do {
                try write.send(session.client)
            } catch let OpikError.server(_, status, _, _) where status == 404 {
                throw OpikError.notFound("span \(spanId) not found; no score added")
            }
        }
        if context.isStderrTerminal {
            session.notices.info("scored span \(spanId): \(scores.map(\.0).joined(separator: ", "))")
        }
        return .success
    }

    /// `accuracy=0.92` as a name and a JSON number, checked as the server would.
    static func parse(_ pair: String) throws -> (String, JSONValue) {
        let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false).map(String.init)
        guard parts.count == 2 else {
            throw OpikError.usage("invalid score '\(pair)': expected NAME=VALUE, e.g. accuracy=0.92")
        }
        let name = parts[0].trimmingSpaces
        guard !name.isEmpty else { throw OpikError.usage("invalid score '\(pair)': the name is blank") }
        let text = parts[1].trimmingSpaces
        guard SpanChanges.isJSONNumber(text), let number = Double(text) else {
            throw OpikError.usage("invalid score '\(pair)': '\(text)' is not a number")
        }
        guard abs(number) <= 999_999_999.999999999 else {
            throw OpikError.usage("invalid score '\(pair)': values lie between -999999999.999999999 and 999999999.999999999")
        }
        return (name, .number(text))
    }
}
