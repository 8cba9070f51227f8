/// Everything that can go wrong, by what the user should do about it. `userFacing` gives the
/// kind and the message; `Report` (OpikCLI) is the one place that prints them and picks the
/// exit status from the kind.
public enum OpikError: UserFacingError, Sendable, Equatable {
    /// The command line is wrong; `hint` says how to get it right.
    case usage(String, hint: String? = nil)
    /// An input (file, flag value, config) is invalid; nothing was sent.
    case invalidInput(String, hint: String? = nil)
    /// A span, comment, trace or project does not exist.
    case notFound(String, hint: String? = nil)
    /// The server answered with an error status. `what` names the failed action; `hint`
    /// replaces the one of the status's kind (401, 403, 429).
    case server(what: String, status: Int, message: String, hint: String? = nil)
    /// The server answered 2xx with something the Opik API does not send (not JSON, too
    /// large, the wrong shape). `what` names the failed action.
    case badResponse(what: String, message: String)
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
    /// An error of another type, as it shows itself (kept where an `OpikError` is stored).
    case other(UserFacing)

    /// `error` itself when it is an `OpikError`, else its user-facing form (an error of no
    /// known type becomes the `unexpected` kind).
    package static func from(_ error: Error) -> OpikError {
        if let error = error as? OpikError { return error }
        return .other(UserFacing.of(error))
    }
}

extension OpikError {
    package var userFacing: UserFacing {
        switch self {
        case let .usage(message, hint): return UserFacing(.usage, message, hint: hint)
        case let .invalidInput(message, hint): return UserFacing(.invalidInput, message, hint: hint)
        case let .notFound(message, hint): return UserFacing(.notFound, message, hint: hint)
        case let .partial(message, hint): return UserFacing(.partial, message, hint: hint)
        case let .server(what, status, message, hint):
            // Some messages already give the status (`HTTP 404 Not Found`, the server's own
            // text for unknown paths, or ours for an empty body): it is not said twice.
            let said = message.hasPrefix("HTTP \(status)")
            return UserFacing(Self.kind(ofStatus: status), "\(what): \(message)" + (said ? "" : " (HTTP \(status))"), hint: hint)
        case let .badResponse(what, message):
            return UserFacing(.badResponse, "\(what): \(message) (HTTP 200)")
        case let .transport(what, error, url):
            if error == .interrupted { return UserFacing(.interrupted, "") }
            return UserFacing(error.kind, "\(what): \(error.message) (\(URLQuery.decode(Self.stripQuery(url))))")
        case let .interrupted(summary): return UserFacing(.interrupted, summary ?? "")
        case let .file(path, message): return UserFacing(.file, "\(path): \(message)")
        case let .hinted(inner, extra):
            var shown = inner.userFacing
            shown.moreHints.append(extra)
            return shown
        case let .pointed(inner, pointer):
            var shown = inner.userFacing
            shown.pointer += pointer.split(separator: "\n", omittingEmptySubsequences: false).map { "  " + $0 }
            return shown
        case let .other(shown): return shown
        }
    }

    /// The kind of an HTTP error status.
    static func kind(ofStatus status: Int) -> ErrorKind {
        switch status {
        case 401: return .unauthorized
        case 403: return .forbidden
        case 404: return .notFound
        case 429: return .rateLimited
        default: return .server
        }
    }

    static func stripQuery(_ url: String) -> String {
        url.split(separator: "?", maxSplits: 1).first.map(String.init) ?? url
    }
}

extension UserFacing {
    /// How any error looks: its own description when its type conforms to `UserFacingError`
    /// (every error type of this program does), else the `unexpected` kind naming its type.
    package static func of(_ error: Error) -> UserFacing {
        if let error = error as? UserFacingError { return error.userFacing }
        return UserFacing(.unexpected, "unexpected error of type \(String(reflecting: type(of: error))); this is a bug in opik")
    }
}
