import OpikCore

/// `opik spans comment delete COMMENT_ID...`: removes comments.
enum CommentDelete {
    static let spec: CommandSpec = CommandSpec(
        "delete",
        summary: "Delete comments",
        discussion: """
            Deletes the comments in requests of up to 1000 ids (POST /spans/comments/delete). \
            The server ignores ids it does not know, so an unknown id is not reported.
            """,
        arguments: [ArgumentSpec("COMMENT_ID", help: "Comment id; - reads ids from standard input.", variadic: true)],
        options: [DryRun.option],
        examples: [
            Example("opik spans comment delete COMMENT_ID", "Delete one comment."),
            Example("opik spans comment list SPAN_ID --fields id | opik spans comment delete -", "Delete every comment of a span."),
        ],
        run: { invocation, context in try run(invocation, context: &context) })

    static func run(_ invocation: Invocation, context: inout Context) throws -> ExitStatus {
        var seen = Set<String>()
        let ids = try IdList.read(invocation.operands, context: context, what: "comment id").filter { seen.insert($0.lowercased()).inserted }
        let session = try Session(invocation, context: context)
        let writes = stride(from: 0, to: ids.count, by: Entity.span.maxBatch).map { start in
            let chunk = ids[start..<min(ids.count, start + Entity.span.maxBatch)]
            return PlannedWrite(
                request: session.client.request("POST", Entity.span.paths.deleteComments, body: ["ids": .array(chunk.map { .string($0) })]),
                what: "delete \(Plural.count(chunk.count, "comment"))", repetition: .safe)
        }
        if invocation.flag("dry-run") { return try DryRun.print(writes, context: context) }
        for write in writes { try write.send(session.client) }
        return .success
    }
}
