import OpikCore

/// Creating spans and traces, one or a batch (see docs/SERVER.md#creating-spans and
/// docs/SERVER.md#how-traces-differ-from-spans).
extension OpikAPI {
    /// A body checked as the server checks it, with its id and project resolved.
    static func validated(_ kind: RowKind, _ body: JSONValue, _ store: inout DataStore, index: Int? = nil) throws(APIFailure) -> Row {
        guard case .object = body else { throw .code(400, "Unable to process JSON. Expected a \(kind.name) object") }
        var id: String
        if let value = body["id"], !value.isNull {
            guard let text = value.stringValue, UUIDv7.isUUID(text) else {
                throw .code(400, "Unable to process JSON. Cannot deserialize value of type `java.util.UUID` from \(JSONWriter.compact(value))")
            }
            guard UUIDv7.isVersion7(text) else { throw .invalidID(kind) }
            id = text.lowercased()
        } else {
            id = store.newID()
        }
        let prefix = index.map { "\(kind.plural)[\($0)]." } ?? ""
        guard body["start_time"].map({ !$0.isNull }) == true else { throw .errors(422, "\(prefix)startTime must not be null") }
        for name in ["start_time", "end_time", "last_updated_at"] {
            if let value = body[name], !value.isNull, value.stringValue.flatMap(Timestamp.micros) == nil {
                throw .code(400, "Unable to process JSON. Cannot deserialize value of type `java.time.Instant` from \(JSONWriter.compact(value))")
            }
        }
        try checkEnums(kind, body)
        try checkNumbers(kind, body, prefix: prefix)
        var fields: [String: JSONValue] = [:]
        for name in kind.writableFields {
            if let value = body[name], !value.isNull { fields[name] = value }
        }
        for name in kind.identityFields {
            if let text = fields[name]?.stringValue { fields[name] = .string(text.lowercased()) }
        }
        // Only the server makes hidden traces; what clients write is `default`.
        if kind == .span { CostEstimate.create(&fields) } else { fields["visibility_mode"] = "default" }
        let projectID = store.projectIDCreating(named: body["project_name"]?.stringValue)
        let now = Timestamp.format(micros: Timestamp.nowMicros())
        return Row(kind: kind, id: id, projectID: projectID, fields: fields, createdAt: now)
    }

    /// The 422s for a negative span cost or trace `ttft`.
    static func checkNumbers(_ kind: RowKind, _ body: JSONValue, prefix: String) throws(APIFailure) {
        let (name, camel, bound) = kind == .span ? ("total_estimated_cost", "totalEstimatedCost", "0.0") : ("ttft", "ttft", "0")
        if let value = body[name]?.doubleValue, value < 0 {
            throw .errors(422, "\(prefix)\(camel) must be greater than or equal to \(bound)")
        }
    }

    static func checkEnums(_ kind: RowKind, _ body: JSONValue) throws(APIFailure) {
        var enums: [(String, Set<String>, String)] = [
            ("source", RowKind.sources, "Source"),
        ]
        if kind == .span { enums.insert(("type", RowKind.spanTypes, "SpanType"), at: 0) }
        for (name, allowed, typeName) in enums {
            if let value = body[name], !value.isNull, !(value.stringValue.map(allowed.contains) ?? false) {
                throw .code(400, "Unable to process JSON. Cannot deserialize value of type `\(typeName)` from String \(JSONWriter.compact(value))")
            }
        }
    }

    static func location(_ request: ServerRequest, _ path: String) -> String {
        "http://\(request.header("Host") ?? "127.0.0.1")\(path)"
    }

    static func create(_ kind: RowKind, _ request: ServerRequest, _ store: inout DataStore) throws(APIFailure) -> ServerResponse {
        let row = try validated(kind, try APIFailure.json(request), &store)
        let created = ServerResponse.empty(201, headers: [("Location", location(request, "/v1/private/\(kind.plural)/\(row.id)"))])
        guard let existing = store[kind, row.id] else {
            store.put(row)
            return created
        }
        let mismatch = APIFailure.errors(409, "Project name and workspace name do not match the existing \(kind.name)")
        // A complete span written again is a silent 201; a complete trace is a 409.
        guard existing.isPlaceholder else {
            guard kind == .trace else { return created }
            throw existing.projectID != row.projectID ? mismatch : .errors(409, "Trace already exists")
        }
        if existing.projectID != row.projectID { throw mismatch }
        for name in kind.identityFields where existing[name] != row[name] {
            throw .errors(409, "\(name) does not match the existing \(kind.name)")
        }
        var merged = row
        merged.scores = existing.scores
        merged.comments = existing.comments
        for (name, value) in existing.fields where name != "start_time" { merged.fields[name] = value }
        store.put(merged)
        return created
    }

    static func createBatch(_ kind: RowKind, _ request: ServerRequest, _ store: inout DataStore) throws(APIFailure) -> ServerResponse {
        let body = try APIFailure.json(request)
        let key = kind.plural
        guard let items = body[key]?.arrayValue, (1...1000).contains(items.count) else {
            if body[key]?.arrayValue == nil && body[key] != nil { throw .code(400, "Unable to process JSON. \(key) must be an array") }
            throw .errors(422, body[key] == nil ? "\(key) must not be null" : "\(key) size must be between 1 and 1000")
        }
        var incoming: [Row] = []
        for (index, item) in items.enumerated() { incoming.append(try validated(kind, item, &store, index: index)) }
        let now = Timestamp.format(micros: Timestamp.nowMicros())
        for var row in incoming {
            if row["last_updated_at"] == nil { row["last_updated_at"] = .string(now) }
            // Rows are versioned by last_updated_at; a read keeps the greatest (ties: the later write).
            if let existing = store[kind, row.id] {
                let old = Timestamp.micros(existing.lastUpdatedAt) ?? 0
                let new = Timestamp.micros(row.lastUpdatedAt) ?? 0
                if old > new { continue }
                row.scores = existing.scores
                row.comments = existing.comments
                row.createdAt = existing.createdAt
            }
            store.put(row)
        }
        return .empty(204)
    }
}
