import OpikCore

/// Renders the command line that continues an export after a given span id.
enum ResumeCommand {
    static func render(_ invocation: Invocation, after id: String) -> String {
        var words = ["opik"] + invocation.path
        let order = (GlobalOptions.all + SpansList.spec.options).map(\.long)
        for long in order where long != "after" {
            guard let values = invocation.options[long] else { continue }
            for value in values {
                words.append("--" + long)
                // Masked before quoting, so a hidden password stays one shell word.
                if !value.isEmpty || takesValue(long) { words.append(quote(Redaction.maskingUserinfo(in: value))) }
            }
        }
        words += ["--after", id]
        return words.joined(separator: " ")
    }

    static func takesValue(_ long: String) -> Bool {
        (GlobalOptions.all + SpansList.spec.options).first { $0.long == long }?.takesValue ?? false
    }

    /// Quotes a word for a POSIX shell when it needs it.
    static func quote(_ word: String) -> String {
        let safe = Set("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_./:=@,+-")
        if !word.isEmpty, word.allSatisfy({ safe.contains($0) }) { return word }
        return "'" + word.split(separator: "'", omittingEmptySubsequences: false).joined(separator: "'\\''") + "'"
    }
}
