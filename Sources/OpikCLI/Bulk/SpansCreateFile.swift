import OpikCore

/// `opik spans create --file`: many spans from a JSON array or NDJSON.
enum SpansCreateFile {
    static func run(_ invocation: Invocation, path: String, context: Context) throws -> ExitStatus {
        let options = try BulkOptions(invocation)
        let session = try Session(invocation, context: context)
        let input = try BulkInput(path: path, context: context)
        let prepared: SpanPreparation
        do {
            prepared = try SpanPreparation(
                input: input.bytes, projectName: session.projectName, lastUpdatedAt: TimeParser.format(context.now()))
        } catch {
            throw BulkInput.reject([error], file: input.name, noun: "span", stderr: context.stderr)
        }
        if !prepared.issues.isEmpty {
            throw BulkInput.reject(prepared.issues, file: input.name, noun: "span", stderr: context.stderr)
        }
        guard prepared.payload.count > 0 else { throw OpikError.invalidInput("\(input.name): no spans in the file") }
        let send = BulkSend(payload: prepared.payload, endpoint: SpansCreate.endpoint, options: options, pastTense: "created")
        if options.isDryRun {
            try BulkDryRun.print(send, format: session.format, stdout: context.stdout)
            return .success
        }
        let result = try send.send(session: session, context: context)
        let accepted = result.accepted.indices.filter { result.accepted[$0] }
        // The spans exist whether or not their ids can be printed: the records that were not
        // accepted are still saved and reported, and then a failed output is the error.
        var lostOutput: Error?
        do {
            try SpansCreate.writeIds(accepted.map { (prepared.ids[$0], prepared.traceIds[$0]) },
                                     format: session.format, single: false, stdout: context.stdout)
        } catch is OutputClosed {
            lostOutput = OutputClosed()
        } catch let error as OutputFailed {
            lostOutput = error
        }
        do {
            try send.conclude(result, session: session, failedContent: { prepared.payload.ndjson(of: $0) }, rerun: { "opik spans create --file \($0)" })
        } catch where lostOutput is OutputFailed {
            try? context.stderr.write(Report.describe(error).0.joined(separator: "\n") + "\n")
        }
        if let lostOutput { throw lostOutput }
        return .success
    }
}
