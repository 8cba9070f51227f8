import OpikCore

/// The one place that turns errors into messages and exit statuses: one line
/// `opik: error: <what failed>: <why>`, then `hint: …` where useful. Never a stack trace.
/// Every error shows itself as a `UserFacing` (its kind and message); the kind alone decides
/// the prefix, the usual hint and the exit status, through `row(for:)`.
package enum Report {
    /// How one kind of error is shown and ends the program.
    struct Row: Equatable {
        /// The start of the first line; the message follows after `separator`.
        var prefix: String
        var separator: String
        /// The hint when the error brings none of its own.
        var hint: String?
        var status: ExitStatus

        static func error(_ status: ExitStatus, hint: String? = nil) -> Row {
            Row(prefix: "opik: error", separator: ": ", hint: hint, status: status)
        }
    }

    static let checkURL = "check --url (or OPIK_URL_OVERRIDE, url_override) and that the server is running; see 'opik config show'"

    /// The table: every kind of error, its prefix, hint and exit status.
    static func row(for kind: ErrorKind) -> Row {
        switch kind {
        case .usage, .invalidInput, .file: return .error(.usage)
        case .notFound: return .error(.notFound)
        case .unauthorized:
            return .error(.authentication, hint: "check the API key (OPIK_API_KEY or api_key in the config file; see 'opik config show')")
        case .forbidden:
            return .error(.authentication, hint: "check the workspace (--workspace, OPIK_WORKSPACE) and that the key may use it")
        case .rateLimited: return .error(.failure, hint: "the server is rate limiting; try again later or raise --retries")
        case .server: return .error(.failure)
        case .badResponse: return .error(.failure, hint: "check that --url points at the Opik API (it usually ends in /api)")
        case .unresolvedHost, .connectionFailed: return .error(.unreachable, hint: checkURL)
        case .tls: return .error(.unreachable, hint: "use --cacert FILE for a private CA, or --insecure to skip verification")
        case .timeout: return .error(.unreachable, hint: "raise --timeout, or narrow the request")
        case .connectionDropped, .transferFailed: return .error(.unreachable)
        case .partial: return .error(.partialFailure)
        case .interrupted: return Row(prefix: "opik: interrupted", separator: "; ", hint: nil, status: .interrupted)
        case .outputFailed: return .error(.failure)
        case .outputClosed: return Row(prefix: "", separator: "", hint: nil, status: .success)
        case .unexpected: return .error(.failure, hint: "please report it with the command that caused it")
        }
    }

    /// Prints `error` on `stderr` and returns the status to end with.
    package static func status(for error: Error, stderr: OutputStream) -> ExitStatus {
        let (lines, status) = describe(error)
        for line in lines { try? stderr.write(line + "\n") }
        try? stderr.flush()
        return status
    }

    /// The exit status `error` ends the program with.
    package static func exitStatus(of error: Error) -> ExitStatus {
        row(for: UserFacing.of(error).kind).status
    }

    /// The lines `error` is shown as (none for a closed output), and its exit status.
    static func describe(_ error: Error) -> ([String], ExitStatus) {
        let shown = UserFacing.of(error)
        let row = row(for: shown.kind)
        guard shown.kind != .outputClosed else { return ([], row.status) }
        var lines = [row.prefix + (shown.message.isEmpty ? "" : row.separator + shown.message)]
        lines += shown.pointer
        lines += ([shown.hint ?? row.hint].compactMap { $0 } + shown.moreHints).map { "hint: \($0)" }
        return (lines, row.status)
    }
}
