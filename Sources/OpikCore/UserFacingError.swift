/// What kind of failure an error is for the user. Each kind has one message prefix, one hint
/// and one exit status, in one table (`Report.row(for:)` in OpikCLI); errors name a kind and
/// never a status.
package enum ErrorKind: String, CaseIterable, Sendable {
    /// The command line is wrong.
    case usage
    /// An input (file, flag value, configuration) is invalid; nothing was sent.
    case invalidInput
    /// A local file could not be read or written.
    case file
    /// A span, comment, trace or project does not exist (or the server answered 404).
    case notFound
    /// The server refused the API key (HTTP 401).
    case unauthorized
    /// The server refused the workspace or the key's rights (HTTP 403).
    case forbidden
    /// The server is rate limiting and the retries ran out (HTTP 429).
    case rateLimited
    /// The server answered with another error status.
    case server
    /// A 2xx answer that is not what the Opik API sends (not JSON, too large, the wrong shape).
    case badResponse
    /// The host name could not be resolved.
    case unresolvedHost
    /// The connection could not be made.
    case connectionFailed
    /// The TLS handshake or certificate check failed.
    case tls
    /// No answer in time.
    case timeout
    /// The connection broke after the request was sent.
    case connectionDropped
    /// Any other transfer failure, or no Opik API at the URL.
    case transferFailed
    /// A bulk command finished, but some items failed.
    case partial
    /// Ctrl-C.
    case interrupted
    /// Output could not be written (a full disk, EIO).
    case outputFailed
    /// The reader of the output went away: not an error, the program ends quietly.
    case outputClosed
    /// An error no type of this program describes: a bug.
    case unexpected
}

/// An error as the user sees it: its kind, the message that follows the kind's prefix, the
/// lines that point at the fault, and hints.
public struct UserFacing: Equatable, Sendable {
    package var kind: ErrorKind
    /// What failed and why (`list spans: could not connect (…) (URL)`); may be empty.
    package var message: String
    /// Lines shown right under the message, such as a caret under the column at fault.
    package var pointer: [String]
    /// The error's own hint, shown instead of the kind's; nil keeps the kind's.
    package var hint: String?
    /// Hints shown after that one (such as the command that resumes an export).
    package var moreHints: [String]

    package init(_ kind: ErrorKind, _ message: String, pointer: [String] = [], hint: String? = nil, moreHints: [String] = []) {
        self.kind = kind
        self.message = message
        self.pointer = pointer
        self.hint = hint
        self.moreHints = moreHints
    }
}

/// An error that says how it looks to the user. Every error type of the program conforms (a
/// lint test checks the declarations), so `Report` never has to guess from a description.
package protocol UserFacingError: Error {
    var userFacing: UserFacing { get }
}
