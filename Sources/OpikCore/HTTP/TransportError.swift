/// Why a request did not produce a response.
public enum TransportError: UserFacingError, Equatable, Sendable {
    /// The host name could not be resolved.
    case resolve(String)
    /// The connection was refused or could not be made.
    case connect(String)
    /// TLS handshake or certificate verification failed.
    case tls(String)
    /// No answer in time.
    case timeout(String)
    /// The connection broke after the request was sent (maybe mid-response).
    case dropped(String)
    /// The user pressed Ctrl-C.
    case interrupted
    /// A sink threw; the transfer was aborted. The sink's error is rethrown by the caller.
    case aborted
    /// Anything else libcurl reported.
    case other(String)

    /// Whether the request surely never reached the server (safe to repeat any request).
    package var requestNeverSent: Bool {
        switch self {
        case .resolve, .connect: return true
        default: return false
        }
    }
}

extension TransportError {
    /// The one wording of this failure, used by retry notices and (with the detail) by the
    /// final error: `could not connect`.
    package var summary: String {
        switch self {
        case .resolve: return "could not resolve the host"
        case .connect: return "could not connect"
        case .tls: return "TLS failed"
        case .timeout: return "timed out"
        case .dropped: return "connection dropped"
        case .interrupted: return "interrupted"
        case .aborted: return "aborted"
        case .other: return "transfer failed"
        }
    }

    /// The summary with libcurl's detail: `could not connect (Failed to connect to h port 1: Connection refused)`.
    /// Anything else is libcurl's (or our) whole sentence.
    package var message: String {
        switch self {
        case let .resolve(detail), let .connect(detail), let .tls(detail), let .timeout(detail), let .dropped(detail):
            return "\(summary) (\(detail))"
        case .interrupted, .aborted: return summary
        case let .other(detail): return detail
        }
    }

    /// The kind of failure, for `Report`'s table.
    package var kind: ErrorKind {
        switch self {
        case .resolve: return .unresolvedHost
        case .connect: return .connectionFailed
        case .tls: return .tls
        case .timeout: return .timeout
        case .dropped: return .connectionDropped
        case .interrupted: return .interrupted
        case .aborted, .other: return .transferFailed
        }
    }

    /// Seen alone (not through `OpikClient`, which names the request): the message.
    package var userFacing: UserFacing {
        self == .interrupted ? UserFacing(.interrupted, "") : UserFacing(kind, message)
    }
}
