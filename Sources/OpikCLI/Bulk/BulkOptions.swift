import OpikCore

/// Options every bulk command takes, resolved.
struct BulkOptions {
    static let defaultParallel = 4
    static let parallel = OptionSpec("parallel", value: "N", help: "Batches in flight at once, 1 to 16.", default: String(defaultParallel))
    static let failed = OptionSpec(
        "failed", value: "FILE",
        help: "Write the records the server did not accept to FILE, ready to send again (emptied before the first request; empty when all were accepted; printed on stderr if FILE cannot be written).",
        completion: .file)
    static let specs: [OptionSpec] = [
        parallel, failed,
        DryRun.option.help("Check every record and show the batches that would be sent; send nothing."),
    ]

    var parallel = defaultParallel
    var failedPath: String?
    var isDryRun = false

    init(_ invocation: Invocation) throws {
        if let n = try invocation.wholeNumber(Self.parallel, in: 1...16) { parallel = n }
        failedPath = invocation.value(Self.failed)
        isDryRun = invocation.flag(DryRun.option)
    }
}
