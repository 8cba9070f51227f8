import OpikCore

/// A write a command is about to make: the request, how messages name it, and whether it
/// may be repeated after a failure.
struct PlannedWrite {
    var request: HTTPRequest
    var what: String
    var repetition: OpikClient.Repeat

    /// Sends the request; the body of the answer, when there is one.
    @discardableResult
    func send(_ client: OpikClient) throws -> JSONValue? {
        try client.json(request, what: what, repetition: repetition)
    }
}

/// `--dry-run`: every check and read-only lookup happens, then the writes are printed
/// instead of sent.
enum DryRun {
    static let option = OptionSpec(
        "dry-run", help: "Do every check and lookup, print the requests that would be sent (method, URL, body), and send nothing.")

    /// Prints each write as `--explain` prints a request (without headers), separated by
    /// blank lines.
    static func print(_ writes: [PlannedWrite], context: Context) throws -> ExitStatus {
        let text = writes.map { Explain.render($0.request, headers: false) }.joined(separator: "\n")
        try context.stdout.write(text)
        try context.stdout.flush()
        return .success
    }

    /// With --dry-run, prints `writes` and answers true. Otherwise sends them in order and
    /// answers false; a server error is first shown to `failure`, which may say it better (a
    /// 404 as a missing record, a hint added), else it is thrown as it is.
    static func printOrSend(_ writes: [PlannedWrite], _ invocation: Invocation, client: OpikClient, context: Context,
                            failure: (_ error: OpikError, _ what: String, _ status: Int) -> OpikError? = { _, _, _ in nil }) throws -> Bool {
        if invocation.flag(option) {
            _ = try print(writes, context: context)
            return true
        }
        for write in writes {
            do {
                try write.send(client)
            } catch let error as OpikError {
                guard case let .server(what, status, _, _) = error, let better = failure(error, what, status) else { throw error }
                throw better
            }
        }
        return false
    }
}
