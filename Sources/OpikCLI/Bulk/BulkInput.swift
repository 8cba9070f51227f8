#if canImport(Glibc)
import Glibc
#endif
import OpikCore

/// The input file of a bulk command (`-` for standard input, read whole first so that every
/// record is checked before the first request), and the report of invalid records.
///
/// Standard input may never end (`< /dev/zero`), so it is read within limits: a record over
/// the per-record limit of files is refused as soon as it passes the limit, and the whole
/// input may hold at most `maxStdinBytes`.
struct BulkInput {
    static let maxStdinBytes = 1024 * 1024 * 1024

    /// The name used in messages: the path, or `<stdin>`.
    let name: String
    let bytes: [UInt8]
    /// The lower-cased extension of the path (`csv`, `ndjson`), empty for stdin.
    let fileExtension: String

    init(path: String, context: Context, syntax: RecordSizeCheck.Syntax = .json) throws {
        if path == "-" {
            name = "<stdin>"
            var check = RecordSizeCheck(syntax)
            do {
                bytes = try StdinReader.read(context, maxBytes: Self.maxStdinBytes, what: "<stdin>") { try check.feed($0) }
            } catch let issue as RecordIssue {
                throw Self.reject([issue], file: "<stdin>", noun: "records", stderr: context.stderr)
            }
            fileExtension = ""
        } else {
            name = path
            // Any failure goes the common way, which names the problem.
            bytes = try Self.readWhole(path) ?? Files.readBytes(path)
            let base = path.split(separator: "/").last.map(String.init) ?? path
            fileExtension = base.contains(".") ? String(base.split(separator: ".").last ?? "").lowercased() : ""
        }
    }

    /// The bytes of a regular file read straight into one array (no intermediate copy: inputs
    /// can be large), or nil when that fails.
    static func readWhole(_ path: String) -> [UInt8]? {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { return nil }
        defer { close(descriptor) }
        var status = stat()
        guard fstat(descriptor, &status) == 0, status.st_mode & S_IFMT == S_IFREG else { return nil }
        let size = Int(status.st_size)
        var complete = true
        let bytes = [UInt8](unsafeUninitializedCapacity: size) { buffer, initialized in
            while initialized < size {
                let count = read(descriptor, buffer.baseAddress! + initialized, size - initialized)
                if count < 0 && errno == EINTR { continue }
                guard count > 0 else { break }
                initialized += count
            }
            complete = initialized == size
        }
        // A file that changed size while read is left to the common way.
        guard complete else { return nil }
        var extra: UInt8 = 0
        guard read(descriptor, &extra, 1) == 0 else { return nil }
        return bytes
    }

    /// Fails with every issue found: all but the last are written to stderr at once (up to
    /// a screenful), the last is thrown, with a hint saying that nothing was sent.
    static func reject(_ issues: [RecordIssue], file: String, noun: String, stderr: OutputStream) -> OpikError {
        let shown = 20
        for issue in issues.prefix(min(issues.count - 1, shown - 1)) {
            try? stderr.write("opik: error: \(issue.describe(file: file))\n")
        }
        if issues.count > shown {
            try? stderr.write("opik: error: ... \(issues.count - shown) more invalid \(Plural.form(of: noun, for: issues.count - shown))\n")
        }
        let last = issues.count > shown ? issues[shown - 1] : issues[issues.count - 1]
        let hint = issues.count == 1
            ? "nothing was sent; fix the record and run the command again"
            : "nothing was sent: \(issues.count) invalid \(Plural.form(of: noun, for: issues.count)); fix them and run the command again"
        return .invalidInput(last.describe(file: file), hint: hint)
    }
}
