import OpikCore

/// `opik spans create`, `opik traces create`: one record from flags, or many from a
/// JSON/NDJSON file (`CreateFile`).
enum CreateCommand {
    static let file = OptionSpec("file", value: "FILE", help: "Create the records of a JSON array or NDJSON file (- for standard input).", completion: .file)

    static func spec(_ group: EntityCommands) -> CommandSpec {
        group.leaf(
            "create",
            summary: "Create \(group.entity.plural) from flags or a file",
            discussion: group.discussion("create"),
            options: RecordFlags.options(for: group.entity) + [
                file.help("Create the \(group.entity.plural) of a JSON array or NDJSON file (- for standard input)."),
            ] + BulkOptions.specs,
            run: run)
    }

    static func run(_ invocation: Invocation, group: EntityCommands, context: inout Context) throws -> ExitStatus {
        let entity = group.entity
        if let path = invocation.value(Self.file) {
            let flags = RecordFlags.options(for: entity).filter { invocation.flag($0) }
            if let flag = flags.first {
                throw OpikError.usage("--file cannot be combined with --\(flag.long)", hint: "put the field in each record of the file")
            }
            return try CreateFile.run(invocation, group: group, path: path, context: context)
        }
        let options = try BulkOptions(invocation)
        let flags = try RecordFlags(invocation, entity: entity, context: context)
        let session = try Session(invocation, context: context)
        let millis = UInt64(max(0, (flags.start.timeIntervalSince1970 * 1000).rounded()))
        let id = UUIDv7.make(milliseconds: millis, random: (context.random(), context.random()))
        // A span belongs to a trace: without --trace-id it gets a new one, created first.
        let traceId = group.createsTraces
            ? flags.traceId ?? UUIDv7.make(milliseconds: millis, random: (context.random(), context.random())) : nil
        let record: JSONValue = .object([("id", .string(id))] + (traceId.map { [("trace_id", .string($0))] } ?? []) + [
            ("project_name", .string(session.projectName)), ("start_time", .string(TimeParser.format(flags.start))),
        ] + flags.members + [("last_updated_at", .string(TimeParser.format(context.now())))])
        let newTrace = traceId.flatMap { flags.traceId == nil ? TraceCreation.write(for: record, traceId: $0, client: session.client) : nil }
        var payload = BulkPayload()
        payload.append(line: 1) { JSONWriter.write(record, into: &$0, indent: nil) }
        var single = endpoint(entity)
        single.action = "create \(entity.name)"
        let send = BulkSend(payload: payload, endpoint: single, options: options, pastTense: "created")
        if options.isDryRun {
            try printDryRun(newTrace, send, format: session.format, context: context)
            return .success
        }
        if let newTrace { try TraceCreation.send(newTrace, client: session.client) }
        let result = try send.send(session: session, context: context)
        if let failure = result.outcome.failures.first {
            // --failed receives the record that was not accepted, as for a file.
            if let path = options.failedPath {
                _ = send.saveFailed(payload.ndjson(of: [0]), count: 1, to: path, stderr: context.stderr)
            }
            throw failure.error
        }
        if result.outcome.wasInterrupted { throw OpikError.interrupted(summary: "the \(entity.name) may not have been created") }
        if let traceId, flags.traceId == nil { session.notices.info("new trace \(traceId)") }
        try writeIds([(id, traceId)], entity: entity, format: session.format, single: true, stdout: context.stdout)
        return .success
    }

    /// The new trace's request, then the record's batch: as text, or in json an array of the
    /// two (the trace as `{"method", "path", "body"}`), in ndjson one line each.
    static func printDryRun(_ newTrace: PlannedWrite?, _ send: BulkSend, format: OutputFormat, context: Context) throws {
        guard let newTrace else { return try BulkDryRun.print(send, format: format, stdout: context.stdout) }
        guard format == .json || format == .ndjson else {
            _ = try DryRun.print([newTrace], context: context)
            return try BulkDryRun.print(send, format: format, stdout: context.stdout)
        }
        let trace: JSONValue = [
            "method": .string(newTrace.request.method), "path": .string(Entity.trace.paths.list),
            "body": try JSONParser.parse(bytes: newTrace.request.body ?? []),
        ]
        let both = [trace, try BulkDryRun.summary(send)]
        try context.stdout.write(format == .json ? JSONWriter.pretty(.array(both)) + "\n" : both.map { JSONWriter.compact($0) + "\n" }.joined())
    }

    /// The batch create of `entity`: `POST /v1/private/spans/batch` under `spans`.
    static func endpoint(_ entity: Entity) -> BulkUpload.Endpoint {
        BulkUpload.Endpoint(method: "POST", path: entity.paths.batch, key: entity.plural, action: "create \(entity.plural)", noun: entity.name)
    }

    /// Ids as a plain list, or `{"id"}` objects (`{"id", "trace_id"}` for spans) for json and
    /// ndjson, flushed. The records exist already: output that cannot be written says that
    /// their ids were lost.
    static func writeIds(_ ids: [(String, String?)], entity: Entity, format: OutputFormat, single: Bool, stdout: OutputStream) throws {
        do {
            try IdList.write(ids, format: format, single: single, stdout: stdout)
            try stdout.flush()
        } catch var error as OutputFailed {
            let (one, many) = (entity.name, entity.plural)
            error.lost = ids.count == 1 ? "the id of the created \(one) was not written"
                : "the ids of the \(ids.count) created \(many) were not all written"
            // A file's records have fixed ids, so running again prints them; one from flags does not.
            error.hint = single ? "the \(one) was created; 'opik \(many) list' shows the newest \(many) and their ids"
                : "the \(many) were created; run the same command again with working output to print their ids (nothing is duplicated)"
            throw error
        }
    }
}
