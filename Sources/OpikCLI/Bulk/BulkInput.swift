import OpikCore

/// The input file of a bulk command (`-` for standard input, read whole first so that every
/// record is checked before the first request), and the report of invalid records.
struct BulkInput {
    /// The name used in messages: the path, or `<stdin>`.
    let name: String
    let bytes: [UInt8]
    /// The lower-cased extension of the path (`csv`, `ndjson`), empty for stdin.
    let fileExtension: String

    init(path: String, context: Context) throws {
        if path == "-" {
            name = "<stdin>"
            bytes = try context.readStdin()
            fileExtension = ""
        } else {
            name = path
            bytes = try Files.readBytes(path)
            let base = path.split(separator: "/").last.map(String.init) ?? path
            fileExtension = base.contains(".") ? String(base.split(separator: ".").last ?? "").lowercased() : ""
        }
    }

    /// Fails with every issue found: all but the last are written to stderr at once (up to
    /// a screenful), the last is thrown, with a hint saying that nothing was sent.
    static func reject(_ issues: [RecordIssue], file: String, noun: String, stderr: OutputStream) -> OpikError {
        let shown = 20
        for issue in issues.prefix(min(issues.count - 1, shown - 1)) {
            try? stderr.write("opik: error: \(issue.describe(file: file))\n")
        }
        if issues.count > shown {
            try? stderr.write("opik: error: ... \(issues.count - shown) more invalid \(noun)\n")
        }
        let last = issues.count > shown ? issues[shown - 1] : issues[issues.count - 1]
        let hint = issues.count == 1
            ? "nothing was sent; fix the record and run the command again"
            : "nothing was sent: \(issues.count) invalid \(noun); fix them and run the command again"
        return .invalidInput(last.describe(file: file), hint: hint)
    }
}
