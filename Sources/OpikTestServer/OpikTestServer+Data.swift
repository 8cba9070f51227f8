import Foundation
import OpikCore

/// Direct access to the stored data, for seeding and for assertions in tests.
extension OpikTestServer {
    /// Spans of a project as `GET /spans/{id}` shows them, newest id first.
    package func spans(project: String) -> [JSONValue] {
        api.store.withLock { store in
            guard let projectID = store.projectID(named: project), let record = store.projects[projectID] else { return [] }
            return store.spans.ids(in: projectID).reversed().compactMap { store.spans[$0].map { store.render($0, RenderOptions(projectName: record.name)) } }
        }
    }

    /// One span as `GET /spans/{id}` shows it.
    package func span(id: String) -> JSONValue? {
        api.store.withLock { store in
            guard let span = store.spans[id.lowercased()] else { return nil }
            return store.render(span, RenderOptions(projectName: store.projects[span.projectID]?.name))
        }
    }

    /// Comments on a span, oldest first.
    package func comments(spanId: String) -> [JSONValue] {
        api.store.withLock { $0.spans[spanId.lowercased()]?.comments.map(\.json) ?? [] }
    }

    /// Feedback scores on a span as spans carry them (merged per name).
    package func scores(spanId: String) -> [JSONValue] {
        api.store.withLock { $0.spans[spanId.lowercased()]?.mergedScores ?? [] }
    }

    /// Traces of a project as `GET /traces/{id}` shows them, newest id first.
    package func traces(project: String) -> [JSONValue] {
        api.store.withLock { store in
            guard let projectID = store.projectID(named: project) else { return [] }
            return store.traces.ids(in: projectID).reversed().compactMap { id in
                store.traces[id].map { store.render($0, RenderOptions(single: true)) }
            }
        }
    }

    /// Stores a span without validation (the project is created when missing). Server-made
    /// fields (`created_at`) are taken from the value when present. Unless `createTrace` is
    /// false, a span whose trace has no row gets one, named and timed like the span, as the
    /// SDK creates the trace of the spans it logs; the test then sees the span from trace
    /// endpoints too.
    package func insert(span: JSONValue, project: String, createTrace: Bool = true) {
        api.store.withLock { store in
            let row = Self.row(.span, span, project: project, &store)
            store.put(row)
            if createTrace, let traceID = row["trace_id"]?.stringValue, store.traces[traceID] == nil {
                var fields: [String: JSONValue] = ["visibility_mode": "default"]
                for name in ["name", "start_time", "end_time"] { fields[name] = row[name] }
                store.put(Row(kind: .trace, id: traceID, projectID: row.projectID, fields: fields, createdAt: row.createdAt))
            }
        }
    }

    /// Stores a trace without validation (the project is created when missing); `visibility_mode`
    /// is taken from the value (`default` when absent), so a test can store a hidden trace.
    package func insert(trace: JSONValue, project: String) {
        api.store.withLock { store in
            var row = Self.row(.trace, trace, project: project, &store)
            row["visibility_mode"] = trace["visibility_mode"] ?? "default"
            store.put(row)
        }
    }

    private static func row(_ kind: RowKind, _ value: JSONValue, project: String, _ store: inout DataStore) -> Row {
        let projectID = store.projectIDCreating(named: project)
        let id = value["id"]?.stringValue?.lowercased() ?? store.newID()
        var fields: [String: JSONValue] = [:]
        for name in kind.writableFields { if let field = value[name], !field.isNull { fields[name] = field } }
        let createdAt = value["created_at"]?.stringValue ?? Timestamp.format(micros: Timestamp.nowMicros())
        return Row(kind: kind, id: id, projectID: projectID, fields: fields, createdAt: createdAt)
    }

    /// Adds `count` deterministic sample spans to `project`, grouped into trace rows (see
    /// `SampleSpans`); from `SampleSpans.shapesFrom` spans on, the sample has its deep, wide and
    /// orphaned trees. With `endingNear`, the spans are spread so that the newest start close to
    /// that time (the demo shows "3m ago" rather than a fixed date); without it they start at a
    /// fixed time. Before them come `traces` small traces of 0–2 spans each (for listing
    /// benchmarks) and, with `treeSpans` above 0, one trace `big-tree` of that many spans.
    public func seed(project: String, count: Int, traces: Int = 0, treeSpans: Int = 0, seed: UInt64 = 1, endingNear end: Date? = nil) {
        let start = end.map { Int64($0.timeIntervalSince1970 * 1_000_000) - Int64(count) * SampleSpans.averageMicrosPerSpan }
            ?? SampleSpans.defaultStartMicros
        api.store.withLock { store in
            let projectID = store.projectIDCreating(named: project)
            // The extras end a minute before the sample starts: the tree, and the small traces before it.
            let treeStart = start - 60_000_000 - Int64(treeSpans + 1) * 1000
            let bulkStart = treeStart - 60_000_000 - Int64(traces) * 1_000_000
            var extras = SampleTraces.bulk(count: traces, projectID: projectID, startMicros: bulkStart, seed: seed)
            if treeSpans > 0 { extras += SampleTraces.tree(count: treeSpans, projectID: projectID, startMicros: treeStart, seed: seed) }
            var generator = SampleSpans(seed: seed, startMicros: start, shapes: count >= SampleSpans.shapesFrom)
            for _ in 0..<count {
                let (span, trace) = generator.next(projectID: projectID)
                if let trace { extras.append(trace) }
                extras.append(span)
            }
            // The sample's stream forms are made now, so that a first search is fast; the
            // benchmark extras make theirs when first streamed.
            let sampleFrom = extras.count - count - generator.traceCount
            for (index, var row) in extras.enumerated() {
                if row.kind == .span && index >= sampleFrom { _ = row.streamForm() }
                store.put(row)
            }
        }
    }

    /// Turns on a rate-limit bucket of docs/SERVER.md#rate-limiting (`Get-Spans`, `Search-Spans`, `Get-Span-Stats`,
    /// `Get-Span-Id`, `Spans-Exist`, `Get-Traces`, `Search-Traces`, `Get-Trace-Stats`, `Traces-Exist`,
    /// `Single-Tracing-Ops`, `Workspace`, `User`).
    package func setRateLimit(bucket: String, limit: Int, windowMillis: Int) {
        api.limiter.withLock { $0.set(bucket: bucket, limit: limit, windowMillis: windowMillis) }
    }
}
