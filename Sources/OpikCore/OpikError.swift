/// Everything that can go wrong, by what the user should do about it. `OpikCLI.report` is the
/// one place that turns these into messages and exit statuses.
public enum OpikError: Error, Sendable, Equatable {
    /// The command line is wrong; `hint` says how to get it right.
    case usage(String, hint: String? = nil)
    /// An input (file, flag value, config) is invalid; nothing was sent.
    case invalidInput(String, hint: String? = nil)
    /// A span, comment, trace or project does not exist.
    case notFound(String, hint: String? = nil)
    /// The server answered with an error status. `what` names the failed action.
    case server(what: String, status: Int, message: String, hint: String? = nil)
    /// The server could not be reached, or the connection failed.
    case transport(what: String, error: TransportError, url: String)
    /// A bulk command finished, but some items failed.
    case partial(String, hint: String? = nil)
    /// Ctrl-C. `summary` says what was and was not done.
    case interrupted(summary: String?)
    /// A local file could not be read or written.
    case file(path: String, message: String)
    /// Another error with an extra hint (such as the command that resumes an export).
    indirect case hinted(OpikError, hint: String)
    /// Another error, followed by lines that show where in the text it is: the text, then a
    /// caret under the column at fault (`FilterError.pointer`).
    indirect case pointed(OpikError, pointer: String)
}

extension OpikError {
    /// The exit status this error ends the program with.
    public var exitStatus: ExitStatus {
        switch self {
        case .usage, .invalidInput: return .usage
        case .notFound: return .notFound
        case let .server(_, status, _, _):
            switch status {
            case 401, 403: return .authentication
            case 404: return .notFound
            default: return .failure
            }
        case let .transport(_, error, _):
            switch error {
            case .interrupted: return .interrupted
            case .resolve, .connect, .tls, .timeout: return .unreachable
            case .dropped, .aborted, .other: return .unreachable
            }
        case .partial: return .partialFailure
        case .interrupted: return .interrupted
        case .file: return .usage
        case let .hinted(inner, _), let .pointed(inner, _): return inner.exitStatus
        }
    }
}
