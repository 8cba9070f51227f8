/// The span aggregates of the traces one request reads, each computed at most once: a
/// request's filters, sorting, rendering and stats all read them. Made per request and dropped
/// with it, so that it never outlives a change to the store.
final class AggregateCache {
    private var byTrace: [String: SpanAggregate] = [:]

    /// The aggregate of `trace` over its spans in `store`.
    func of(_ trace: Row, in store: DataStore) -> SpanAggregate {
        if let known = byTrace[trace.id] { return known }
        let computed = store.aggregate(of: trace)
        byTrace[trace.id] = computed
        return computed
    }
}
