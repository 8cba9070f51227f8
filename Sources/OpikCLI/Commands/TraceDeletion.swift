import OpikCore

/// Deleting whole traces with their spans, scores and comments: `opik traces delete ID...|-`
/// or `--filter EXPR`, and `opik spans delete --trace` (spans go only with their trace; see
/// docs/SERVER.md#deleting-spans). Finds the traces (by id, or through a filter), says what
/// would go, confirms, then sends `POST /traces/delete` in batches, each naming the project of
/// its traces.
enum TraceDeletion {
    /// `opik traces delete`.
    static func spec(_ group: EntityCommands) -> CommandSpec {
        group.leaf(
            "delete",
            summary: "Delete traces with all their spans, scores and comments",
            discussion: """
                The traces are given by id (- reads ids from standard input, at most \(IdList.maxIds)) \
                or, with --filter, are every trace of the project (-p or --project-id) that \
                matches all the filters, found through the trace search stream as 'opik traces \
                list -f' finds them (hidden traces only when a filter names visibility_mode); \
                ids and --filter do not go together.

                \(discussion)
                """,
            arguments: [ArgumentSpec("ID", help: "Trace id; - reads ids from standard input.", optional: true, variadic: true)],
            options: [
                Selection.filter.help("Delete the traces of the project that match EXPR instead of given ids; repeatable, all must hold. See 'opik help filters'."),
            ] + options,
            run: { invocation, _, context in try run(invocation, context: &context) })
    }

    /// The options both commands take.
    static let yes = OptionSpec("yes", short: "y", help: "Delete without asking (required when standard input is not a terminal).")
    static let options: [OptionSpec] = [yes, ProjectLookup.idOption, DryRun.option]

    /// How the deletion goes, for the help of both commands.
    static let discussion = """
        Each trace id given is looked up first (GET /traces/ID, several at a time; it needs \
        no project) with its span count. opik then shows what would go, the number of traces \
        and spans and the names of the first few, and asks "Delete 2 traces ("rag", "checkout") \
        with 5 spans? [y/N]" on a terminal. When standard input is not a terminal, --yes is \
        required (exit status \(ExitStatus.usage.code) otherwise, and nothing is deleted). Traces are found in \
        whatever project holds them; with -p or --project-id given on the command line, a trace \
        in another project is refused and nothing is deleted. Unknown trace ids are reported and \
        skipped (exit status \(ExitStatus.notFound.code)). The traces go in requests of at most \(Entity.trace.maxBatch) ids \
        (POST \(Entity.trace.paths.delete)), each naming the project of its traces: one id may \
        exist in several projects. The server removes the spans, scores and comments of a \
        deleted trace shortly after. Deleting the same traces again changes nothing, so failed \
        requests are retried.
        """

    static func run(_ invocation: Invocation, context: inout Context) throws -> ExitStatus {
        let filtered = !invocation.values(Selection.filter).isEmpty
        if filtered && !invocation.operands.isEmpty {
            throw OpikError.usage("give trace ids or --filter, not both")
        }
        if !filtered && invocation.operands.isEmpty {
            throw OpikError.usage("no trace id given", hint: "give trace ids, - to read them from standard input, or --filter EXPR")
        }
        // Ids are read before anything is sent: a bad one is a usage error.
        let ids = filtered ? [] : try IdList.readUnique(invocation.operands, context: context, what: "trace id")
        let session = try Session(invocation, context: context)
        let targets = filtered
            ? try Targets(filtering: invocation, session: session, context: context)
            : try Targets(ids: ids, scope: projectScope(invocation, session: session), session: session, context: context)
        for id in targets.missing { session.notices.error(OpikError.notFound("trace \(id) not found")) }
        let status: ExitStatus = targets.missing.isEmpty ? .success : .notFound
        guard !targets.found.isEmpty else {
            if filtered { session.notices.info("no traces match in \(targets.place ?? "the project"); nothing deleted") }
            return status
        }

        let summary = targets.summary
        let writes = requests(for: targets.found, client: session.client)
        if invocation.flag(DryRun.option) {
            session.notices.info("would delete \(summary)")
            _ = try DryRun.print(writes.map(\.write), context: context)
            return status
        }
        if !invocation.flag(yes) {
            guard context.isStdinTerminal else {
                throw OpikError.usage("refusing to delete \(summary) without confirmation: standard input is not a terminal",
                                      hint: "add --yes to delete without asking")
            }
            try context.stderr.write("Delete \(summary)? [y/N] ")
            try context.stderr.flush()
            let answer = context.readLine()?.trimmingSpaces.lowercased()
            guard answer == "y" || answer == "yes" else {
                try context.stderr.write("opik: nothing deleted\n")
                return .failure
            }
        }
        var done = 0
        for (write, count) in writes {
            do {
                try write.send(session.client)
            } catch let error as OpikError where done > 0 {
                throw OpikError.hinted(error, hint: "the first \(Plural.count(done, "trace")) \(Plural.was(done)) deleted; run the command again for the rest")
            }
            done += count
        }
        session.notices.info("deleted \(summary)")
        return status
    }

    /// The project that explicit -p or --project-id restrict the deletion to.
    static func projectScope(_ invocation: Invocation, session: Session) throws -> (id: String, name: String)? {
        if let id = invocation.value(ProjectLookup.idOption) {
            try Selection.checkUUID(id, option: "--project-id")
            return (id, "project id \(id)")
        }
        guard let name = invocation.value(GlobalOptions.project) else { return nil }
        return (try ProjectLookup.id(named: name, client: session.client), "project '\(name)'")
    }

    /// One request per project and at most `maxBatch` ids, in the order the traces came, with
    /// the number of traces each deletes. Each names its project: one id may exist in several
    /// projects, and a delete without a project may miss or overreach (see docs/SERVER.md#traces).
    static func requests(for found: [Targets.Trace], client: OpikClient) -> [(write: PlannedWrite, count: Int)] {
        var projects: [String?] = []
        var byProject: [String?: [String]] = [:]
        for trace in found {
            let key = trace.projectId
            if byProject[key] == nil { projects.append(key) }
            byProject[key, default: []].append(trace.id)
        }
        let limit = Entity.trace.maxBatch
        return projects.flatMap { project in
            let ids = byProject[project] ?? []
            return stride(from: 0, to: ids.count, by: limit).map { start in
                let chunk = ids[start..<min(ids.count, start + limit)]
                var body: [(String, JSONValue)] = [("ids", .array(chunk.map { .string($0) }))]
                if let project { body.append(("project_id", .string(project))) }
                let write = PlannedWrite(request: client.request("POST", Entity.trace.paths.delete, body: .object(body)),
                                         what: "delete \(Plural.count(chunk.count, "trace"))", repetition: .safe)
                return (write, chunk.count)
            }
        }
    }
}
