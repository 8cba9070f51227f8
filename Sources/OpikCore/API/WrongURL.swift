/// A 404 that does not come from the Opik API but from whatever else answers at the base URL:
/// the frontend's web server when `/api` is missing, or the backend itself when `/api` is
/// there but the backend has none (see docs/SERVER.md: the backend serves its resources at
/// the root; a full install serves them under `/api` behind the frontend).
///
/// Reported as the server being unreachable (status 5), never as "span not found": the span
/// may well exist, the request did not reach the API.
package enum WrongURL {
    /// The message of the backend's own 404 for a path it has no resource for (Jersey's).
    static let noResourceMessage = "HTTP 404 Not Found"

    /// Whether a 404 with `body` means the request went to the wrong place: the body is not
    /// an Opik error (`{"errors":[…]}` or `{"code":…,"message":…}`), or it is the backend's
    /// answer for a path that names no resource at all. Opik's own "not found" answers
    /// (`Span id: … not found`, `Project not found`) keep their meaning.
    package static func isWrongURL(status: Int, body: [UInt8]) -> Bool {
        guard status == 404 else { return false }
        guard let json = try? JSONParser.parse(bytes: body) else { return true }
        if let errors = json["errors"]?.arrayValue, !errors.isEmpty { return false }
        guard json["code"] != nil, let message = json["message"]?.stringValue else { return true }
        return message == noResourceMessage
    }

    /// The error for a request that reached something other than the Opik API.
    package static func error(what: String, url: String, baseURL: String) -> OpikError {
        .hinted(
            .transport(what: what, error: .other("no Opik API at this address (HTTP 404 for the path itself)"), url: url),
            hint: hint(baseURL: baseURL))
    }

    /// Names both forms of base URL, and which one was used.
    static func hint(baseURL: String) -> String {
        "check the base URL (now \(baseURL); --url, OPIK_URL_OVERRIDE or url_override): a full install serves "
            + "the API behind its frontend at http://HOST:5173/api, the backend alone at http://HOST:8080 (no /api)"
    }

    /// Whether `error` is the one `error(what:url:baseURL:)` makes (every later request would meet it too).
    package static func matches(_ error: OpikError) -> Bool {
        guard case let .hinted(inner, _) = error, case let .transport(_, .other(message), _) = inner else { return false }
        return message.hasPrefix("no Opik API at this address")
    }
}
