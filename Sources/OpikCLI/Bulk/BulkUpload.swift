#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import OpikCore
import Synchronization

/// Sends prepared records in batches, several batches in flight through `ParallelWork`, each
/// worker with its own client (and so its own connection, reused from batch to batch). Batches are retried when
/// the connection drops or the server answers 429/502/503/504: fixed ids make batch writes
/// idempotent (see docs/SERVER.md), so they are `.safe`.
struct BulkUpload {
    /// What is sent and how it is named in messages.
    struct Endpoint {
        var method: String
        var path: String
        /// The array's key in the body: `spans`, `scores`.
        var key: String
        /// `create spans`, `upload scores`.
        var action: String
        /// `span`, `score`: the singular, counted with `Plural`.
        var noun: String
    }

    /// How the batches ended.
    struct Outcome {
        var accepted: [Bool]
        var failures: [(batch: Int, error: OpikError)]
        var wasInterrupted: Bool
        /// An error that stopped every worker (authentication, unreachable server).
        var fatal: OpikError?

    }

    let payload: BulkPayload
    let batches: [Range<Int>]
    let endpoint: Endpoint
    /// The workers that send the batches; their context and stderr gate are the upload's too.
    let work: ParallelWork
    let showsProgress: Bool

    private var context: Context { work.context }
    private var gate: StderrGate { work.gate }

    private struct State {
        var accepted: [Bool]
        var failures: [(batch: Int, error: OpikError)] = []
        var sentRecords = 0
        var lastDraw: Date?
    }

    private final class Shared: Sendable {
        let state: Mutex<State>
        init(_ state: State) { self.state = Mutex(state) }
    }

    func run() -> Outcome {
        let shared = Shared(State(accepted: Array(repeating: false, count: batches.count)))
        let started = context.now()
        let upload = self
        let stopped = work.run(count: batches.count) { batch, client in
            upload.send(batch: batch, client: client, state: shared.state, started: started)
        }
        gate.clearProgress()
        return shared.state.withLock {
            Outcome(accepted: $0.accepted, failures: $0.failures, wasInterrupted: stopped.wasInterrupted, fatal: stopped.fatal)
        }
    }

    /// Sends one batch and records how it went.
    private func send(batch: Int, client: OpikClient, state: borrowing Mutex<State>, started: Date) -> ParallelWork.Step {
        let range = batches[batch]
        let what = payload.count == 1 ? endpoint.action
            : "\(endpoint.action), batch \(batch + 1) of \(batches.count) (\(linesText(range)))"
        let request = request(client: client, batch: range)
        do {
            try client.send(request, what: what, repetition: .safe)
            state.withLock { state in
                state.accepted[batch] = true
                state.sentRecords += range.count
                drawProgress(&state, started: started)
            }
        } catch let error as OpikError {
            if case .interrupted = error { return .interrupted }
            let stopsAll = Self.stopsAll(error)
            state.withLock { $0.failures.append((batch, error)) }
            if stopsAll { return .stop(error) }
            gate.write(lines: Report.describe(error).0)
        } catch {
            state.withLock { $0.failures.append((batch, OpikError.from(error))) }
        }
        return .next
    }

    func request(client: OpikClient, batch: Range<Int>) -> HTTPRequest {
        var request = client.request(endpoint.method, endpoint.path)
        request.body = payload.body(key: endpoint.key, batch: batch)
        request.headers.append(("Content-Type", "application/json"))
        return request
    }

    /// `line 4` or `lines 1-1000` of the input.
    func linesText(_ range: Range<Int>) -> String {
        let first = payload.lines[range.lowerBound]
        let last = payload.lines[range.upperBound - 1]
        return first == last ? "line \(first)" : "lines \(first)-\(last)"
    }

    /// Errors that every other batch would meet too, so sending more is pointless.
    static func stopsAll(_ error: OpikError) -> Bool {
        if WrongURL.matches(error) { return true }
        switch error {
        case let .server(_, status, _, _): return [401, 402, 403, 404].contains(status)
        case let .transport(_, transportError, _):
            switch transportError {
            case .resolve, .connect, .tls: return true
            default: return false
            }
        default: return false
        }
    }

    private func drawProgress(_ state: inout State, started: Date) {
        guard showsProgress else { return }
        let now = context.now()
        if let last = state.lastDraw, now.timeIntervalSince(last) < 0.1, state.sentRecords < payload.count { return }
        state.lastDraw = now
        let total = payload.count
        let elapsed = max(now.timeIntervalSince(started), 0.001)
        let rate = Double(state.sentRecords) / elapsed
        var line = "opik: \(state.sentRecords)/\(Plural.count(total, endpoint.noun)) (\(state.sentRecords * 100 / max(total, 1))%), \(Int(rate))/s"
        if rate > 0, state.sentRecords < total {
            line += ", ETA \(BulkText.duration(Double(total - state.sentRecords) / rate))"
        }
        gate.progress(line)
    }
}

/// Wording shared by the bulk commands.
enum BulkText {
    /// `0.4 s`, `12 s`, `3 min 5 s`.
    static func duration(_ seconds: Double) -> String {
        if seconds < 10 {
            let tenths = Int((seconds * 10).rounded())
            return "\(tenths / 10).\(tenths % 10) s"
        }
        let whole = Int(seconds.rounded())
        return whole < 60 ? "\(whole) s" : "\(whole / 60) min \(whole % 60) s"
    }

}
