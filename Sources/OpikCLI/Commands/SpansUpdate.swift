import OpikCore

/// `opik spans update ID...`: changes fields of existing spans.
enum SpansUpdate {
    static let spec: CommandSpec = CommandSpec(
        "update",
        summary: "Change fields of spans",
        discussion: """
            Changes the given fields and leaves the others as they are; --input, --output and \
            --metadata replace those values as a whole. --tags replaces the tags, --add-tag and \
            --remove-tag edit them.

            The server demands the span's trace, parent span and project on every update and \
            refuses the update (409) when they differ from what it stored. opik looks each span \
            up to learn them (GET /spans/ID). With one id, --trace-id and --parent-span-id \
            (none for a root span) skip the lookup and the project is taken from -p; the server \
            then also accepts an id it does not know yet and keeps the fields for a span created \
            later with that id. Otherwise identity flags that are given must match the stored \
            span, or nothing is sent.

            Several ids go out as one batch request per 1000 ids. The batch endpoint checks \
            neither trace nor project and skips ids it does not know, so opik first looks up \
            every id: unknown ids are reported on stderr and left out (exit status \(ExitStatus.notFound.code)), and only \
            spans that exist are changed. --add-tag and --remove-tag go through the batch \
            request even for one id, because the single-span update of released servers ignores \
            them; so the span is then always looked up. Updating the same fields again gives the \
            same result, so failed requests are retried. Standard input may hold at most \
            1000000 ids.
            """,
        arguments: [ArgumentSpec("ID", help: "Span id (UUID); - reads ids from standard input.", variadic: true)],
        options: SpanChanges.options + SpanIdentity.options + [DryRun.option],
        examples: [
            Example("opik spans update ID --name rerank --add-tag reviewed", "Rename a span and tag it."),
            Example("opik spans update ID --output @answer.json --usage prompt_tokens=812,completion_tokens=64",
                    "Replace the output and the token usage."),
            Example("opik spans list -p my-app -f 'name = \"retrieve\"' --fields id --all | opik spans update - --remove-tag draft",
                    "Remove a tag from every matching span, in batches."),
            Example("opik spans update ID --environment staging --dry-run", "Show the request without sending it."),
        ],
        run: { invocation, context in try run(invocation, context: &context) })

    static func run(_ invocation: Invocation, context: inout Context) throws -> ExitStatus {
        let operands = invocation.operands
        if operands.contains("-"), ["input", "output", "metadata"].contains(where: { invocation.value($0) == "-" }) {
            throw OpikError.usage("ids and a field value cannot both come from standard input",
                                  hint: "give the value as @FILE")
        }
        var seen = Set<String>()
        let ids = try IdList.read(operands, context: context, what: "span id").filter { seen.insert($0.lowercased()).inserted }
        let changes = try SpanChanges(invocation, context: context)
        guard !changes.isEmpty else {
            throw OpikError.usage("nothing to change", hint: "give at least one field, e.g. --name, --add-tag, --output; see 'opik spans update --help'")
        }
        let given = try GivenIdentity(invocation)
        let session = try Session(invocation, context: context)

        var found: [(id: String, identity: SpanIdentity)] = []
        var missing: [String] = []
        if ids.count == 1, !changes.editsTags, given.isComplete, let trace = given.traceId, let parent = given.parentSpanId {
            found = [(ids[0], SpanIdentity(traceId: trace, parentSpanId: parent, projectName: session.projectName))]
        } else {
            for id in ids {
                guard let span = try RecordLookup.find(id, entity: .span, client: session.client) else {
                    missing.append(id)
                    continue
                }
                guard let identity = SpanIdentity(span: span) else {
                    throw OpikError.server(what: "update span \(id)", status: 200, message: "the server returned the span without a trace_id")
                }
                try given.check(identity, spanId: id)
                found.append((id, identity))
            }
        }
        for id in missing { try? context.stderr.write("opik: error: span \(id) not found; not updated\n") }
        try? context.stderr.flush()

        let writes = plan(found, changes: changes, client: session.client)
        if invocation.flag("dry-run") {
            _ = try DryRun.print(writes, context: context)
        } else {
            for write in writes {
                do {
                    try write.send(session.client)
                } catch let error as OpikError {
                    throw conflictHint(error)
                }
            }
            if !found.isEmpty, context.isStderrTerminal {
                session.notices.info(found.count == 1 ? "updated span \(found[0].id)" : "updated \(Plural.count(found.count, "span"))")
            }
        }
        return missing.isEmpty ? .success : .notFound
    }

    /// One PATCH for a single span; batch PATCHes of up to 1000 ids for several, and for tag
    /// edits of even one span (see docs/SERVER.md: only the batch update applies `tags_to_add`
    /// and `tags_to_remove` on released servers; the single one answers 204 and drops them).
    static func plan(_ found: [(id: String, identity: SpanIdentity)], changes: SpanChanges, client: OpikClient) -> [PlannedWrite] {
        if found.count == 1, !changes.editsTags {
            let (id, identity) = found[0]
            let body = JSONValue.object(identity.members + changes.members)
            return [PlannedWrite(request: client.request("PATCH", Entity.span.paths.item(id), body: body),
                                 what: "update span \(id)", repetition: .safe)]
        }
        var writes: [PlannedWrite] = []
        var start = 0
        while start < found.count {
            let chunk = found[start..<min(found.count, start + Entity.span.maxBatch)]
            // The batch endpoint requires a trace_id but neither applies nor checks it (see docs/SERVER.md).
            let update = JSONValue.object([("trace_id", .string(chunk.first!.identity.traceId))] + changes.members)
            let body: JSONValue = ["ids": .array(chunk.map { .string($0.id) }), "update": update]
            writes.append(PlannedWrite(request: client.request("PATCH", Entity.span.paths.batch, body: body),
                                       what: "update \(Plural.count(chunk.count, "span"))", repetition: .safe))
            start += Entity.span.maxBatch
        }
        return writes
    }

    static func conflictHint(_ error: OpikError) -> OpikError {
        guard case let .server(_, status, _, _) = error, status == 409 else { return error }
        return .hinted(error, hint: "the span's stored trace, parent or project differ from what was sent; leave out --trace-id, --parent-span-id and -p to look them up")
    }
}
