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
                ndjson one such object per line. A project name (-p, OPIK_PROJECT_NAME or \
                project_name) is looked up first, and an unknown name ends with exit status \
                \(ExitStatus.notFound.code).
                """ + (group.scoreNamesAcrossProjects
                    ? " Without a project named anywhere, the names used on \(entity.plural) in the whole workspace are listed."
                    : " Without one, the default project is used: the server needs a project."),
            // Only spans have a type to narrow by.
            options: [ProjectLookup.idOption] + (entity.values(of: "type").isEmpty ? [] : [
                RecordOptions.type.help("Only names used on \(entity.plural) of this type.").choosing(from: entity.values(of: "type")),
            ]),
            run: run)
    }

    static func run(_ invocation: Invocation, group: EntityCommands, context: inout Context) throws -> ExitStatus {
        let entity = group.entity
        let session = try Session(invocation, context: context)
        // Only a project the user named narrows the names of an entity the server can list
        // across the workspace; the default project would hide the others.
        let named = invocation.value(ProjectLookup.idOption) != nil || session.configuration.project.source != .default
        var query: [(String, String)] = []
        if named || !group.scoreNamesAcrossProjects {
            query.append(("project_id", try ProjectLookup.resolve(invocation, session: session)))
        }
        if let type = invocation.value(RecordOptions.type) { query.append(("type", type)) }
        let request = session.client.request("GET", entity.paths.feedbackScoreNames, query: query)
        let answer = try session.client.json(request, what: "list score names", repetition: .safe)
        guard let scores = answer?["scores"]?.arrayValue else {
            throw session.client.unexpected("list score names", expected: "score names (an object with a \"scores\" list)", received: answer)
        }
        // The entity's default columns mean nothing here; the name is the one column.
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
