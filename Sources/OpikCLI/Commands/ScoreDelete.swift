import OpikCore

/// `opik spans|traces score delete ID NAME...`: removes scores from one record.
enum ScoreDelete {
    static let author = OptionSpec("author", value: "NAME", help: "Remove only this author's value.")

    static func spec(_ group: EntityCommands) -> CommandSpec {
        let entity = group.entity
        return group.leaf(
            "score delete",
            summary: "Remove feedback scores from a \(entity.name)",
            discussion: """
                Sends one request per name (POST /\(entity.plural)/ID/feedback-scores/delete). Without \
                --author the name is removed for every author. The server answers the same whether \
                or not the \(entity.name) carried that score, so nothing is reported for a name that was not \
                there.
                """,
            arguments: [
                ArgumentSpec(group.idArgument, help: "The \(entity.name) the scores are on."),
                ArgumentSpec("NAME", help: "Score name to remove.", variadic: true),
            ],
            options: [
                author,
                DryRun.option,
            ],
            run: run)
    }

    static func run(_ invocation: Invocation, group: EntityCommands, context: inout Context) throws -> ExitStatus {
        let entity = group.entity
        let recordId = try Selection.uuidOperand(invocation, 0, name: group.idArgument)
        let names = invocation.operands.dropFirst().map(\.trimmingSpaces)
        if names.contains(where: \.isEmpty) { throw OpikError.usage("a score name is blank") }
        let session = try Session(invocation, context: context)
        let writes = names.map { name in
            var body: [(String, JSONValue)] = [("name", .string(name))]
            if let author = invocation.value(Self.author) { body.append(("author", .string(author))) }
            return PlannedWrite(
                request: session.client.request("POST", entity.paths.deleteFeedbackScores(of: recordId), body: .object(body)),
                what: "delete score '\(name)' of \(entity.name) \(recordId)", repetition: .safe)
        }
        _ = try DryRun.printOrSend(writes, invocation, client: session.client, context: context)
        return .success
    }
}
