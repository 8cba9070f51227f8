import OpikCore

/// Updating spans and traces, one or a batch (see docs/SERVER.md#updating-spans and
/// docs/SERVER.md#how-traces-differ-from-spans).
extension OpikAPI {
    static func update(_ kind: RowKind, _ request: ServerRequest, _ id: String, _ store: inout DataStore) throws(APIFailure) -> ServerResponse {
        guard UUIDv7.isVersion7(id) else { throw .invalidID(kind) }
        let body = try APIFailure.json(request)
        guard case .object = body else { throw .code(400, "Unable to process JSON. Expected an object") }
        // A span update repeats its trace; a trace update needs no identity fields.
        let traceID = body["trace_id"]?.stringValue?.lowercased()
        if kind == .span && traceID == nil { throw .errors(422, "traceId must not be null") }
        try checkEnums(kind, body)
        try checkNumbers(kind, body, prefix: "")
        let projectID: String
        if let projectIDText = body["project_id"]?.stringValue {
            guard store.projects[projectIDText.lowercased()] != nil else { throw .errors(404, "Project not found") }
            projectID = projectIDText.lowercased()
        } else {
            projectID = store.projectIDCreating(named: body["project_name"]?.stringValue)
        }
        let identity: [String: JSONValue] = kind == .span
            ? ["trace_id": .string(traceID!), "parent_span_id": body["parent_span_id"]?.stringValue.map { .string($0.lowercased()) } ?? .null]
            : [:]
        let update = singleUpdate(kind, body)
        if let existing = store[kind, id] {
            if existing.projectID != projectID { throw .errors(409, "Project name and workspace name do not match the existing \(kind.name)") }
            for name in kind.identityFields where (existing[name] ?? .null) != identity[name] {
                throw .errors(409, "\(name) does not match the existing \(kind.name)")
            }
            var failure: APIFailure?
            store.update(kind, id) { row in failure = apply(update, to: &row, mergeTags: false) }
            if let failure { throw failure }
            return .empty(204)
        }
        var placeholder = Row(
            kind: kind, id: id, projectID: projectID, fields: ["start_time": "1970-01-01T00:00:00Z"],
            isPlaceholder: true, createdAt: Timestamp.format(micros: Timestamp.nowMicros()))
        for (name, value) in identity where !value.isNull { placeholder[name] = value }
        if kind == .trace { placeholder["visibility_mode"] = "default" }
        if let failure = apply(update, to: &placeholder, mergeTags: false) { throw failure }
        store.put(placeholder)
        return .empty(204)
    }

    static func updateBatch(_ kind: RowKind, _ request: ServerRequest, _ store: inout DataStore) throws(APIFailure) -> ServerResponse {
        let body = try APIFailure.json(request)
        guard let ids = body["ids"]?.arrayValue?.compactMap(\.stringValue) else { throw .errors(422, "ids must not be null") }
        guard (1...1000).contains(ids.count) else { throw .errors(422, "ids size must be between 1 and 1000") }
        guard Set(ids).count == ids.count else { throw .errors(422, "ids must only contain unique elements") }
        guard let update = body["update"], case .object = update else { throw .errors(422, "update must not be null") }
        if kind == .span && update["trace_id"]?.stringValue == nil { throw .errors(422, "update.traceId must not be null") }
        try checkEnums(kind, update)
        let mergeTags = body["merge_tags"] == .bool(true)
        for id in ids.map({ $0.lowercased() }) where store[kind, id] != nil {
            var failure: APIFailure?
            store.update(kind, id) { row in failure = apply(update, to: &row, mergeTags: mergeTags) }
            if let failure { throw failure }
        }
        return .empty(204)
    }

    /// The body as the single update of released servers uses it: on spans `tags_to_add` and
    /// `tags_to_remove` are accepted but dropped (only the batch update applies them), so the
    /// request succeeds and the tags stay as they were; traces apply them.
    static func singleUpdate(_ kind: RowKind, _ body: JSONValue) -> JSONValue {
        guard kind == .span else { return body }
        return .object((body.objectMembers ?? []).filter { $0.0 != "tags_to_add" && $0.0 != "tags_to_remove" })
    }

    /// Applies the non-null fields of a `SpanUpdate`; returns the 422 for a tag limit.
    static func apply(_ update: JSONValue, to span: inout Row, mergeTags: Bool) -> APIFailure? {
        for name in span.kind.updatableFields {
            if let value = update[name], !value.isNull { span[name] = value }
        }
        if span.kind == .span { CostEstimate.update(&span.fields, with: update) }
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
