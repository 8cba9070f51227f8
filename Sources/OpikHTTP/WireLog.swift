import OpikCore

/// Formats the `--verbose` lines of one exchange, with every secret and URL user information
/// masked.
struct WireLog {
    /// Masks the secrets (the API key) and URL user information; made once, not per line.
    let redaction: Redaction

    init(secrets: [String]) {
        redaction = Redaction(secrets: secrets)
    }

    /// `> METHOD URL`, the request headers, and the body size.
    func requestLines(_ request: HTTPRequest) -> [String] {
        var lines = ["> \(request.method) \(request.url)"]
        for (name, value) in request.headers {
            // The Authorization value is a credential even when nobody listed it as a secret.
            let shown = name.lowercased() == "authorization" ? Redaction.mask(value) : value
            lines.append("> \(name): \(shown)")
        }
        if let body = request.body {
            lines.append("> (\(Plural.count(body.count, "byte")))")
        }
        return lines.map(mask)
    }

    /// `< STATUS (N bytes, T ms)`, preceded by the final URL when redirects were followed.
    func responseLines(status: Int, bytes: Int, microseconds: Int64, redirectedTo url: String?) -> [String] {
        var lines: [String] = []
        if let url { lines.append("< redirected to \(url)") }
        lines.append("< \(status) (\(Plural.count(bytes, "byte")), \(microseconds / 1000) ms)")
        return lines.map(mask)
    }

    /// `< failed: REASON (T ms)`.
    func failureLine(_ reason: String, microseconds: Int64) -> String {
        mask("< failed: \(reason) (\(microseconds / 1000) ms)")
    }

    /// `text` with each secret and each URL's user information masked.
    func mask(_ text: String) -> String {
        redaction.apply(text)
    }
}
