import Synchronization

/// Turns the rows of `spans score upload` or `traces score upload` — JSON objects or CSV rows —
/// into the items of the entity's score batch (`PUT /v1/private/spans/feedback-scores`, see
/// docs/SERVER.md#feedback-scores): each checked, with `project_name` (the `--project` when
/// absent: the server would otherwise file the score under another project) and `source`
/// (`sdk`) filled in.
package struct ScorePreparation: Sendable {
    package static let fields = ["id", "name", "value", "reason", "category_name", "project_name", "source"]
    static let maxValue = 999_999_999.999999999

    /// What the scores are on: its score sources are the ones accepted.
    package let entity: Entity
    package var payload = BulkPayload()
    package var issues: [RecordIssue] = []
    /// Per record of the payload: its id and name, what the server stores one score under.
    var keys: [String] = []

    /// From JSON or NDJSON records.
    package init(records: [SourceRecord], projectName: String, entity: Entity) {
        self.entity = entity
        for record in records {
            guard let members = record.value.objectMembers else {
                issues.append(RecordIssue(line: record.line, message: "expected a JSON object (a score), found \(RecordRules.kind(of: record.value))"))
                continue
            }
            let known = members.filter { Self.fields.contains($0.0) && !$0.1.isNull }
            add(known, line: record.line, projectName: projectName)
        }
        refuseDuplicates()
    }

    /// From CSV with a header naming the fields; empty cells count as absent. Many rows are
    /// prepared on `threads` threads, each taking a stretch of rows.
    package init(header: CSVRow, rows: [CSVRow], projectName: String, entity: Entity, threads: Int? = nil) {
        self.entity = entity
        for required in ["id", "name", "value"] where !header.fields.contains(required) {
            issues.append(RecordIssue(line: header.line, message: "the CSV header has no \"\(required)\" column (it needs id, name and value)"))
        }
        guard issues.isEmpty else { return }
        let threads = max(1, min(threads ?? (rows.count >= 20_000 ? WorkerThreads.processorCount : 1), rows.count))
        guard threads > 1 else {
            addRows(rows[...], header: header, projectName: projectName)
            refuseDuplicates()
            return
        }
        let parts = Parts(count: threads)
        WorkerThreads.run(count: threads) { part in
            var prepared = ScorePreparation(entity: entity)
            prepared.addRows(rows[(rows.count * part / threads)..<(rows.count * (part + 1) / threads)], header: header, projectName: projectName)
            parts.results.withLock { $0[part] = prepared }
        }
        for part in parts.results.withLock({ $0 }) {
            guard let part else { continue }
            issues += part.issues
            payload.append(contentsOf: part.payload)
            keys += part.keys
        }
        refuseDuplicates()
    }

    /// Adds an issue for every score with the id and name of an earlier one.
    mutating func refuseDuplicates() {
        let duplicates = DuplicateKeys.issues(keys: keys, lines: payload.lines, field: "id", described: "id and name")
        issues = RecordIssue.merged(issues, duplicates)
    }

    private init(entity: Entity) { self.entity = entity }

    private final class Parts: Sendable {
        let results: Mutex<[ScorePreparation?]>
        init(count: Int) { results = Mutex(Array(repeating: nil, count: count)) }
    }

    mutating func addRows(_ rows: ArraySlice<CSVRow>, header: CSVRow, projectName: String) {
        for row in rows {
            guard row.fields.count == header.fields.count else {
                issues.append(RecordIssue(line: row.line, message: "\(Plural.count(row.fields.count, "field")), but the header has \(header.fields.count)"))
                continue
            }
            var members: [(String, JSONValue)] = []
            for (name, cell) in zip(header.fields, row.fields) where Self.fields.contains(name) && !cell.isEmpty {
                if name == "value" {
                    guard let number = Self.number(cell) else {
                        issues.append(.invalid(.string(cell), line: row.line, field: name, expected: "a number"))
                        members = []
                        break
                    }
                    members.append((name, number))
                } else {
                    members.append((name, .string(cell)))
                }
            }
            if members.isEmpty && issues.last?.line == row.line { continue }
            add(members, line: row.line, projectName: projectName)
        }
    }

    mutating func add(_ members: [(String, JSONValue)], line: Int, projectName: String) {
        let value = JSONValue.object(members)
        do {
            try Self.check(value, line: line, sources: entity.scoreSources)
        } catch {
            issues.append(error)
            return
        }
        guard issues.isEmpty else { return }
        var item: [(String, JSONValue)] = []
        for name in Self.fields {
            if let field = value[name] {
                item.append((name, field))
            } else if name == "project_name" {
                item.append((name, .string(projectName)))
            } else if name == "source" {
                item.append((name, "sdk"))
            }
        }
        payload.append(line: line) { JSONWriter.write(.object(item), into: &$0, indent: nil) }
        keys.append(Self.key(id: value["id"]?.stringValue ?? "", name: value["name"]?.stringValue ?? ""))
    }

    /// What the server stores a score under: the record's id (in any case) and the name.
    static func key(id: String, name: String) -> String {
        String(id.lowercased()) + "\n" + name
    }

    static func check(_ value: JSONValue, line: Int, sources: [String]) throws(RecordIssue) {
        for required in ["id", "name", "value"] where value[required] == nil {
            throw RecordIssue(line: line, field: required, message: "missing")
        }
        for (name, field) in value.objectMembers ?? [] {
            switch name {
            case "id": try FieldCheck.uuid(field, line: line, field: name, version7: true)
            case "name":
                let text = try FieldCheck.string(field, line: line, field: name)
                if text.allSatisfy({ $0 == " " || $0 == "\t" }) { throw RecordIssue(line: line, field: name, message: "blank") }
            case "value": try FieldCheck.number(field, line: line, field: name, magnitude: maxValue)
            case "source": try FieldCheck.choice(field, line: line, field: name, among: sources)
            default: _ = try FieldCheck.string(field, line: line, field: name)
            }
        }
    }

    /// A CSV cell as a JSON number, kept as written (`0.90` stays `0.90`).
    static func number(_ cell: String) -> JSONValue? {
        let trimmed = cell.trimmingCharacters(in: " ")
        guard let value = try? JSONParser.parse(trimmed), case .number = value else { return nil }
        return value
    }
}

extension String {
    fileprivate func trimmingCharacters(in set: Character) -> String {
        var text = Substring(self)
        while text.first == set { text = text.dropFirst() }
        while text.last == set { text = text.dropLast() }
        return String(text)
    }
}
