import OpikCore

/// `opik spans comment update COMMENT_ID TEXT|-`: replaces a comment's text.
enum CommentUpdate {
    static let spec: CommandSpec = CommandSpec(
        "update",
        summary: "Change the text of a comment",
        discussion: """
            Replaces the text of the comment (PATCH /spans/comments/ID); the span id is not \
            needed. TEXT - reads the text from standard input. Blank text is refused before \
            anything is sent; an unknown comment id ends with exit status \(ExitStatus.notFound.code).
            """,
        arguments: [
            ArgumentSpec("COMMENT_ID", help: "The comment to change."),
            ArgumentSpec("TEXT", help: "The new text; - reads it from standard input."),
        ],
        options: [DryRun.option],
        examples: [
            Example("opik spans comment update COMMENT_ID 'fixed in v2'", "Change a comment."),
        ],
        run: { invocation, context in try run(invocation, context: &context) })

    static func run(_ invocation: Invocation, context: inout Context) throws -> ExitStatus {
        let commentId = invocation.operands[0]
        try SpanSelection.checkUUID(commentId, option: "COMMENT_ID")
        let text = try CommentText.read(invocation.operands[1], context: context)
        let session = try Session(invocation, context: context)
        let write = PlannedWrite(
            request: session.client.request("PATCH", Entity.span.paths.comment(commentId), body: ["text": .string(text)]),
            what: "update comment \(commentId)", repetition: .safe)
        if invocation.flag("dry-run") { return try DryRun.print([write], context: context) }
        do {
            try write.send(session.client)
        } catch let OpikError.server(_, status, _, _) where status == 404 {
            throw OpikError.notFound("comment \(commentId) not found")
        }
        return .success
    }
}
