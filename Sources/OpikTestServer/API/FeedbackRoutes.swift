import OpikCore

/// Feedback scores and comments on spans and traces (see docs/SERVER.md#feedback-scores and docs/SERVER.md#comments).
extension OpikAPI {
    static let scoreSources: Set<String> = ["ui", "sdk", "online_scoring"]

    private static func score(_ item: JSONValue, prefix: String) throws(APIFailure) -> ScoreRecord {
        guard let name = item["name"]?.stringValue, !name.trimmed(" ").isEmpty else {
            throw .errors(422, "\(prefix)name must not be blank")
        }
        guard let value = item["value"], case let .number(text) = value else { throw .errors(422, "\(prefix)value must not be null") }
        guard let number = Double(text), abs(number) <= 999_999_999.999999999 else {
            throw .errors(422, "\(prefix)value must be less than or equal to 999999999.999999999")
        }
        guard let source = item["source"]?.stringValue else { throw .errors(422, "\(prefix)source must not be null") }
        guard scoreSources.contains(source) else {
            throw .code(400, "Unable to process JSON. Cannot deserialize value of type `ScoreSource` from String \"\(source)\"")
        }
        let now = Timestamp.format(micros: Timestamp.nowMicros())
        return ScoreRecord(
            name: name, value: value, reason: item["reason"]?.stringValue, categoryName: item["category_name"]?.stringValue,
            source: source, author: item["author"]?.stringValue ?? "admin", createdAt: now, lastUpdatedAt: now)
    }

    private static func store(_ score: ScoreRecord, on kind: RowKind, _ id: String, _ store: inout DataStore) {
        store.update(kind, id) { span in
            if let index = span.scores.firstIndex(where: { $0.name == score.name && $0.author == score.author }) {
                var replaced = score
                replaced.createdAt = span.scores[index].createdAt
                span.scores[index] = replaced
            } else {
                span.scores.append(score)
            }
        }
    }

    static func putScore(_ kind: RowKind, _ request: ServerRequest, _ id: String, _ store: inout DataStore) throws(APIFailure) -> ServerResponse {
        let record = try score(try APIFailure.json(request), prefix: "")
        guard store[kind, id] != nil else {
            throw .code(404, kind == .span ? "Span not found" : "Trace id: \(id) not found")
        }
        Self.store(record, on: kind, id, &store)
        return .empty(204)
    }

    static func putScoreBatch(_ kind: RowKind, _ request: ServerRequest, _ store: inout DataStore) throws(APIFailure) -> ServerResponse {
        let body = try APIFailure.json(request)
        guard let items = body["scores"]?.arrayValue else { throw .errors(422, "scores must not be null") }
        guard (1...1000).contains(items.count) else { throw .errors(422, "scores size must be between 1 and 1000") }
        var records: [(String, String, ScoreRecord)] = []
        for (index, item) in items.enumerated() {
            guard let id = item["id"]?.stringValue else { throw .errors(422, "scores[\(index)].id must not be null") }
            guard UUIDv7.isVersion7(id) else {
                throw .code(400, "Invalid UUID for id", details: "\(kind.name) id must be a version 7 UUID")
            }
            let record = try score(item, prefix: "scores[\(index)].")
            let projectID = store.projectIDCreating(named: item["project_name"]?.stringValue)
            records.append((id.lowercased(), projectID, record))
        }
        // A score lands under the project named in the item (`Default Project` without one); it
        // shows on the span or trace only when they agree.
        for (id, projectID, record) in records where record.categoryName != "suite_assertion" {
            if store[kind, id]?.projectID == projectID { Self.store(record, on: kind, id, &store) }
        }
        return .empty(204)
    }

    static func deleteScore(_ kind: RowKind, _ request: ServerRequest, _ id: String, _ store: inout DataStore) throws(APIFailure) -> ServerResponse {
        let body = try APIFailure.json(request)
        guard let name = body["name"]?.stringValue, !name.isEmpty else { throw .errors(422, "name must not be blank") }
        let author = body["author"]?.stringValue
        store.update(kind, id) { span in span.scores.removeAll { $0.name == name && (author == nil || $0.author == author) } }
        return .empty(204)
    }

    /// Span score names need a project; trace score names without one cover every project.
    static func scoreNames(_ kind: RowKind, _ request: ServerRequest, _ store: inout DataStore) throws(APIFailure) -> ServerResponse {
        let table = store.table(kind)
        var ids: [String]
        if let projectID = request.queryValue("project_id")?.lowercased() {
            guard store.projects[projectID] != nil else {
                throw kind == .span ? .code(404, "Project id: \(projectID) not found") : .errors(404, "Project not found")
            }
            ids = table.ids(in: projectID)
        } else {
            guard kind == .trace else { throw .code(400, "project_id must be provided") }
            ids = Array(table.rows.keys)
        }
        let type = kind == .span ? request.queryValue("type") : nil
        var names = Set<String>()
        for id in ids {
            guard let span = table[id] else { continue }
            if let type, span["type"]?.stringValue != type { continue }
            for score in span.scores { names.insert(score.name) }
        }
        return .json(200, ["scores": .array(names.sorted().map { ["name": .string($0)] })])
    }

    static func createComment(_ kind: RowKind, _ request: ServerRequest, _ id: String, _ store: inout DataStore) throws(APIFailure) -> ServerResponse {
        let body = try APIFailure.json(request)
        guard let text = body["text"]?.stringValue, !text.trimmed(" \n\t").isEmpty else {
            throw .errors(422, "text must not be blank")
        }
        guard store[kind, id] != nil else { throw .code(404, "\(kind.name) id: \(id) not found") }
        let now = Timestamp.format(micros: Timestamp.nowMicros())
        let comment = CommentRecord(id: store.newID(), text: text, createdAt: now, lastUpdatedAt: now, author: "admin")
        store.update(kind, id) { $0.comments.append(comment) }
        let location = location(request, "/v1/private/\(kind.plural)/\(id)/comments/\(comment.id)")
        return .json(201, ["id": .string(comment.id)], headers: [("Location", location)])
    }

    static func getComment(_ kind: RowKind, _ rowID: String, _ commentID: String, _ store: inout DataStore) throws(APIFailure) -> ServerResponse {
        guard let comment = store[kind, rowID]?.comments.first(where: { $0.id == commentID.lowercased() }) else {
            throw .code(404, "Comment id: \(commentID) not found")
        }
        return .json(200, comment.json)
    }

    static func updateComment(_ kind: RowKind, _ request: ServerRequest, _ commentID: String, _ store: inout DataStore) throws(APIFailure) -> ServerResponse {
        let body = try APIFailure.json(request)
        guard let text = body["text"]?.stringValue, !text.trimmed(" \n\t").isEmpty else {
            throw .errors(422, "text must not be blank")
        }
        let id = commentID.lowercased()
        guard let rowID = store.table(kind).rows.first(where: { $0.value.comments.contains { $0.id == id } })?.key else {
            throw .code(404, "Comment id: \(commentID) not found")
        }
        let now = Timestamp.format(micros: Timestamp.nowMicros())
        store.update(kind, rowID) { span in
            if let index = span.comments.firstIndex(where: { $0.id == id }) {
                span.comments[index].text = text
                span.comments[index].lastUpdatedAt = now
            }
        }
        return .empty(204)
    }

    static func deleteComments(_ kind: RowKind, _ request: ServerRequest, _ store: inout DataStore) throws(APIFailure) -> ServerResponse {
        let body = try APIFailure.json(request)
        guard let ids = body["ids"]?.arrayValue?.compactMap(\.stringValue) else { throw .errors(422, "ids must not be null") }
        guard (1...1000).contains(ids.count) else { throw .errors(422, "ids size must be between 1 and 1000") }
        let doomed = Set(ids.map { $0.lowercased() })
        let owners = store.table(kind).rows.filter { $0.value.comments.contains { doomed.contains($0.id) } }.map(\.key)
        for rowID in owners { store.update(kind, rowID) { $0.comments.removeAll { doomed.contains($0.id) } } }
        return .empty(204)
    }
}
