import OpikCore

/// `opik spans score names`: the score names used on spans of a project.
enum ScoreNames {
    static let spec: CommandSpec = CommandSpec(
        "names",
        summary: "List the score names used in a project",
        discussion: """
            Prints one name per line; --format json prints an array of objects with a name, \
            ndjson one such object per line. The server needs a project id: a project name \
            (-p, OPIK_PROJECT_NAME or the default) is looked up first, and an unknown name ends \
            with exit status \(ExitStatus.notFound.code).
            """,
        options: [
            ProjectLookup.idOption,
            OptionSpec("type", value: "TYPE", help: "Only names used on spans of this type.", choices: Entity.span.values(of: "type")),
        ],
        examples: [
            Example("opik spans score names -p my-app", "Score names used in my-app."),
            Example("opik spans score names -p my-app --type llm --format json", "Names used on LLM spans, as JSON."),
        ],
        run: { invocation, context in try run(invocation, context: &context) })

    static func run(_ invocation: Invocation, context: inout Context) throws -> ExitStatus {
        let session = try Session(invocation, context: context)
        let projectId = try ProjectLookup.resolve(invocation, session: session)
        var query = [("project_id", projectId)]
        if let type = invocation.value("type") { query.append(("type", type)) }
        let request = session.client.request("GET", Entity.span.paths.feedbackScoreNames, query: query)
        let answer = try session.client.json(request, what: "list score names", repetition: .safe)
        guard let scores = answer?["scores"]?.arrayValue else {
            throw session.client.unexpected("list score names", expected: "score names (an object with a \"scores\" list)", received: answer)
        }
        // Spans' default columns mean nothing here; the name is the one column.
        let fields = session.fields ?? (session.format == .json || session.format == .ndjson ? nil : FieldSelection(paths: ["name"]))
        let writer = Renderer.makeWriter(
            format: session.format, fields: fields, stdout: context.stdout, isTerminal: context.isStdoutTerminal,
            useColor: session.useColor, width: context.terminalWidth, now: context.now())
        try writer.begin()
        for score in scores { try writer.write(score) }
        try writer.end(footer: nil)
        return .success
    }
}
