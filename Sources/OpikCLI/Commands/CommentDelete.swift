import OpikCore

/// `opik spans|traces comment delete COMMENT_ID...`: removes comments.
enum CommentDelete {
    static func spec(_ group: EntityCommands) -> CommandSpec {
        let entity = group.entity
        return group.leaf(
            "comment delete",
            summary: "Delete comments",
            discussion: """
                Deletes the comments in requests of up to 1000 ids (POST /\(entity.plural)/comments/delete). \
                The server ignores ids it does not know, so an unknown id is not reported.
                """,
            arguments: [ArgumentSpec("COMMENT_ID", help: "Comment id; - reads ids from standard input.", variadic: true)],
            options: [DryRun.option],
            run: run)
    }

    static func run(_ invocation: Invocation, group: EntityCommands, context: inout Context) throws -> ExitStatus {
        let entity = group.entity
        let ids = try IdList.readUnique(invocation.operands, context: context, what: "comment id")
        let session = try Session(invocation, context: context)
        let writes = stride(from: 0, to: ids.count, by: entity.maxBatch).map { start in
            let chunk = ids[start..<min(ids.count, start + entity.maxBatch)]
            return PlannedWrite(
                request: session.client.request("POST", entity.paths.deleteComments, body: ["ids": .array(chunk.map { .string($0) })]),
                what: "delete \(Plural.count(chunk.count, "comment"))", repetition: .safe)
        }
        _ = try DryRun.printOrSend(writes, invocation, client: session.client, context: context)
        return .success
    }
}
