import OpikCore
import Synchronization

/// Runs the items `0..<count` of a bulk job, `parallel` workers at a time, each worker with its
/// own client (and so its own kept-alive connection: a libcurl handle must not be shared between
/// threads). Workers take the next index until none is left, the user interrupts, or an item
/// reports an error that every other item would meet too.
struct ParallelWork: Sendable {
    /// What an item tells the queue once it is done.
    enum Step: Sendable {
        /// Take the next item.
        case next
        /// The user interrupted: take no more items.
        case interrupted
        /// An error that stops every worker (authentication, unreachable server); the first wins.
        case stop(OpikError)
    }

    /// Why the workers stopped early, if they did.
    struct Outcome {
        var wasInterrupted: Bool
        var fatal: OpikError?
    }

    let parallel: Int
    let factory: ClientFactory
    let context: Context
    let gate: StderrGate
    let isQuiet: Bool

    /// Workers with the session's client settings, stderr shared line by line.
    init(session: Session, context: Context, parallel: Int = BulkOptions.defaultParallel) {
        self.init(parallel: parallel, factory: session.clientFactory, context: context,
                  gate: StderrGate(stderr: context.stderr), isQuiet: session.isQuiet)
    }

    init(parallel: Int, factory: ClientFactory, context: Context, gate: StderrGate, isQuiet: Bool) {
        self.parallel = parallel
        self.factory = factory
        self.context = context
        self.gate = gate
        self.isQuiet = isQuiet
    }

    private struct Queue {
        var next = 0
        var wasInterrupted = false
        var fatal: OpikError?
    }

    private final class Shared: Sendable {
        let queue = Mutex(Queue())
    }

    /// Calls `item(index, client)` once for each index taken, on up to `parallel` threads
    /// (at least one), and waits for all of them.
    func run(count: Int, _ item: @escaping @Sendable (_ index: Int, _ client: OpikClient) -> Step) -> Outcome {
        let shared = Shared()
        let work = self
        WorkerThreads.run(count: max(1, min(parallel, count))) { _ in
            work.work(count: count, queue: shared.queue, item: item)
        }
        return shared.queue.withLock { Outcome(wasInterrupted: $0.wasInterrupted, fatal: $0.fatal) }
    }

    private func work(count: Int, queue: borrowing Mutex<Queue>, item: (Int, OpikClient) -> Step) {
        let gate = self.gate
        let isQuiet = self.isQuiet
        let client = factory.make(
            log: { gate.write(lines: [$0]) },
            onWait: { message in if !isQuiet { gate.write(lines: ["opik: \(message)"]) } })
        while true {
            let index: Int? = queue.withLock { queue in
                if context.isInterrupted() { queue.wasInterrupted = true }
                guard !queue.wasInterrupted, queue.fatal == nil, queue.next < count else { return nil }
                queue.next += 1
                return queue.next - 1
            }
            guard let index else { return }
            switch item(index, client) {
            case .next: continue
            case .interrupted:
                queue.withLock { $0.wasInterrupted = true }
                return
            case let .stop(error):
                queue.withLock { if $0.fatal == nil { $0.fatal = error } }
            }
        }
    }
}
