import OpikCore

/// Warnings and notices on stderr, silenced by --quiet (warnings are not).
final class Notices: @unchecked Sendable {
    let stderr: OutputStream
    let isQuiet: Bool

    init(stderr: OutputStream, isQuiet: Bool) {
        self.stderr = stderr
        self.isQuiet = isQuiet
    }

    func warn(_ message: String) {
        try? stderr.write("opik: warning: \(message)\n")
        try? stderr.flush()
    }

    /// An error that does not end the command (one unknown id among several), in the words
    /// and form `Report` gives every error; never silenced.
    func error(_ error: Error) {
        try? stderr.write(Report.describe(error).0.map { $0 + "\n" }.joined())
        try? stderr.flush()
    }

    func info(_ message: String) {
        guard !isQuiet else { return }
        try? stderr.write("opik: \(message)\n")
        try? stderr.flush()
    }

    /// The configuration's own warnings, and the permission check below.
    func warnAbout(_ configuration: Configuration) {
        configuration.warnings.forEach(warn)
        checkPermissions(of: configuration)
    }

    /// A config file holding an API key must not be readable by others.
    func checkPermissions(of configuration: Configuration) {
        guard case .file = configuration.apiKey.source, let path = configuration.configPath.value,
            let mode = Files.permissions(path), mode & 0o077 != 0
        else { return }
        warn("\(path) holds an API key and is readable by others; run 'chmod 600 \(path)'")
    }
}
