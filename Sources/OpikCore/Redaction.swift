/// The one masking of secrets for display: the API key (and any other listed secret) and the
/// user information of URLs (`http://user:pass@host` shows as `http://***@host`). Everything
/// that shows a URL or server text — `config show`, the `-v` wire log, errors and hints,
/// `--explain`, resume commands — goes through it; the stderr stream applies it to all it
/// writes.
public struct Redaction: Sendable, Equatable {
    /// Strings that must never be shown whole, longest first, so a secret that contains
    /// another is masked whole (sorted here once, not on every `apply`).
    package let secrets: [String]

    public init(secrets: [String] = []) {
        self.secrets = secrets.filter { !$0.isEmpty }.sorted { $0.count > $1.count }
    }

    /// `text` with every secret masked and the user information of every URL hidden.
    package func apply(_ text: String) -> String {
        var text = text
        for secret in secrets where text.contains(secret) {
            text = text.replacing(secret, with: Self.mask(secret))
        }
        return Self.maskingUserinfo(in: text)
    }

    /// At most the first 3 characters of a long secret, then `***`; nothing of a short one
    /// (fewer than 12 characters), whose prefix would give too much of it away.
    package static func mask(_ secret: String) -> String {
        (secret.count >= 12 ? String(secret.prefix(3)) : "") + "***"
    }

    /// `text` with the `user:password@` part of each `scheme://` URL replaced by `***@`.
    package static func maskingUserinfo(in text: String) -> String {
        guard text.contains("@"), text.contains("://") else { return text }
        var result = ""
        var rest = Substring(text)
        while let marker = rest.firstRange(of: "://") {
            result += rest[..<marker.upperBound]
            rest = rest[marker.upperBound...]
            let authorityEnd = rest.firstIndex { "/?#\"'<>\\ \t\n\r".contains($0) } ?? rest.endIndex
            let authority = rest[..<authorityEnd]
            if let at = authority.lastIndex(of: "@") {
                result += "***"
                rest = rest[at...]
            }
        }
        return result + rest
    }
}
