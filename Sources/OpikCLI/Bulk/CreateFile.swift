import OpikCore

/// `opik spans create --file`, `opik traces create --file`: many records from a JSON array or
/// NDJSON. For spans, the traces of the trace ids derived for records without one are
/// created first (`TraceCreation`).
enum CreateFile {
    static func run(_ invocation: Invocation, group: EntityCommands, path: String, context: Context) throws -> ExitStatus {
        let entity = group.entity
        let options = try BulkOptions(invocation)
        let session = try Session(invocation, context: context)
        let input = try BulkInput(path: path, context: context)
        let prepared: RecordPreparation
        do {
            prepared = try RecordPreparation(
                input: input.bytes, entity: entity, derivesTraceIds: group.createsTraces, projectName: session.projectName,
                lastUpdatedAt: TimeParser.format(context.now()))
        } catch {
            throw BulkInput.reject([error], file: input.name, noun: entity.name, stderr: context.stderr)
        }
        if !prepared.issues.isEmpty {
            throw BulkInput.reject(prepared.issues, file: input.name, noun: entity.name, stderr: context.stderr)
        }
        guard prepared.payload.count > 0 else { throw OpikError.invalidInput("\(input.name): no \(entity.plural) in the file") }
        let send = BulkSend(payload: prepared.payload, endpoint: CreateCommand.endpoint(entity), options: options, pastTense: "created")
        let work = ParallelWork(session: session, context: context, parallel: options.parallel)
        var traces: (send: BulkSend, ids: [String])?
        if !prepared.derivedTraces.isEmpty {
            let new = try TraceCreation.traces(for: prepared, check: options.isDryRun ? nil : work)
            traces = (BulkSend(payload: new.payload, endpoint: CreateCommand.endpoint(.trace), options: options, pastTense: "created"), new.ids)
        }
        if options.isDryRun {
            try BulkDryRun.print([traces?.send, send].compactMap { $0 }, format: session.format, stdout: context.stdout)
            return .success
        }
        let tracesCreated = try traces.map { traces in
            try createTraces(traces.send, ids: traces.ids, spans: prepared, spanSend: send, session: session, context: context)
        }
        var result = try send.send(session: session, context: context)
        result.alsoCreated = tracesCreated.map { Plural.count($0, "trace") }
        let accepted = result.accepted.indices.filter { result.accepted[$0] }
        // The records exist whether or not their ids can be printed: the records that were not
        // accepted are still saved and reported, and then a failed output is the error.
        var lostOutput: Error?
        do {
            try CreateCommand.writeIds(accepted.map { (prepared.ids[$0], group.createsTraces ? prepared.traceIds[$0] : nil) },
                                       entity: entity, format: session.format, single: false, stdout: context.stdout)
        } catch is OutputClosed {
            lostOutput = OutputClosed()
        } catch let error as OutputFailed {
            lostOutput = error
        }
        do {
            try send.conclude(result, session: session, failedContent: { prepared.payload.ndjson(of: $0) },
                              rerun: { "opik \(entity.plural) create --file \($0)" })
        } catch where lostOutput is OutputFailed {
            try? context.stderr.write(Report.describe(error).0.joined(separator: "\n") + "\n")
        }
        if let lostOutput { throw lostOutput }
        return .success
    }

    /// Creates the new traces of the spans, before any span, and returns how many. When any
    /// is not accepted no span is sent (it would point at a missing trace); running the same
    /// command again creates the missing traces and sends the spans, overwriting nothing.
    /// --failed then receives every span, ready to send again (`TraceCreation.failedSpans`).
    static func createTraces(_ traces: BulkSend, ids: [String], spans: RecordPreparation, spanSend: BulkSend, session: Session,
                             context: Context) throws -> Int {
        guard traces.payload.count > 0 else { return 0 }
        let result = try traces.send(session: session, context: context)
        let failed = result.failedIndexes.count
        if result.outcome.wasInterrupted {
            throw OpikError.interrupted(summary: "\(result.acceptedCount) of \(Plural.count(traces.payload.count, "new trace")) \(Plural.was(result.acceptedCount)) created and no span was sent; "
                + "to send the rest, run the same command again (nothing already created is duplicated)")
        }
        guard failed > 0 else { return result.acceptedCount }
        if let fatal = result.outcome.fatal, result.acceptedCount == 0 { throw fatal }
        if let path = traces.options.failedPath {
            let failedTraces = Set(result.failedIndexes.map { ids[$0] })
            _ = spanSend.saveFailed(TraceCreation.failedSpans(spans, failed: failedTraces), count: spans.ids.count, to: path,
                                    stderr: session.notices.stderr)
        }
        throw OpikError.partial("\(failed) of \(Plural.count(traces.payload.count, "new trace")) \(Plural.was(failed)) not accepted, so no span was sent",
                                hint: "run the same command again: what was already created is neither duplicated nor overwritten")
    }
}
