import OpikCore

/// `opik spans comment get SPAN_ID COMMENT_ID`: one comment.
enum CommentGet {
    static let spec: CommandSpec = CommandSpec(
        "get",
        summary: "Show one comment",
        discussion: """
            Prints the comment: on a terminal its fields and then the full text, in a pipe one \
            tab-separated row (id, author, created, text), with --format json the object. The \
            server finds a comment only with its span id. An unknown span or comment ends with \
            exit status \(ExitStatus.notFound.code).
            """,
        arguments: [
            ArgumentSpec("SPAN_ID", help: "The span the comment is on."),
            ArgumentSpec("COMMENT_ID", help: "The comment."),
        ],
        examples: [
            Example("opik spans comment get SPAN_ID COMMENT_ID", "Show a comment."),
            Example("opik spans comment get SPAN_ID COMMENT_ID --format json | jq -r .text", "Just its text."),
        ],
        run: { invocation, context in try run(invocation, context: &context) })

    static func run(_ invocation: Invocation, context: inout Context) throws -> ExitStatus {
        let spanId = invocation.operands[0]
        let commentId = invocation.operands[1]
        try SpanSelection.checkUUID(spanId, option: "SPAN_ID")
        try SpanSelection.checkUUID(commentId, option: "COMMENT_ID")
        let session = try Session(invocation, context: context, fieldsOf: .comment)
        let request = session.client.request("GET", Entity.span.paths.comment(commentId, of: spanId))
        let comment: JSONValue?
        do {
            comment = try session.client.json(request, what: "get comment \(commentId)", repetition: .safe)
        } catch let OpikError.server(_, status, _, _) where status == 404 {
            throw OpikError.notFound("comment \(commentId) not found on span \(spanId)")
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
            let writer = CommentList.makeWriter(session: session, context: context)
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
