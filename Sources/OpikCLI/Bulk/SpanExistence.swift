#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import OpikCore
import Synchronization

/// Looks up many spans by id (`GET /v1/private/spans/{id}`), several at a time through
/// `ParallelWork`, as the bulk upload sends batches.
/// For each id: whether the span exists, and its project.
struct SpanExistence {
    enum Found: Equatable {
        case missing
        /// The span exists; its project name, when the server said.
        case span(projectName: String?)
    }

    let ids: [String]
    /// The workers that look the ids up.
    let work: ParallelWork

    private final class Results: Sendable {
        /// Per id, once looked up.
        let found: Mutex<[Found?]>
        init(count: Int) { found = Mutex(Array(repeating: nil, count: count)) }
    }

    /// What was found for each id. Throws the first error that is not a 404
    /// (authentication, unreachable server), or `.interrupted`.
    func run() throws -> [String: Found] {
        guard !ids.isEmpty else { return [:] }
        let results = Results(count: ids.count)
        let ids = self.ids
        let outcome = work.run(count: ids.count) { index, client in
            let id = ids[index]
            do {
                let span = try RecordLookup.fetch(id, entity: .span, client: client)
                let project = span["project_name"]?.stringValue
                results.found.withLock { $0[index] = .span(projectName: project) }
            } catch let OpikError.server(_, status, _, _) where status == 404 {
                results.found.withLock { $0[index] = .missing }
            } catch OpikError.interrupted {
                return .interrupted
            } catch let error as OpikError {
                return .stop(error)
            } catch {
                return .stop(OpikError.from(error))
            }
            return .next
        }
        if outcome.wasInterrupted { throw OpikError.interrupted(summary: "while checking the spans; nothing was uploaded") }
        if let fatal = outcome.fatal { throw fatal }
        let found = results.found.withLock { $0 }
        var result: [String: Found] = [:]
        for (id, found) in zip(ids, found) { result[id] = found ?? .missing }
        return result
    }
}
