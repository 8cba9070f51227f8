import OpikCore

/// `opik spans get ID...`: each span in full; unknown ids are reported and the rest printed.
enum SpansGet {
    static let spec: CommandSpec = CommandSpec(
        "get",
        summary: "Show spans by id",
        discussion: """
            Prints each span. On a terminal the table format shows a detail view: fields, then \
            input, output and metadata as indented JSON, then scores and comments. In a pipe it \
            prints one tab-separated row per span. With --format json one id prints an object and \
            several ids an array. Unknown ids are reported on stderr, the others are still \
            printed, and the exit status is \(ExitStatus.notFound.code). An answer that is not the span asked for is an \
            error (status \(ExitStatus.failure.code)). Standard input may hold at most 1000000 ids.
            """,
        arguments: [ArgumentSpec("ID", help: "Span id (UUID); - reads ids from standard input.", variadic: true)],
        examples: [
            Example("opik spans get 0190b5d2-7c1e-7a3b-8f00-5b9a1c2d3e4f", "One span in detail."),
            Example("opik spans get ID --format json | jq .output", "The output of a span."),
            Example("opik spans list -p my-app --fields id -n 5 | opik spans get - --format ndjson", "Five spans in full."),
        ],
        run: { invocation, context in try run(invocation, context: &context) })

    static func run(_ invocation: Invocation, context: inout Context) throws -> ExitStatus {
        let ids = try IdList.read(invocation.operands, context: context, what: "span id")
        let session = try Session(invocation, context: context, fieldsOf: Entity.span.fields)
        let single = ids.count == 1 && session.format == .json
        let detail = session.format == .table && context.isStdoutTerminal && session.fields == nil
        let writer = Renderer.makeWriter(
            format: session.format, fields: session.fields, stdout: context.stdout,
            isTerminal: context.isStdoutTerminal, useColor: session.useColor,
            width: context.terminalWidth, now: context.now())
        if !single && !detail { try writer.begin() }
        var missing = 0
        for (index, id) in ids.enumerated() {
            let span: JSONValue
            do {
                span = try fetch(id, client: session.client)
            } catch let OpikError.server(_, status, _, _) where status == 404 {
                missing += 1
                try? context.stderr.write("opik: error: span \(id) not found\n")
                continue
            }
            if single {
                try context.stdout.write(JSONWriter.pretty(session.fields?.project(span) ?? span) + "\n")
            } else if detail {
                if index > 0 { try context.stdout.write("\n") }
                try Renderer.writeDetail(span, to: context.stdout, useColor: session.useColor,
                                         width: context.terminalWidth, now: context.now())
            } else {
                try writer.write(span)
            }
            try context.stdout.flush()
        }
        if !single && !detail { try writer.end(footer: nil) }
        try context.stderr.flush()
        return missing > 0 ? .notFound : .success
    }

    /// The span, checked to be one: any other 2xx answer (`{}`, a number, another span) is an
    /// error naming what came, never a success.
    static func fetch(_ id: String, client: OpikClient) throws -> JSONValue {
        let what = "get span \(id)"
        let request = client.request("GET", Entity.span.paths.item(id), query: [("strip_attachments", "true")])
        let span = try client.json(request, what: what, repetition: .safe)
        guard let span, span.objectMembers != nil, span["id"]?.stringValue?.lowercased() == id.lowercased() else {
            throw client.unexpected(what, expected: "span \(id)", received: span)
        }
        return span
    }
}
