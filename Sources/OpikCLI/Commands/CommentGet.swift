import OpikCore

/// `opik spans|traces comment get ID COMMENT_ID`: one comment.
enum CommentGet {
    static func spec(_ group: EntityCommands) -> CommandSpec {
        let entity = group.entity
        return group.leaf(
            "comment get",
            summary: "Show one comment",
            discussion: """
                Prints the comment: on a terminal its fields and then the full text, in a pipe one \
                tab-separated row (id, author, created, text), with --format json the object. The \
                server finds a comment only with its \(entity.name) id. An unknown \(entity.name) or comment ends with \
                exit status \(ExitStatus.notFound.code).
                """,
            arguments: [
                ArgumentSpec(group.idArgument, help: "The \(entity.name) the comment is on."),
                ArgumentSpec("COMMENT_ID", help: "The comment."),
            ],
            run: run)
    }

    static func run(_ invocation: Invocation, group: EntityCommands, context: inout Context) throws -> ExitStatus {
        let entity = group.entity
        let recordId = try Selection.uuidOperand(invocation, 0, name: group.idArgument)
        let commentId = try Selection.uuidOperand(invocation, 1, name: "COMMENT_ID")
        let session = try Session(invocation, context: context, fieldsOf: .comment)
        let request = session.client.request("GET", entity.paths.comment(commentId, of: recordId))
        let comment: JSONValue?
        do {
            comment = try session.client.json(request, what: "get comment \(commentId)", repetition: .safe)
        } catch let OpikError.server(_, status, _, _) where status == 404 {
            throw OpikError.notFound("comment \(commentId) not found on \(entity.name) \(recordId)")
        }
        guard let comment, comment["id"]?.stringValue?.lowercased() == commentId.lowercased() else {
            throw session.client.unexpected("get comment \(commentId)", expected: "comment \(commentId)", received: comment)
        }
        switch session.format {
        case .json:
            try context.stdout.write(JSONWriter.pretty(session.fields?.project(comment) ?? comment) + "\n")
        case .table where context.isStdoutTerminal && session.fields == nil:
            try context.stdout.write(detail(comment))
        default:
            let writer = CommentList.makeWriter(session: session, entity: entity, context: context)
            try writer.begin()
            try writer.write(comment)
            try writer.end(footer: nil)
        }
        return .success
    }

    /// Fields one per line, then the text in full.
    static func detail(_ comment: JSONValue) -> String {
        var text = ""
        for (label, key) in [("id", "id"), ("author", "created_by"), ("created", "created_at"), ("updated", "last_updated_at")] {
            if let value = comment[key]?.stringValue { text += label.padding(8) + TerminalStyle.clean(value) + "\n" }
        }
        // Server text must not drive the terminal; its line breaks are kept.
        return text + "\n" + TerminalStyle.clean(comment["text"]?.stringValue ?? "", keepingNewlines: true) + "\n"
    }
}

extension String {
    /// The string followed by spaces up to `width` characters.
    fileprivate func padding(_ width: Int) -> String {
        count >= width ? self + " " : self + String(repeating: " ", count: width - count)
    }
}
