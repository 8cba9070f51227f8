import OpikCore

/// `opik spans|traces comment update COMMENT_ID TEXT|-`: replaces a comment's text.
enum CommentUpdate {
    static func spec(_ group: EntityCommands) -> CommandSpec {
        let entity = group.entity
        return group.leaf(
            "comment update",
            summary: "Change the text of a comment",
            discussion: """
                Replaces the text of the comment (PATCH /\(entity.plural)/comments/ID); the \(entity.name) id is not \
                needed. TEXT - reads the text from standard input. Blank text is refused before \
                anything is sent; an unknown comment id ends with exit status \(ExitStatus.notFound.code).
                """,
            arguments: [
                ArgumentSpec("COMMENT_ID", help: "The comment to change."),
                ArgumentSpec("TEXT", help: "The new text; - reads it from standard input."),
            ],
            options: [DryRun.option],
            run: run)
    }

    static func run(_ invocation: Invocation, group: EntityCommands, context: inout Context) throws -> ExitStatus {
        let entity = group.entity
        let commentId = invocation.operands[0]
        try Selection.checkUUID(commentId, option: "COMMENT_ID")
        let text = try CommentText.read(invocation.operands[1], context: context)
        let session = try Session(invocation, context: context)
        let write = PlannedWrite(
            request: session.client.request("PATCH", entity.paths.comment(commentId), body: ["text": .string(text)]),
            what: "update comment \(commentId)", repetition: .safe)
        if invocation.flag(DryRun.option) { return try DryRun.print([write], context: context) }
        do {
            try write.send(session.client)
        } catch let OpikError.server(_, status, _, _) where status == 404 {
            throw OpikError.notFound("comment \(commentId) not found")
        }
        return .success
    }
}
