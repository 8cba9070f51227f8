import OpikCore

/// `opik spans|traces score names`: the score names used on the records of a project.
enum ScoreNames {

    static func spec(_ group: EntityCommands) -> CommandSpec {
        let entity = group.entity
        return group.leaf(
            "score names",
            summary: "List the score names used in a project",
            discussion: """
                Prints one name per line; --format json prints an array of objects with a name, \
                ndjson one such object per line. The server needs a project id: a project name \
                (-p, OPIK_PROJECT_NAME or the default) is looked up first, and an unknown name ends \
                with exit status \(ExitStatus.notFound.code).
                """,
            // Only spans have a type to narrow by.
            options: [ProjectLookup.idOption] + (entity.values(of: "type").isEmpty ? [] : [
                RecordOptions.type.help("Only names used on \(entity.plural) of this type.").choosing(from: entity.values(of: "type")),
            ]),
            run: run)
    }

    static func run(_ invocation: Invocation, group: EntityCommands, context: inout Context) throws -> ExitStatus {
        let entity = group.entity
        let session = try Session(invocation, context: context)
        let projectId = try ProjectLookup.resolve(invocation, session: session)
        var query = [("project_id", projectId)]
        if let type = invocation.value(RecordOptions.type) { query.append(("type", type)) }
        let request = session.client.request("GET", entity.paths.feedbackScoreNames, query: query)
        let answer = try session.client.json(request, what: "list score names", repetition: .safe)
        guard let scores = answer?["scores"]?.arrayValue else {
            throw session.client.unexpected("list score names", expected: "score names (an object with a \"scores\" list)", received: answer)
        }
        // Spans' default columns mean nothing here; the name is the one column.
        let fields = session.fields ?? (session.format == .json || session.format == .ndjson ? nil : FieldSelection(paths: ["name"]))
        let writer = Renderer.makeWriter(
            format: session.format, fields: fields, stdout: context.stdout, isTerminal: context.isStdoutTerminal,
            useColor: session.useColor, width: context.terminalWidth, now: context.now(), entity: entity)
        try writer.begin()
        for score in scores { try writer.write(score) }
        try writer.end(footer: nil)
        return .success
    }
}
