import OpikCore

/// The records (spans or traces) that uploaded scores are for, checked before sending. The
/// batch score endpoint checks neither that a record exists nor that the score names its
/// project (see docs/SERVER.md: a score filed under another project is stored but never shows
/// on the record), so each distinct id is looked up first: scores of unknown records are left
/// out and reported as failed, and the others are sent under their record's own project.
struct ScoreTargets {
    let entity: Entity
    /// The scores to send.
    var payload = BulkPayload()
    /// For each score to send, its index in the prepared input.
    var originalIndexes: [Int] = []
    /// Scores left out: their index in the prepared input and their record's id.
    var missing: [(index: Int, id: String)] = []

    /// Every score, unchecked (`--no-check`).
    init(unchecked payload: BulkPayload, entity: Entity) {
        self.entity = entity
        self.payload = payload
        originalIndexes = Array(0..<payload.count)
    }

    init(checking prepared: BulkPayload, entity: Entity, session: Session, parallel: Int, context: Context) throws {
        self.entity = entity
        var records: [[(String, JSONValue)]] = []
        records.reserveCapacity(prepared.count)
        var ids: [String] = []
        var seen = Set<String>()
        for index in 0..<prepared.count {
            let members = (try? JSONParser.parse(bytes: Array(prepared.record(index))))?.objectMembers ?? []
            records.append(members)
            if let id = Self.id(of: members), seen.insert(id).inserted { ids.append(id) }
        }
        if context.isStderrTerminal { session.notices.info("checking \(Plural.count(ids.count, entity.name))") }
        let work = ParallelWork(session: session, context: context, parallel: parallel)
        let found = try RecordExistence(entity: entity, ids: ids, work: work).run()
        let projects = try Self.projectNames(of: found.values, client: session.client)
        for (index, members) in records.enumerated() {
            let id = Self.id(of: members) ?? ""
            guard let record = found[id] else {
                missing.append((index, id))
                continue
            }
            let projectName = record.projectName ?? record.projectId.flatMap { projects[$0] }
            let item = members.map { member in
                member.0 == "project_name" ? (member.0, projectName.map(JSONValue.string) ?? member.1) : member
            }
            payload.append(line: prepared.lines[index]) { JSONWriter.write(.object(item), into: &$0, indent: nil) }
            originalIndexes.append(index)
        }
    }

    /// A prepared score's record id, in lower case.
    static func id(of members: [(String, JSONValue)]) -> String? {
        members.first(where: { $0.0 == "id" })?.1.stringValue?.lowercased()
    }

    /// The names of the projects of records that came with only a project id (traces), one
    /// lookup per distinct project.
    static func projectNames(of found: some Sequence<RecordExistence.Found>, client: OpikClient) throws -> [String: String] {
        var names: [String: String] = [:]
        for record in found where record.projectName == nil {
            guard let id = record.projectId, names[id] == nil else { continue }
            names[id] = try ProjectLookup.name(ofId: id, client: client)
        }
        return names
    }

    /// The result of sending `payload`, in terms of the whole prepared input: left-out scores
    /// count as not accepted.
    func result(of sent: BulkSend.Result, total: Int) -> BulkSend.Result {
        var accepted = Array(repeating: false, count: total)
        for (position, index) in originalIndexes.enumerated() where sent.accepted[position] { accepted[index] = true }
        var result = sent
        result.accepted = accepted
        if !missing.isEmpty {
            let one = missing.count == 1
            result.leftOut = "\(missing.count) \(one ? "names a" : "name") \(one ? entity.name : entity.plural) that do\(one ? "es" : "") not exist"
        }
        return result
    }

    /// One line per left-out score (a screenful at most), naming the record and the input line.
    func report(lines: [Int], file: String, stderr: OutputStream) {
        let shown = 20
        for (index, id) in missing.prefix(shown) {
            try? stderr.write("opik: error: \(file):\(lines[index]): \(entity.name) \(id) not found; score not uploaded\n")
        }
        if missing.count > shown { try? stderr.write("opik: error: ... \(missing.count - shown) more scores of unknown \(entity.plural)\n") }
    }
}
