import OpikCore

/// `opik spans|traces comment list ID`: the comments a record carries.
enum CommentList {
    static func spec(_ group: EntityCommands) -> CommandSpec {
        let entity = group.entity
        return group.leaf(
            "comment list",
            summary: "List the comments of a \(entity.name)",
            discussion: """
                Prints the \(entity.name)'s comments, oldest first: id, author, creation time and text \
                (--fields chooses others, e.g. last_updated_at). --format json prints an array of \
                the comment objects as the server sends them. An unknown \(entity.name) id ends with exit \
                status \(ExitStatus.notFound.code).
                """,
            arguments: [ArgumentSpec(group.idArgument, help: "The \(entity.name) whose comments to show.")],
            run: run)
    }

    /// Columns without --fields: ID, author, created, text.
    static let defaultFields = FieldSelection(paths: ["id", "created_by", "created_at", "text"])

    static func run(_ invocation: Invocation, group: EntityCommands, context: inout Context) throws -> ExitStatus {
        let entity = group.entity
        let recordId = try Selection.uuidOperand(invocation, 0, name: group.idArgument)
        let session = try Session(invocation, context: context, fieldsOf: .comment)
        guard let record = try RecordLookup.find(recordId, entity: entity, client: session.client) else {
            throw OpikError.notFound("\(entity.name) \(recordId) not found")
        }
        let comments = record["comments"]?.arrayValue ?? []
        if session.format == .table, context.isStdoutTerminal, session.fields == nil {
            try CommentTable.write(comments, to: context.stdout, useColor: session.useColor,
                                   width: context.terminalWidth, now: context.now())
            return .success
        }
        let writer = makeWriter(session: session, entity: entity, context: context)
        try writer.begin()
        for comment in comments { try writer.write(comment) }
        try writer.end(footer: nil)
        return .success
    }

    /// The writer for comments: the comment columns in tables and CSV, whole objects in JSON.
    static func makeWriter(session: Session, entity: Entity, context: Context) -> RecordWriter {
        let isJSON = session.format == .json || session.format == .ndjson
        return Renderer.makeWriter(
            format: session.format, fields: session.fields ?? (isJSON ? nil : defaultFields), stdout: context.stdout,
            isTerminal: context.isStdoutTerminal, useColor: session.useColor, width: context.terminalWidth, now: context.now(),
            entity: entity)
    }
}
