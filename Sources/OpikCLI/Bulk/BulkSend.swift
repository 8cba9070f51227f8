#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import OpikCore

/// Runs a bulk upload and reports it: the progress line, the one-line summary, the file of
/// failed records, and the error and exit status of an upload that did not fully succeed.
struct BulkSend {
    let payload: BulkPayload
    let batches: [Range<Int>]
    let endpoint: BulkUpload.Endpoint
    let options: BulkOptions
    /// `created`, `uploaded`.
    let pastTense: String

    /// What happened to each record.
    struct Result {
        var outcome: BulkUpload.Outcome
        /// Per record: whether the server accepted its batch.
        var accepted: [Bool]
        var seconds: Double
        /// Why some records were left out before sending (`2 name spans that do not exist`).
        var leftOut: String?
        /// What else the command created, for the summary (`3 traces`).
        var alsoCreated: String?
        var acceptedCount: Int { accepted.lazy.filter { $0 }.count }
        var failedIndexes: [Int] { accepted.indices.filter { !accepted[$0] } }
    }

    init(payload: BulkPayload, endpoint: BulkUpload.Endpoint, options: BulkOptions, pastTense: String) {
        self.payload = payload
        self.batches = BatchPlan.ranges(sizes: payload.sizes)
        self.endpoint = endpoint
        self.options = options
        self.pastTense = pastTense
    }

    func send(session: Session, context: Context) throws -> Result {
        if let path = options.failedPath { try Files.write([], to: path, mode: 0o644) }
        let started = context.now()
        let upload = BulkUpload(
            payload: payload, batches: batches, endpoint: endpoint,
            work: ParallelWork(session: session, context: context, parallel: options.parallel),
            showsProgress: context.isStderrTerminal && !session.isQuiet)
        let outcome = batches.isEmpty ? BulkUpload.Outcome(accepted: [], failures: [], wasInterrupted: false) : upload.run()
        var accepted = Array(repeating: false, count: payload.count)
        for (batch, range) in batches.enumerated() where outcome.accepted[batch] {
            for index in range { accepted[index] = true }
        }
        return Result(outcome: outcome, accepted: accepted, seconds: context.now().timeIntervalSince(started))
    }

    /// Writes the failed records to `path` and returns it; when that fails (the upload has
    /// already happened, so this is no usage error) the records go to stderr as a last resort,
    /// after a line saying they are saved nowhere, and the result is nil.
    func saveFailed(_ content: [UInt8], count: Int, to path: String, stderr: OutputStream) -> String? {
        do {
            try Files.write(content, to: path, mode: 0o644)
            return path
        } catch {
            let why = UserFacing.of(error).message
            let records = count == 1 ? "the \(endpoint.noun) that was not accepted is"
                : "the \(Plural.count(count, endpoint.noun)) that were not accepted are"
            try? stderr.write("opik: error: --failed \(why); \(records) saved nowhere else, so here \(count == 1 ? "it is" : "they are"):\n")
            try? stderr.writeRecords(content)
            if content.last != UInt8(ascii: "\n") { try? stderr.write("\n") }
            try? stderr.flush()
            return nil
        }
    }

    /// Writes the failed records, prints the summary, and throws unless every record was
    /// accepted. `failedContent` renders the given records in the input's own format;
    /// `rerun` is the command that sends a file of them.
    func conclude(_ result: Result, session: Session, failedContent: ([Int]) -> [UInt8], rerun: (String) -> String) throws {
        let failed = result.failedIndexes
        let total = result.accepted.count
        let noun = endpoint.noun
        var savedIn = options.failedPath
        if let path = options.failedPath, !failed.isEmpty {
            savedIn = saveFailed(failedContent(failed), count: failed.count, to: path, stderr: session.notices.stderr)
        }
        let outcome = result.outcome
        if outcome.wasInterrupted {
            throw OpikError.interrupted(summary: "\(result.acceptedCount) of \(Plural.count(total, noun)) \(Plural.was(result.acceptedCount)) accepted; "
                + "to send the rest, run the same command again (nothing already accepted is duplicated)")
        }
        let time = BulkText.duration(result.seconds)
        let also = result.alsoCreated.map { " and \($0)" } ?? ""
        if failed.isEmpty {
            session.notices.info("\(pastTense) \(Plural.count(total, noun)) in \(Plural.count(batches.count, "batch"))\(also) (\(time))")
            return
        }
        if let fatal = outcome.fatal {
            if result.acceptedCount == 0 { throw fatal }
            try? session.notices.stderr.write(Report.describe(fatal).0.joined(separator: "\n") + "\n")
        }
        let failedBatches = outcome.accepted.filter { !$0 }.count
        var why: [String] = []
        if failedBatches > 0 || result.leftOut == nil {
            why.append("\(failedBatches) of \(Plural.count(batches.count, "batch")) failed")
        }
        if let leftOut = result.leftOut { why.append(leftOut) }
        session.notices.info("\(pastTense) \(result.acceptedCount) of \(Plural.count(total, noun))\(also); \(why.joined(separator: "; ")) (\(time))")
        let hint: String
        if let path = savedIn {
            hint = "they are in \(path); after fixing them run '\(rerun(path))'"
        } else if let path = options.failedPath {
            hint = "\(path) could not be written: they are only in the error output above"
        } else {
            hint = "add --failed FILE to collect them in a file to fix and send again"
        }
        throw OpikError.partial("\(failed.count) of \(Plural.count(total, noun)) \(Plural.was(failed.count)) not accepted", hint: hint)
    }
}
