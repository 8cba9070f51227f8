import OpikCore

/// The one place that turns errors into messages and exit statuses: one line
/// `opik: error: <what failed>: <why>`, then `hint: …` where useful. Never a stack trace.
public enum Report {
    public static func status(for error: Error, stderr: OutputStream) -> ExitStatus {
        let (lines, status) = describe(error)
        for line in lines { try? stderr.write(line + "\n") }
        try? stderr.flush()
        return status
    }

    static func describe(_ error: Error) -> ([String], ExitStatus) {
        if error is OutputClosed { return ([], .success) }
        if let failed = error as? OutputFailed {
            let lines = ["opik: error: cannot write output: \(failed.reason)" + (failed.lost.map { "; \($0)" } ?? "")]
            return (lines + (failed.hint.map { ["hint: \($0)"] } ?? []), .failure)
        }
        guard let error = error as? OpikError else {
            return (["opik: error: \(error)"], .failure)
        }
        var lines: [String]
        var hint: String?
        switch error {
        case let .usage(message, h), let .invalidInput(message, h), let .notFound(message, h), let .partial(message, h):
            lines = ["opik: error: \(message)"]
            hint = h
        case let .server(what, status, message, h):
            // Some messages already give the status (`HTTP 404 Not Found`, the server's own
            // text for unknown paths, or ours for an empty body): it is not said twice.
            let said = message.hasPrefix("HTTP \(status)")
            lines = ["opik: error: \(what): \(message)" + (said ? "" : " (HTTP \(status))")]
            hint = h
        case let .transport(what, transportError, url):
            lines = ["opik: error: \(what): \(describe(transportError)) (\(URLQuery.decode(stripQuery(url))))"]
            hint = transportHint(transportError)
        case let .interrupted(summary):
            lines = ["opik: interrupted" + (summary.map { "; \($0)" } ?? "")]
        case let .file(path, message):
            lines = ["opik: error: \(path): \(message)"]
        case let .hinted(inner, extra):
            let (innerLines, status) = describe(inner)
            return (innerLines + ["hint: \(extra)"], status)
        case let .pointed(inner, pointer):
            // Under the error line, before any hint, as compilers show a column.
            let (innerLines, status) = describe(inner)
            let shown = pointer.split(separator: "\n", omittingEmptySubsequences: false).map { "  " + $0 }
            return (Array(innerLines.prefix(1)) + shown + innerLines.dropFirst(), status)
        }
        if let hint { lines.append("hint: \(hint)") }
        return (lines, error.exitStatus)
    }

    static func describe(_ error: TransportError) -> String {
        switch error {
        case let .resolve(m): return "cannot resolve host (\(m))"
        case let .connect(m): return "cannot connect (\(m))"
        case let .tls(m): return "TLS failed (\(m))"
        case let .timeout(m): return "timed out (\(m))"
        case let .dropped(m): return "connection dropped (\(m))"
        case .interrupted: return "interrupted"
        case .aborted: return "aborted"
        case let .other(m): return m
        }
    }

    static func transportHint(_ error: TransportError) -> String? {
        switch error {
        case .resolve, .connect:
            return "check --url (or OPIK_URL_OVERRIDE, url_override) and that the server is running; see 'opik config show'"
        case .tls: return "use --cacert FILE for a private CA, or --insecure to skip verification"
        case .timeout: return "raise --timeout, or narrow the request"
        default: return nil
        }
    }

    static func stripQuery(_ url: String) -> String {
        url.split(separator: "?", maxSplits: 1).first.map(String.init) ?? url
    }
}
