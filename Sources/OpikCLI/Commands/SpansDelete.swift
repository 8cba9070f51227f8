import OpikCore

/// `opik spans delete ID...` and `opik spans delete --trace TRACE_ID...`.
enum SpansDelete {
    static let trace = OptionSpec("trace", help: "The ids are trace ids: delete those traces with all their spans (as 'opik traces delete').")

    static let spec: CommandSpec = CommandSpec(
        "delete",
        summary: "Delete spans (by deleting their traces)",
        discussion: """
            Opik servers cannot delete single spans: they answer DELETE /spans/ID with 501. \
            opik still asks (a future server may allow it), then says so and names the \
            span's trace.

            With --trace the operands are trace ids, and each trace is deleted with all its \
            spans, as 'opik traces delete' does. \(TraceDeletion.discussion)
            """,
        arguments: [ArgumentSpec("ID", help: "Span id, or with --trace a trace id; - reads ids from standard input.", variadic: true)],
        options: [trace] + TraceDeletion.options,
        examples: [
            Example("opik spans delete --trace 0190b5d2-7c1e-7a3b-8f00-5b9a1c2d3e4f", "Delete a trace and its spans, after confirming."),
            Example("opik spans list -p my-app --since 7d --fields trace_id --all | sort -u | opik spans delete --trace - --yes -p my-app",
                    "Delete every trace of the last week in my-app without asking."),
            Example("opik spans delete --trace TRACE_ID --dry-run", "Count the spans that would go and show the request."),
        ],
        run: { invocation, context in try run(invocation, context: &context) })

    static func run(_ invocation: Invocation, context: inout Context) throws -> ExitStatus {
        if invocation.flag(Self.trace) { return try TraceDeletion.run(invocation, context: &context) }
        if invocation.flag(TraceDeletion.yes) || invocation.value(ProjectLookup.idOption) != nil {
            throw OpikError.usage("--yes and --project-id apply only with --trace", hint: "opik spans delete --trace TRACE_ID...")
        }
        let ids = try IdList.read(invocation.operands, context: context, what: "span id")
        let session = try Session(invocation, context: context)
        let writes = ids.map { id in
            PlannedWrite(request: session.client.request("DELETE", Entity.span.paths.item(id)),
                         what: "delete span \(id)", repetition: .safe)
        }
        _ = try DryRun.printOrSend(writes, invocation, client: session.client, context: context) { _, what, status in
            guard status == 501 else { return nil }
            return OpikError.server(what: what, status: 501, message: "Opik servers cannot delete single spans",
                                    hint: traceHint(ids, client: session.client))
        }
        return .success
    }

    /// Points at `--trace`, naming the spans' own traces when they can be found.
    static func traceHint(_ ids: [String], client: OpikClient) -> String {
        var traces: [String] = []
        for id in ids.prefix(20) {
            guard let span = try? RecordLookup.find(id, entity: .span, client: client), let trace = span["trace_id"]?.stringValue else { continue }
            if !traces.contains(trace) { traces.append(trace) }
        }
        if traces.isEmpty {
            return "delete the whole trace with all its spans: opik spans delete --trace TRACE_ID"
        }
        let what = traces.count == 1 ? "the span's trace with all its spans" : "the spans' traces with all their spans"
        return "delete \(what): opik spans delete --trace \(traces.joined(separator: " "))"
    }
}
