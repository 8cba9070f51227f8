#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import OpikCore
import Synchronization

/// Looks up many spans by id (`GET /v1/private/spans/{id}`), `parallel` at a time, each worker
/// with its own client and so its own kept-alive connection, as the bulk upload sends batches.
/// For each id: whether the span exists, and its project.
struct SpanExistence {
    enum Found: Equatable {
        case missing
        /// The span exists; its project name, when the server said.
        case span(projectName: String?)
    }

    let ids: [String]
    let parallel: Int
    let factory: ClientFactory
    let context: Context
    let gate: StderrGate
    let isQuiet: Bool

    private struct State {
        var next = 0
        /// Per id, once looked up.
        var found: [Found?]
        var fatal: OpikError?
        var wasInterrupted = false
    }

    private final class Shared: Sendable {
        let state: Mutex<State>
        init(_ state: State) { self.state = Mutex(state) }
    }

    /// What was found for each id. Throws the first error that is not a 404
    /// (authentication, unreachable server), or `.interrupted`.
    func run() throws -> [String: Found] {
        guard !ids.isEmpty else { return [:] }
        let shared = Shared(State(found: Array(repeating: nil, count: ids.count)))
        let lookup = self
        WorkerThreads.run(count: max(1, min(parallel, ids.count))) { _ in lookup.work(shared.state) }
        let state = shared.state.withLock { $0 }
        if state.wasInterrupted { throw OpikError.interrupted(summary: "while checking the spans; nothing was uploaded") }
        if let fatal = state.fatal { throw fatal }
        var result: [String: Found] = [:]
        for (id, found) in zip(ids, state.found) { result[id] = found ?? .missing }
        return result
    }

    private func work(_ state: borrowing Mutex<State>) {
        let gate = self.gate
        let isQuiet = self.isQuiet
        let client = factory.make(
            log: { gate.write(lines: [$0]) },
            onWait: { message in if !isQuiet { gate.write(lines: ["opik: \(message)"]) } })
        while true {
            let index: Int? = state.withLock { state in
                if context.isInterrupted() { state.wasInterrupted = true }
                guard !state.wasInterrupted, state.fatal == nil, state.next < ids.count else { return nil }
                state.next += 1
                return state.next - 1
            }
            guard let index else { return }
            let id = ids[index]
            do {
                let span = try SpansGet.fetch(id, client: client)
                let project = span["project_name"]?.stringValue
                state.withLock { $0.found[index] = .span(projectName: project) }
            } catch let OpikError.server(_, status, _, _) where status == 404 {
                state.withLock { $0.found[index] = .missing }
            } catch OpikError.interrupted {
                state.withLock { $0.wasInterrupted = true }
            } catch let error as OpikError {
                state.withLock { if $0.fatal == nil { $0.fatal = error } }
            } catch {
                state.withLock { if $0.fatal == nil { $0.fatal = OpikError.from(error) } }
            }
        }
    }
}
