import OpikCore

/// `opik spans|traces comment add ID TEXT|-`: adds a comment and prints its id.
enum CommentAdd {
    static func spec(_ group: EntityCommands) -> CommandSpec {
        let entity = group.entity
        return group.leaf(
            "comment add",
            summary: "Add a comment to a \(entity.name)",
            discussion: """
                Prints the id of the new comment (--format json: {"id": ...}). TEXT - reads the \
                text from standard input, without its trailing line breaks. Blank text is refused \
                before anything is sent. Adding a comment twice makes two comments, so a failed \
                request is not retried once it may have reached the server.
                """,
            arguments: [
                ArgumentSpec(group.idArgument, help: "The \(entity.name) to comment on."),
                ArgumentSpec("TEXT", help: "The comment; - reads it from standard input."),
            ],
            options: [DryRun.option],
            run: run)
    }

    static func run(_ invocation: Invocation, group: EntityCommands, context: inout Context) throws -> ExitStatus {
        let entity = group.entity
        let recordId = try Selection.uuidOperand(invocation, 0, name: group.idArgument)
        let text = try CommentText.read(invocation.operands[1], context: context)
        let session = try Session(invocation, context: context)
        let write = PlannedWrite(
            request: session.client.request("POST", entity.paths.comments(of: recordId), body: ["text": .string(text)]),
            what: "comment on \(entity.name) \(recordId)", repetition: .unsafe)
        if invocation.flag(DryRun.option) { return try DryRun.print([write], context: context) }
        let head: HTTPResponseHead
        let body: [UInt8]
        do {
            (head, body) = try session.client.send(write.request, what: write.what, repetition: write.repetition)
        } catch let OpikError.server(_, status, _, _) where status == 404 {
            throw OpikError.notFound("\(entity.name) \(recordId) not found; no comment added")
        }
        // The body carries the id (see docs/SERVER.md#comments); older servers give only the Location header.
        let id = (try? JSONParser.parse(bytes: body))?["id"]?.stringValue
            ?? head.header("Location").flatMap { $0.split(separator: "/").last.map(String.init) }
        guard let id else {
            throw OpikError.server(what: write.what, status: head.status, message: "the comment was added, but the response names no id")
        }
        try IdList.write([(id, nil)], format: session.format, single: true, stdout: context.stdout)
        return .success
    }
}
