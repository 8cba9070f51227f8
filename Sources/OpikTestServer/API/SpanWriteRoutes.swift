import OpikCore

/// `POST /spans`, `POST /spans/batch`, `PATCH /spans/{id}` and `PATCH /spans/batch` (see docs/SERVER.md#creating-spans, docs/SERVER.md#updating-spans).
extension OpikAPI {
    /// A span body checked as the server checks it, with its id and project resolved.
    static func validatedSpan(_ body: JSONValue, _ store: inout SpanStore, index: Int? = nil) throws(APIFailure) -> SpanRecord {
        guard case .object = body else { throw .code(400, "Unable to process JSON. Expected a span object") }
        var id: String
        if let value = body["id"], !value.isNull {
            guard let text = value.stringValue, UUIDv7.isUUID(text) else {
                throw .code(400, "Unable to process JSON. Cannot deserialize value of type `java.util.UUID` from \(JSONWriter.compact(value))")
            }
            guard UUIDv7.isVersion7(text) else { throw .invalidSpanID }
            id = text.lowercased()
        } else {
            id = store.newID()
        }
        let prefix = index.map { "spans[\($0)]." } ?? ""
        guard let start = body["start_time"], !start.isNull else { throw .errors(422, "\(prefix)startTime must not be null") }
        for name in ["start_time", "end_time", "last_updated_at"] {
            if let value = body[name], !value.isNull, value.stringValue.flatMap(Timestamp.micros) == nil {
                throw .code(400, "Unable to process JSON. Cannot deserialize value of type `java.time.Instant` from \(JSONWriter.compact(value))")
            }
        }
        _ = start
        try checkEnums(body)
        if let cost = body["total_estimated_cost"], let value = cost.doubleValue, value < 0 {
            throw .errors(422, "\(prefix)totalEstimatedCost must be greater than or equal to 0.0")
        }
        var fields: [String: JSONValue] = [:]
        for name in SpanRecord.writableFields {
            if let value = body[name], !value.isNull { fields[name] = value }
        }
        for name in ["trace_id", "parent_span_id"] {
            if let text = fields[name]?.stringValue { fields[name] = .string(text.lowercased()) }
        }
        CostEstimate.create(&fields)
        let projectID = store.projectIDCreating(named: body["project_name"]?.stringValue)
        let now = Timestamp.format(micros: Timestamp.nowMicros())
        return SpanRecord(id: id, projectID: projectID, fields: fields, createdAt: now)
    }

    static func checkEnums(_ body: JSONValue) throws(APIFailure) {
        let enums: [(String, Set<String>, String)] = [
            ("type", SpanQuery.spanTypes, "SpanType"),
            ("source", ["sdk", "experiment", "playground", "optimization", "evaluator"], "Source"),
        ]
        for (name, allowed, typeName) in enums {
            if let value = body[name], !value.isNull, !(value.stringValue.map(allowed.contains) ?? false) {
                throw .code(400, "Unable to process JSON. Cannot deserialize value of type `\(typeName)` from String \(JSONWriter.compact(value))")
            }
        }
    }

    static func location(_ request: ServerRequest, _ path: String) -> String {
        "http://\(request.header("Host") ?? "127.0.0.1")\(path)"
    }

    static func createSpan(_ request: ServerRequest, _ store: inout SpanStore) throws(APIFailure) -> ServerResponse {
        let span = try validatedSpan(try APIFailure.json(request), &store)
        let created = ServerResponse.empty(201, headers: [("Location", location(request, "/v1/private/spans/\(span.id)"))])
        guard let existing = store.spans[span.id] else {
            store.put(span)
            return created
        }
        guard existing.isPlaceholder else { return created }
        if existing.projectID != span.projectID { throw .errors(409, "Project name and workspace name do not match the existing span") }
        if existing["trace_id"] != span["trace_id"] { throw .errors(409, "trace_id does not match the existing span") }
        if existing["parent_span_id"] != span["parent_span_id"] { throw .errors(409, "parent_span_id does not match the existing span") }
        var merged = span
        merged.scores = existing.scores
        merged.comments = existing.comments
        for (name, value) in existing.fields where name != "start_time" { merged.fields[name] = value }
        store.put(merged)
        return created
    }

    static func createSpanBatch(_ request: ServerRequest, _ store: inout SpanStore) throws(APIFailure) -> ServerResponse {
        let body = try APIFailure.json(request)
        guard let items = body["spans"]?.arrayValue, (1...1000).contains(items.count) else {
            if body["spans"]?.arrayValue == nil && body["spans"] != nil { throw .code(400, "Unable to process JSON. spans must be an array") }
            throw .errors(422, body["spans"] == nil ? "spans must not be null" : "spans size must be between 1 and 1000")
        }
        var incoming: [SpanRecord] = []
        for (index, item) in items.enumerated() { incoming.append(try validatedSpan(item, &store, index: index)) }
        let now = Timestamp.format(micros: Timestamp.nowMicros())
        for var span in incoming {
            if span["last_updated_at"] == nil { span["last_updated_at"] = .string(now) }
            // Rows are versioned by last_updated_at; a read keeps the greatest (ties: the later write).
            if let existing = store.spans[span.id] {
                let old = Timestamp.micros(existing.lastUpdatedAt) ?? 0
                let new = Timestamp.micros(span.lastUpdatedAt) ?? 0
                if old > new { continue }
                span.scores = existing.scores
                span.comments = existing.comments
                span.createdAt = existing.createdAt
            }
            store.put(span)
        }
        return .empty(204)
    }

    static func updateSpan(_ request: ServerRequest, _ id: String, _ store: inout SpanStore) throws(APIFailure) -> ServerResponse {
        guard UUIDv7.isVersion7(id) else { throw .invalidSpanID }
        let body = try APIFailure.json(request)
        guard case .object = body else { throw .code(400, "Unable to process JSON. Expected an object") }
        guard let traceID = body["trace_id"]?.stringValue?.lowercased() else { throw .errors(422, "traceId must not be null") }
        try checkEnums(body)
        if let cost = body["total_estimated_cost"]?.doubleValue, cost < 0 {
            throw .errors(422, "totalEstimatedCost must be greater than or equal to 0.0")
        }
        let projectID: String
        if let projectIDText = body["project_id"]?.stringValue {
            guard store.projects[projectIDText.lowercased()] != nil else { throw .errors(404, "Project not found") }
            projectID = projectIDText.lowercased()
        } else {
            projectID = store.projectIDCreating(named: body["project_name"]?.stringValue)
        }
        let parent = body["parent_span_id"]?.stringValue?.lowercased()
        if let existing = store.spans[id] {
            if existing.projectID != projectID { throw .errors(409, "Project name and workspace name do not match the existing span") }
            if existing["trace_id"]?.stringValue != traceID { throw .errors(409, "trace_id does not match the existing span") }
            if existing["parent_span_id"]?.stringValue != parent { throw .errors(409, "parent_span_id does not match the existing span") }
            var failure: APIFailure?
            store.update(id) { span in failure = apply(singleSpanUpdate(body), to: &span, mergeTags: false) }
            if let failure { throw failure }
            return .empty(204)
        }
        var placeholder = SpanRecord(
            id: id, projectID: projectID, fields: ["trace_id": .string(traceID), "start_time": "1970-01-01T00:00:00Z"],
            isPlaceholder: true, createdAt: Timestamp.format(micros: Timestamp.nowMicros()))
        if let parent { placeholder["parent_span_id"] = .string(parent) }
        if let failure = apply(singleSpanUpdate(body), to: &placeholder, mergeTags: false) { throw failure }
        store.put(placeholder)
        return .empty(204)
    }

    static func updateSpanBatch(_ request: ServerRequest, _ store: inout SpanStore) throws(APIFailure) -> ServerResponse {
        let body = try APIFailure.json(request)
        guard let ids = body["ids"]?.arrayValue?.compactMap(\.stringValue) else { throw .errors(422, "ids must not be null") }
        guard (1...1000).contains(ids.count) else { throw .errors(422, "ids size must be between 1 and 1000") }
        guard Set(ids).count == ids.count else { throw .errors(422, "ids must only contain unique elements") }
        guard let update = body["update"], case .object = update else { throw .errors(422, "update must not be null") }
        guard update["trace_id"]?.stringValue != nil else { throw .errors(422, "update.traceId must not be null") }
        try checkEnums(update)
        let mergeTags = body["merge_tags"] == .bool(true)
        for id in ids.map({ $0.lowercased() }) where store.spans[id] != nil {
            var failure: APIFailure?
            store.update(id) { span in failure = apply(update, to: &span, mergeTags: mergeTags) }
            if let failure { throw failure }
        }
        return .empty(204)
    }

    /// The body as the single-span update of released servers uses it: `tags_to_add` and
    /// `tags_to_remove` are accepted but dropped (only the batch update applies them), so the
    /// request succeeds and the tags stay as they were.
    static func singleSpanUpdate(_ body: JSONValue) -> JSONValue {
        .object((body.objectMembers ?? []).filter { $0.0 != "tags_to_add" && $0.0 != "tags_to_remove" })
    }

    /// Applies the non-null fields of a `SpanUpdate`; returns the 422 for a tag limit.
    static func apply(_ update: JSONValue, to span: inout SpanRecord, mergeTags: Bool) -> APIFailure? {
        for name in ["name", "type", "end_time", "input", "output", "metadata", "model", "provider", "usage",
            "error_info", "ttft", "source", "environment"]
        {
            if let value = update[name], !value.isNull { span[name] = value }
        }
        CostEstimate.update(&span.fields, with: update)
        var tags = span["tags"]?.arrayValue?.compactMap(\.stringValue) ?? []
        let add = update["tags_to_add"]?.arrayValue?.compactMap(\.stringValue)
        let remove = update["tags_to_remove"]?.arrayValue?.compactMap(\.stringValue)
        let replace = update["tags"]?.arrayValue?.compactMap(\.stringValue)
        for list in [add, remove, replace] {
            if let list, list.count > 50 { return .errors(422, "Tag limit exceeded: maximum 50 tags per item") }
        }
        if add != nil || remove != nil {
            for tag in add ?? [] where !tags.contains(tag) { tags.append(tag) }
            tags.removeAll { (remove ?? []).contains($0) }
        } else if let replace {
            if mergeTags {
                for tag in replace where !tags.contains(tag) { tags.append(tag) }
            } else {
                tags = replace
            }
        }
        guard tags.count <= 50 else { return .errors(422, "Tag limit exceeded: maximum 50 tags per item") }
        if add != nil || remove != nil || replace != nil { span["tags"] = .array(tags.map { .string($0) }) }
        span["last_updated_at"] = .string(Timestamp.format(micros: Timestamp.nowMicros()))
        return nil
    }
}
