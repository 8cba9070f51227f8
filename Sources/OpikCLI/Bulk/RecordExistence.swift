import OpikCore
import Synchronization

/// Looks up many records of an entity by id (`GET /v1/private/spans/{id}`,
/// `GET /v1/private/traces/{id}`, which the server does not rate limit), several at a time
/// through `ParallelWork`, as the bulk upload sends batches. For each id: whether the record
/// exists, and the few fields the bulk commands need of it.
struct RecordExistence {
    /// What the bulk commands need of a record that exists; the rest of it (input, output,
    /// metadata) is dropped at once, so that many lookups keep little memory.
    struct Found: Equatable, Sendable {
        var projectId: String?
        /// Spans carry their project's name; traces only its id (see docs/SERVER.md#traces).
        var projectName: String?
        var name: String?
        /// How many spans a trace has, when the server said.
        var spanCount: Int?
        /// A span's trace and parent, which its updates must repeat.
        var traceId: String?
        var parentSpanId: String?

        init(_ record: JSONValue) {
            projectId = record["project_id"]?.stringValue
            projectName = record["project_name"]?.stringValue
            name = record["name"]?.stringValue
            spanCount = record["span_count"]?.intValue
            traceId = record["trace_id"]?.stringValue
            parentSpanId = record["parent_span_id"]?.stringValue
        }
    }

    let entity: Entity
    let ids: [String]
    /// The workers that look the ids up.
    let work: ParallelWork

    private final class Results: Sendable {
        /// Per id: what was found; nil when the record does not exist.
        let found: Mutex<[Found?]>
        init(count: Int) { found = Mutex(Array(repeating: nil, count: count)) }
    }

    /// What was found, by id; the ids the server does not know are absent. Throws the first
    /// error that is not a 404 (authentication, unreachable server), or `.interrupted`.
    func run() throws -> [String: Found] {
        guard !ids.isEmpty else { return [:] }
        let results = Results(count: ids.count)
        let (ids, entity) = (self.ids, self.entity)
        let outcome = work.run(count: ids.count) { index, client in
            do {
                let record = try RecordLookup.find(ids[index], entity: entity, client: client)
                let found = record.map(Found.init)
                results.found.withLock { $0[index] = found }
            } catch OpikError.interrupted {
                return .interrupted
            } catch let error as OpikError {
                return .stop(error)
            } catch {
                return .stop(OpikError.from(error))
            }
            return .next
        }
        if outcome.wasInterrupted { throw OpikError.interrupted(summary: "while checking the \(entity.plural); nothing was sent") }
        if let fatal = outcome.fatal { throw fatal }
        let found = results.found.withLock { $0 }
        var result: [String: Found] = [:]
        for (id, found) in zip(ids, found) { result[id] = found }
        return result
    }
}
