import OpikCore

/// `opik spans score delete SPAN_ID NAME...`: removes scores from one span.
enum ScoreDelete {
    static let spec: CommandSpec = CommandSpec(
        "delete",
        summary: "Remove feedback scores from a span",
        discussion: """
            Sends one request per name (POST /spans/ID/feedback-scores/delete). Without \
            --author the name is removed for every author. The server answers the same whether \
            or not the span carried that score, so nothing is reported for a name that was not \
            there.
            """,
        arguments: [
            ArgumentSpec("SPAN_ID", help: "The span the scores are on."),
            ArgumentSpec("NAME", help: "Score name to remove.", variadic: true),
        ],
        options: [
            OptionSpec("author", value: "NAME", help: "Remove only this author's value."),
            DryRun.option,
        ],
        examples: [
            Example("opik spans score delete ID accuracy relevance", "Remove two scores from a span."),
            Example("opik spans score delete ID accuracy --author alice", "Remove only alice's accuracy score."),
        ],
        run: { invocation, context in try run(invocation, context: &context) })

    static func run(_ invocation: Invocation, context: inout Context) throws -> ExitStatus {
        let spanId = invocation.operands[0]
        try SpanSelection.checkUUID(spanId, option: "SPAN_ID")
        let names = invocation.operands.dropFirst().map(\.trimmingSpaces)
        if names.contains(where: \.isEmpty) { throw OpikError.usage("a score name is blank") }
        let session = try Session(invocation, context: context)
        let writes = names.map { name in
            var body: [(String, JSONValue)] = [("name", .string(name))]
            if let author = invocation.value("author") { body.append(("author", .string(author))) }
            return PlannedWrite(
                request: session.client.request("POST", Entity.span.paths.deleteFeedbackScores(of: spanId), body: .object(body)),
                what: "delete score '\(name)' of span \(spanId)", repetition: .safe)
        }
        if invocation.flag("dry-run") { return try DryRun.print(writes, context: context) }
        for write in writes { try write.send(session.client) }
        return .success
    }
}
