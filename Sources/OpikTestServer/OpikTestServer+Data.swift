import Foundation
import OpikCore

/// Direct access to the stored data, for seeding and for assertions in tests.
extension OpikTestServer {
    /// Spans of a project as `GET /spans/{id}` shows them, newest id first.
    public func spans(project: String) -> [JSONValue] {
        api.store.withLock { store in
            guard let projectID = store.projectID(named: project), let record = store.projects[projectID] else { return [] }
            return record.spanIDs.reversed().compactMap { store.spans[$0]?.render(SpanRenderOptions(projectName: record.name)) }
        }
    }

    /// One span as `GET /spans/{id}` shows it.
    public func span(id: String) -> JSONValue? {
        api.store.withLock { store in
            guard let span = store.spans[id.lowercased()] else { return nil }
            return span.render(SpanRenderOptions(projectName: store.projects[span.projectID]?.name))
        }
    }

    /// Comments on a span, oldest first.
    public func comments(spanId: String) -> [JSONValue] {
        api.store.withLock { $0.spans[spanId.lowercased()]?.comments.map(\.json) ?? [] }
    }

    /// Feedback scores on a span as spans carry them (merged per name).
    public func scores(spanId: String) -> [JSONValue] {
        api.store.withLock { $0.spans[spanId.lowercased()]?.mergedScores ?? [] }
    }

    /// Stores a span without validation (the project is created when missing). Server-made
    /// fields (`created_at`) are taken from the value when present.
    public func insert(span: JSONValue, project: String) {
        api.store.withLock { store in
            let projectID = store.projectIDCreating(named: project)
            let id = span["id"]?.stringValue?.lowercased() ?? store.newID()
            var fields: [String: JSONValue] = [:]
            for name in SpanRecord.writableFields { if let value = span[name], !value.isNull { fields[name] = value } }
            let createdAt = span["created_at"]?.stringValue ?? Timestamp.format(micros: Timestamp.nowMicros())
            store.put(SpanRecord(id: id, projectID: projectID, fields: fields, createdAt: createdAt))
        }
    }

    /// Adds `count` deterministic sample spans to `project` (see `SampleSpans`).
    /// With `endingNear`, the spans are spread so that the newest start close to that time
    /// (the demo shows "3m ago" rather than a fixed date); without it they start at a fixed time.
    public func seed(project: String, count: Int, seed: UInt64 = 1, endingNear end: Date? = nil) {
        let start = end.map { Int64($0.timeIntervalSince1970 * 1_000_000) - Int64(count) * SampleSpans.averageMicrosPerSpan }
        api.store.withLock { store in
            let projectID = store.projectIDCreating(named: project)
            var generator = SampleSpans(seed: seed, startMicros: start ?? SampleSpans.defaultStartMicros)
            for _ in 0..<count {
                var span = generator.next(projectID: projectID)
                _ = span.streamForm()
                store.put(span)
            }
        }
    }

    /// Turns on a rate-limit bucket of docs/SERVER.md#rate-limiting (`Get-Spans`, `Search-Spans`, `Get-Span-Stats`,
    /// `Get-Span-Id`, `Spans-Exist`, `Single-Tracing-Ops`, `Workspace`, `User`).
    public func setRateLimit(bucket: String, limit: Int, windowMillis: Int) {
        api.limiter.withLock { $0.set(bucket: bucket, limit: limit, windowMillis: windowMillis) }
    }
}
