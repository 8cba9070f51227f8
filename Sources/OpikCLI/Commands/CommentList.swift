import OpikCore

/// `opik spans comment list SPAN_ID`: the comments a span carries.
enum CommentList {
    static let spec: CommandSpec = CommandSpec(
        "list",
        summary: "List the comments of a span",
        discussion: """
            Prints the span's comments, oldest first: id, author, creation time and text \
            (--fields chooses others, e.g. last_updated_at). --format json prints an array of \
            the comment objects as the server sends them. An unknown span id ends with exit \
            status \(ExitStatus.notFound.code).
            """,
        arguments: [ArgumentSpec("SPAN_ID", help: "The span whose comments to show.")],
        examples: [
            Example("opik spans comment list ID", "Comments of a span."),
            Example("opik spans comment list ID --format json | jq -r '.[].text'", "Just the texts."),
        ],
        run: { invocation, context in try run(invocation, context: &context) })

    /// Columns without --fields: ID, author, created, text.
    static let defaultFields = FieldSelection(paths: ["id", "created_by", "created_at", "text"])

    static func run(_ invocation: Invocation, context: inout Context) throws -> ExitStatus {
        let spanId = invocation.operands[0]
        try SpanSelection.checkUUID(spanId, option: "SPAN_ID")
        let session = try Session(invocation, context: context, fieldsOf: .comment)
        guard let span = try SpanLookup.find(spanId, client: session.client) else {
            throw OpikError.notFound("span \(spanId) not found")
        }
        let comments = span["comments"]?.arrayValue ?? []
        if session.format == .table, context.isStdoutTerminal, session.fields == nil {
            try CommentTable.write(comments, to: context.stdout, useColor: session.useColor,
                                   width: context.terminalWidth, now: context.now())
            return .success
        }
        let writer = makeWriter(session: session, context: context)
        try writer.begin()
        for comment in comments { try writer.write(comment) }
        try writer.end(footer: nil)
        return .success
    }

    /// The writer for comments: the comment columns in tables and CSV, whole objects in JSON.
    static func makeWriter(session: Session, context: Context) -> RecordWriter {
        let isJSON = session.format == .json || session.format == .ndjson
        return Renderer.makeWriter(
            format: session.format, fields: session.fields ?? (isJSON ? nil : defaultFields), stdout: context.stdout,
            isTerminal: context.isStdoutTerminal, useColor: session.useColor, width: context.terminalWidth, now: context.now())
    }
}
