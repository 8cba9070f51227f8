#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import OpikCore

/// Renders the command line that continues an export after a given id: the same options,
/// relative times frozen to the instants the export used (a later run must select the same
/// records), `--no-header` for CSV (the output so far has the header), and `--after ID`.
enum ResumeCommand {
    static func render(_ invocation: Invocation, after id: String, now: Date) -> String {
        var words = ["opik"] + invocation.path
        let order = options(of: invocation).map(\.long)
        for long in order where long != "after" && long != "no-header" {
            guard let values = invocation.options[long] else { continue }
            let takesValue = options(of: invocation).first { $0.long == long }?.takesValue ?? false
            for value in values {
                words.append("--" + long)
                let shown = long == "since" || long == "until" ? frozen(value, now: now) : value
                // Masked before quoting, so a hidden password stays one shell word.
                if !shown.isEmpty || takesValue { words.append(quote(Redaction.maskingUserinfo(in: shown))) }
            }
        }
        if invocation.value(GlobalOptions.format) == OutputFormat.csv.rawValue { words.append("--no-header") }
        words += ["--after", id]
        return words.joined(separator: " ")
    }

    /// A relative time (`24h`) as the RFC 3339 instant it meant at `now`; others unchanged.
    static func frozen(_ text: String, now: Date) -> String {
        guard TimeParser.date(rfc3339: text) == nil, let date = try? TimeParser.parse(text, now: now) else { return text }
        return TimeParser.format(date)
    }

    /// The options of the command that ran, in the order its help lists them.
    static func options(of invocation: Invocation) -> [OptionSpec] {
        var node: CommandSpec? = CommandTree.root
        for name in invocation.path { node = node?.subcommand(named: name) }
        return GlobalOptions.all + (node?.options ?? [])
    }

    /// Quotes a word for a POSIX shell when it needs it.
    static func quote(_ word: String) -> String {
        let safe = Set("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_./:=@,+-")
        if !word.isEmpty, word.allSatisfy({ safe.contains($0) }) { return word }
        return "'" + word.split(separator: "'", omittingEmptySubsequences: false).joined(separator: "'\\''") + "'"
    }
}
