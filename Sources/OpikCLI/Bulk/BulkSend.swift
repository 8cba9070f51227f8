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
            payload: payload, batches: batches, endpoint: endpoint, parallel: options.parallel,
            factory: session.clientFactory, context: context, gate: StderrGate(stderr: context.stderr),
            showsProgress: context.isStderrTerminal && !session.isQuiet, isQuiet: session.isQuiet)
        let outcome = batches.isEmpty ? BulkUpload.Outcome(accepted: [], failures: [], wasInterrupted: false) : upload.run()
        var accepted = Array(repeating: false, count: payload.count)
        for (batch, range) in batches.enumerated() where outcome.accepted[batch] {
            for index in range { accepted[index] = true }
        }
        return Result(outcome: outcome, accepted: accepted, seconds: context.now().timeIntervalSince(started))
    }

    /// Writes the failed records, prints the summary, and throws unless every record was
    /// accepted. `failedContent` renders the given records in the input's own format;
    /// `rerun` is the command that sends a file of them.
    func conclude(_ result: Result, session: Session, failedContent: ([Int]) -> [UInt8], rerun: (String) -> String) throws {
        let failed = result.failedIndexes
        if let path = options.failedPath, !failed.isEmpty { try Files.write(failedContent(failed), to: path, mode: 0o644) }
        let total = payload.count
        let noun = endpoint.noun
        let outcome = result.outcome
        if outcome.wasInterrupted {
            throw OpikError.interrupted(summary: "\(result.acceptedCount) of \(Plural.count(total, noun)) \(Plural.was(result.acceptedCount)) accepted; "
                + "to send the rest, run the same command again (nothing already accepted is duplicated)")
        }
        let time = BulkText.duration(result.seconds)
        if failed.isEmpty {
            session.notices.info("\(pastTense) \(Plural.count(total, noun)) in \(Plural.count(batches.count, "batch")) (\(time))")
            return
        }
        if let fatal = outcome.fatal {
            if result.acceptedCount == 0 { throw fatal }
            try? session.notices.stderr.write(Report.describe(fatal).0.joined(separator: "\n") + "\n")
        }
        let failedBatches = outcome.accepted.filter { !$0 }.count
        session.notices.info("\(pastTense) \(result.acceptedCount) of \(Plural.count(total, noun)); "
            + "\(failedBatches) of \(Plural.count(batches.count, "batch")) failed (\(time))")
        let hint = options.failedPath.map { "they are in \($0); after fixing them run '\(rerun($0))'" }
            ?? "add --failed FILE to collect them in a file to fix and send again"
        throw OpikError.partial("\(failed.count) of \(Plural.count(total, noun)) \(Plural.was(failed.count)) not accepted", hint: hint)
    }
}
