import OpikCore

/// `opik spans update ID...`, `opik traces update ID...`: changes fields of existing records.
/// What differs by entity is how the records are looked up and what each write must repeat
/// of them (`EntityCommands.updateTargets`).
enum UpdateCommand {
    /// A record to change: its id, what a single PATCH of it must carry (a span's trace,
    /// parent and project; a trace's project), and what a batch update needs of it.
    struct Target {
        var id: String
        var identity: [(String, JSONValue)]
        var batchMembers: [(String, JSONValue)] = []
    }

    /// The records found, and the ids that are not.
    struct Targets {
        var found: [Target] = []
        var missing: [String] = []
    }

    static func spec(_ group: EntityCommands) -> CommandSpec {
        group.leaf(
            "update",
            summary: "Change fields of \(group.entity.plural)",
            discussion: group.discussion("update"),
            arguments: [ArgumentSpec("ID", help: "\(group.entity.title) id (UUID); - reads ids from standard input.", variadic: true)],
            options: RecordChanges.options(for: group.entity) + group.updateOptions + [DryRun.option],
            run: run)
    }

    static func run(_ invocation: Invocation, group: EntityCommands, context: inout Context) throws -> ExitStatus {
        let entity = group.entity
        let operands = invocation.operands
        if operands.contains("-"), RecordOptions.jsonFields.contains(where: { invocation.value($0) == "-" }) {
            throw OpikError.usage("ids and a field value cannot both come from standard input",
                                  hint: "give the value as @FILE")
        }
        let ids = try IdList.readUnique(operands, context: context, what: "\(entity.name) id")
        let changes = try RecordChanges(invocation, entity: entity, context: context)
        guard !changes.isEmpty else {
            throw OpikError.usage("nothing to change", hint: "give at least one field, e.g. --name, --add-tag, --output; see 'opik \(entity.plural) update --help'")
        }
        let session = try Session(invocation, context: context)
        let targets = try group.updateTargets(invocation, ids, changes, session, context)
        for id in targets.missing { session.notices.error(OpikError.notFound("\(entity.name) \(id) not found; not updated")) }

        let writes = plan(targets.found, entity: entity, changes: changes, batchBody: group.batchUpdateMembers, client: session.client)
        let printed = try DryRun.printOrSend(writes, invocation, client: session.client, context: context) { error, _, status in
            status == 409 ? .hinted(error, hint: group.updateConflictHint) : nil
        }
        if !printed {
            let found = targets.found
            if !found.isEmpty, context.isStderrTerminal {
                session.notices.info(found.count == 1 ? "updated \(entity.name) \(found[0].id)" : "updated \(Plural.count(found.count, entity.name))")
            }
        }
        return targets.missing.isEmpty ? .success : .notFound
    }

    /// One PATCH for a single record; batch PATCHes of up to `maxBatch` ids for several, and
    /// for tag edits of even one record (see docs/SERVER.md: only the batch update applies
    /// `tags_to_add` and `tags_to_remove` on released servers; the single one answers 204 and
    /// drops them).
    static func plan(_ found: [Target], entity: Entity, changes: RecordChanges, batchBody: [(String, JSONValue)],
                     client: OpikClient) -> [PlannedWrite] {
        if found.count == 1, !changes.editsTags {
            let target = found[0]
            let body = JSONValue.object(target.identity + changes.members)
            return [PlannedWrite(request: client.request("PATCH", entity.paths.item(target.id), body: body),
                                 what: "update \(entity.name) \(target.id)", repetition: .safe)]
        }
        var writes: [PlannedWrite] = []
        var start = 0
        while start < found.count {
            let chunk = found[start..<min(found.count, start + entity.maxBatch)]
            let update = JSONValue.object(chunk.first!.batchMembers + changes.members)
            let body = JSONValue.object([("ids", .array(chunk.map { .string($0.id) })), ("update", update)] + batchBody)
            writes.append(PlannedWrite(request: client.request("PATCH", entity.paths.batch, body: body),
                                       what: "update \(Plural.count(chunk.count, entity.name))", repetition: .safe))
            start += entity.maxBatch
        }
        return writes
    }

    /// The targets of an entity whose update repeats only the project: every id is looked
    /// up, and unknown ids are left out as `spans update` leaves them out; the server would
    /// answer 204 and store a placeholder for them (see docs/SERVER.md#traces).
    static func projectTargets(_ ids: [String], entity: Entity, session: Session, context: Context) throws -> Targets {
        let records = try RecordExistence(entity: entity, ids: ids, work: ParallelWork(session: session, context: context)).run()
        var targets = Targets()
        for id in ids {
            guard let record = records[id] else {
                targets.missing.append(id)
                continue
            }
            targets.found.append(Target(id: id, identity: record.projectId.map { [("project_id", .string($0))] } ?? []))
        }
        return targets
    }
}
