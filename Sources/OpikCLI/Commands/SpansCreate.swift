import OpikCore

/// `opik spans create`: one span from flags, or many from a JSON/NDJSON file.
enum SpansCreate {
    static let spec: CommandSpec = CommandSpec(
        "create",
        summary: "Create spans from flags or a file",
        discussion: """
            With flags, creates one span and prints its id. Its id is a UUIDv7 made from the \
            start time; without --trace-id a new trace id is made too and reported on stderr. \
            The span goes through the batch endpoint with a fixed id and last_updated_at, so \
            a request retried after a lost answer cannot create it twice.

            With --file, reads a JSON array or NDJSON of span objects in the API's field names \
            (FILE - reads standard input). Every record is checked before the first request: \
            JSON syntax, UUIDs (id must be version 7), start_time present and RFC 3339, type, \
            source, cost and ttft at least 0, usage whole numbers, tags strings, environment \
            of at most 150 characters, no id given twice (the server would keep one). An \
            error names the file, line and field (for a syntax error, the line its record \
            starts on); the exit status is then \(ExitStatus.usage.code) and nothing is sent. A record without id \
            gets a UUIDv7 derived from its start time, content and project, the same on \
            every run, and likewise a trace_id; \
            project_name defaults to --project, and last_updated_at to the time of the run. \
            Running the same command again after an interruption or a failure therefore never \
            duplicates a span. A record may hold at most 20 MiB, on standard input too, \
            which may hold at most 1 GiB in all (larger inputs: pass a file). Spans go out in batches of at most 1000 spans and 16 MiB, \
            --parallel batches at a time. stdout gets the id of every accepted span in input \
            order (json and ndjson: {"id", "trace_id"} objects); on a terminal stderr shows \
            progress, and at the end a one-line summary unless -q. If some batches fail for \
            good the exit status is \(ExitStatus.partialFailure.code), and --failed FILE receives exactly the records that \
            were not accepted, as NDJSON with their ids, ready to send again.
            """,
        options: SpanFlags.options + [
            OptionSpec("file", value: "FILE", help: "Create the spans of a JSON array or NDJSON file (- for standard input).", completion: .file),
        ] + BulkOptions.specs,
        examples: [
            Example("opik spans create -p my-app --name retrieve --type tool --input '{\"query\": \"refund policy\"}'",
                    "One span in a new trace; prints its id."),
            Example("opik spans create --name answer --type llm --trace-id $TRACE --parent-span-id $PARENT --model gpt-4o --usage prompt_tokens=812,completion_tokens=64 --cost 0.0042 --start-time 2026-07-01T10:00:00Z --end-time 2026-07-01T10:00:01.5Z",
                    "An LLM call inside an existing trace."),
            Example("opik spans create -p my-app --file spans.ndjson --failed failed.ndjson", "Bulk upload; rejected records go to failed.ndjson."),
            Example("opik spans create --file spans.json --dry-run", "Check a file and show the batches without sending."),
        ],
        run: { invocation, context in try run(invocation, context: &context) })

    static func run(_ invocation: Invocation, context: inout Context) throws -> ExitStatus {
        if let path = invocation.value("file") {
            let flags = SpanFlags.options.map(\.long).filter { invocation.flag($0) }
            if let flag = flags.first {
                throw OpikError.usage("--file cannot be combined with --\(flag)", hint: "put the field in each record of the file")
            }
            return try SpansCreateFile.run(invocation, path: path, context: context)
        }
        let options = try BulkOptions(invocation)
        let flags = try SpanFlags(invocation, context: context)
        let session = try Session(invocation, context: context)
        let millis = UInt64(max(0, (flags.start.timeIntervalSince1970 * 1000).rounded()))
        let id = UUIDv7.make(milliseconds: millis, random: (context.random(), context.random()))
        let traceId = flags.traceId ?? UUIDv7.make(milliseconds: millis, random: (context.random(), context.random()))
        let span: JSONValue = .object([
            ("id", .string(id)), ("trace_id", .string(traceId)), ("project_name", .string(session.projectName)),
            ("start_time", .string(TimeParser.format(flags.start))),
        ] + flags.members + [("last_updated_at", .string(TimeParser.format(context.now())))])
        var payload = BulkPayload()
        payload.append(line: 1) { JSONWriter.write(span, into: &$0, indent: nil) }
        var single = endpoint
        single.action = "create span"
        let send = BulkSend(payload: payload, endpoint: single, options: options, pastTense: "created")
        if options.isDryRun {
            try BulkDryRun.print(send, format: session.format, stdout: context.stdout)
            return .success
        }
        let result = try send.send(session: session, context: context)
        if let failure = result.outcome.failures.first {
            // --failed receives the record that was not accepted, as for a file.
            if let path = options.failedPath {
                _ = send.saveFailed(payload.ndjson(of: [0]), count: 1, to: path, stderr: context.stderr)
            }
            throw failure.error
        }
        if result.outcome.wasInterrupted { throw OpikError.interrupted(summary: "the span may not have been created") }
        if flags.traceId == nil { session.notices.info("new trace \(traceId)") }
        try writeIds([(id, traceId)], format: session.format, single: true, stdout: context.stdout)
        return .success
    }

    static let endpoint = BulkUpload.Endpoint(
        method: "POST", path: Entity.span.paths.batch, key: "spans", action: "create spans", noun: "span")

    /// Ids as a plain list, or `{"id", "trace_id"}` objects for json and ndjson, flushed. The
    /// spans exist already: output that cannot be written says that their ids were lost.
    static func writeIds(_ ids: [(String, String)], format: OutputFormat, single: Bool, stdout: OutputStream) throws {
        do {
            try writeIdList(ids, format: format, single: single, stdout: stdout)
            try stdout.flush()
        } catch var error as OutputFailed {
            error.lost = ids.count == 1 ? "the id of the created span was not written"
                : "the ids of the \(ids.count) created spans were not all written"
            // A file's spans have fixed ids, so running again prints them; one from flags does not.
            error.hint = single ? "the span was created; 'opik spans list' shows the newest spans and their ids"
                : "the spans were created; run the same command again with working output to print their ids (nothing is duplicated)"
            throw error
        }
    }

    static func writeIdList(_ ids: [(String, String)], format: OutputFormat, single: Bool, stdout: OutputStream) throws {
        let object = { (pair: (String, String)) -> JSONValue in ["id": .string(pair.0), "trace_id": .string(pair.1)] }
        switch format {
        case .json where single:
            try stdout.write(JSONWriter.pretty(object(ids[0])) + "\n")
        case .json:
            try stdout.write("[")
            for (index, pair) in ids.enumerated() {
                try stdout.write((index == 0 ? "\n  " : ",\n  ") + JSONWriter.compact(object(pair)))
            }
            try stdout.write(ids.isEmpty ? "]\n" : "\n]\n")
        case .ndjson:
            for pair in ids { try stdout.write(JSONWriter.compact(object(pair)) + "\n") }
        default:
            for pair in ids { try stdout.write(pair.0 + "\n") }
        }
    }
}
