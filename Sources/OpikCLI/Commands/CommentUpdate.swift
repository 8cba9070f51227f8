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
        let commentId = try Selection.uuidOperand(invocation, 0, name: "COMMENT_ID")
        let text = try CommentText.read(invocation.operands[1], context: context)
        let session = try Session(invocation, context: context)
        let write = PlannedWrite(
            request: session.client.request("PATCH", entity.paths.comment(commentId), body: ["text": .string(text)]),
            what: "update comment \(commentId)", repetition: .safe)
        _ = try DryRun.printOrSend([write], invocation, client: session.client, context: context) { _, _, status in
            status == 404 ? OpikError.notFound("comment \(commentId) not found") : nil
        }
        return .success
    }
}
