/// Every exit status the program can end with, declared once; `--help`, `opik help exit-codes`
/// and the man page render their documentation from here.
public enum ExitStatus: Int32, CaseIterable, Sendable {
    case success = 0
    case failure = 1
    case usage = 2
    case notFound = 3
    case authentication = 4
    case unreachable = 5
    case partialFailure = 6
    case interrupted = 130

    /// The number a script sees, for help texts: "exit status \(ExitStatus.notFound.code)".
    package var code: Int32 { rawValue }

    /// One line: what the status means to a script.
    package var meaning: String {
        switch self {
        case .success: return "success"
        case .failure: return "the server refused or failed the request, or output could not be written"
        case .usage: return "usage error or invalid input (an invalid URL too); nothing was sent"
        case .notFound: return "not found: a span, comment, trace or project does not exist"
        case .authentication: return "authentication or permission refused (HTTP 401 or 403)"
        case .unreachable: return "the Opik API could not be reached at the URL (down, or a wrong URL)"
        case .partialFailure: return "a bulk command finished, but some items failed (see --failed)"
        case .interrupted: return "interrupted (Ctrl-C)"
        }
    }
}
