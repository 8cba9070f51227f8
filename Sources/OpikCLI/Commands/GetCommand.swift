import OpikCore

/// `opik spans get ID...`, `opik traces get ID...`: each record in full; unknown ids are
/// reported and the rest printed. A trace can bring its spans (`--spans`, and the span tree
/// of the terminal view: `TraceSpans`).
enum GetCommand {
    static func spec(_ group: EntityCommands) -> CommandSpec {
        let (one, many) = (group.entity.name, group.entity.plural)
        let hasSpans = group.ownsSpans
        let view = hasSpans
            ? """
                On a terminal the table format shows a header (name, project, thread, times, span \
                counts, tokens, cost, scores), input and output previews, then the span tree: each \
                span under its parent, siblings by start time, with its offset from the trace start, \
                duration, a timeline bar when the terminal is wide enough, type, model, tokens, cost, \
                error marker and scores. Spans whose parent is missing are shown under the missing \
                id, with a warning on stderr; so is a span count that differs from the trace's.
                """
            : """
                On a terminal the table format shows a detail view: fields, then input, output and \
                metadata as indented JSON, then scores and comments.
                """
        return group.leaf(
            "get",
            summary: "Show \(many) by id",
            discussion: view + " " + """
                In a pipe it prints one tab-separated row per \(one). With --format json one id \
                prints an object and several ids an array. Unknown ids are reported on stderr, the \
                others are still printed, and the exit status is \(ExitStatus.notFound.code). An answer that is not the \
                \(one) asked for is an error (status \(ExitStatus.failure.code)). Standard input may hold at most 1000000 ids.
                """ + (hasSpans ? """


                With --spans, json and ndjson print {"trace": {...}, "spans": [...]} for each \
                trace, with every span of the trace once, in tree order, exactly as the server \
                sent it. When a trace id is unknown but spans of the project carry it (spans \
                written without their trace, which no trace view shows), a hint says how many.
                """ : ""),
            arguments: [ArgumentSpec("ID", help: "\(group.entity.title) id (UUID); - reads ids from standard input.", variadic: true)],
            options: hasSpans ? [TraceSpans.option] : [],
            run: run)
    }

    static func run(_ invocation: Invocation, group: EntityCommands, context: inout Context) throws -> ExitStatus {
        let entity = group.entity
        let ids = try IdList.read(invocation.operands, context: context, what: "\(entity.name) id")
        let withSpans = group.ownsSpans && invocation.flag(TraceSpans.option)
        let session = try Session(invocation, context: context, fieldsOf: withSpans ? nil : entity.fields)
        if withSpans, session.format != .json, session.format != .ndjson {
            throw OpikError.usage("--spans needs --format json or ndjson", hint: "on a terminal the table format shows the span tree")
        }
        if withSpans, session.fields != nil {
            throw OpikError.usage("--spans cannot be combined with --fields", hint: "filter the output with jq instead")
        }
        let single = ids.count == 1 && session.format == .json
        let detail = session.format == .table && context.isStdoutTerminal && session.fields == nil
        let writer = Renderer.makeWriter(
            format: session.format, fields: session.fields, stdout: context.stdout,
            isTerminal: context.isStdoutTerminal, useColor: session.useColor,
            width: context.terminalWidth, now: context.now(), entity: entity)
        if !single && !detail { try writer.begin() }
        var missing = 0
        var projectNames: [String: String?] = [:]
        for (index, id) in ids.enumerated() {
            guard var record = try RecordLookup.find(id, entity: entity, client: session.client) else {
                missing += 1
                let hint = group.ownsSpans ? try TraceSpans.neverCreatedHint(id, projectName: session.projectName, client: session.client) : nil
                session.notices.error(OpikError.notFound("\(entity.name) \(id) not found", hint: hint))
                continue
            }
            if withSpans {
                let spans = try TraceSpans.fetch(of: record, client: session.client, forTree: false)
                record = ["trace": record, "spans": .array(TraceSpans.treeOrder(spans, of: record))]
            }
            if single {
                try context.stdout.write(JSONWriter.pretty(session.fields?.project(record) ?? record) + "\n")
            } else if detail {
                if index > 0 { try context.stdout.write("\n") }
                if group.ownsSpans {
                    try TraceSpans.writeTree(of: record, session: session, context: context, projectNames: &projectNames)
                } else {
                    try Renderer.writeDetail(record, to: context.stdout, useColor: session.useColor,
                                             width: context.terminalWidth, now: context.now())
                }
            } else {
                try writer.write(record)
            }
            try context.stdout.flush()
        }
        if !single && !detail { try writer.end(footer: nil) }
        try context.stderr.flush()
        return missing > 0 ? .notFound : .success
    }
}
