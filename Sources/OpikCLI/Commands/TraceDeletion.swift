import OpikCore

/// `opik spans delete --trace TRACE_ID...`: counts what would go, confirms, then deletes whole
/// traces (`POST /traces/delete`, the only way the server removes spans; see docs/SERVER.md#deleting-spans).
enum TraceDeletion {
    /// A trace that exists, and how many spans go with it.
    struct Found {
        var id: String
        var projectId: String?
        var spanCount: Int
    }

    static func run(_ invocation: Invocation, context: inout Context) throws -> ExitStatus {
        var seen = Set<String>()
        let ids = try IdList.read(invocation.operands, context: context, what: "trace id").filter { seen.insert($0.lowercased()).inserted }
        let session = try Session(invocation, context: context)
        let scope = try projectScope(invocation, session: session)

        var found: [Found] = []
        var missing: [String] = []
        for id in ids {
            guard let trace = try find(id, client: session.client) else {
                missing.append(id)
                continue
            }
            if let scope, let project = trace.projectId, project.lowercased() != scope.id.lowercased() {
                throw OpikError.invalidInput("trace \(id) belongs to another project (id \(project)), not \(scope.name); nothing deleted",
                                             hint: "leave out -p and --project-id to delete traces in any project")
            }
            found.append(trace)
        }
        for id in missing { try? context.stderr.write("opik: error: trace \(id) not found\n") }
        try? context.stderr.flush()
        let status: ExitStatus = missing.isEmpty ? .success : .notFound
        guard !found.isEmpty else { return status }

        let spans = found.reduce(0) { $0 + $1.spanCount }
        let summary = "\(Plural.count(spans, "span")) in \(Plural.count(found.count, "trace"))"
        let writes = stride(from: 0, to: found.count, by: Entity.span.maxBatch).map { start in
            let chunk = found[start..<min(found.count, start + Entity.span.maxBatch)]
            let body: JSONValue = ["ids": .array(chunk.map { .string($0.id) })]
            return PlannedWrite(request: session.client.request("POST", "/v1/private/traces/delete", body: body),
                                what: "delete \(Plural.count(chunk.count, "trace"))", repetition: .safe)
        }
        if invocation.flag("dry-run") {
            session.notices.info("would delete \(summary)")
            _ = try DryRun.print(writes, context: context)
            return status
        }
        if !invocation.flag("yes") {
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
        for (index, write) in writes.enumerated() {
            do {
                try write.send(session.client)
            } catch let error as OpikError where index > 0 {
                let done = found.prefix(index * Entity.span.maxBatch).count
                throw OpikError.hinted(error, hint: "the first \(Plural.count(done, "trace")) \(Plural.was(done)) deleted; run the command again for the rest")
            }
        }
        session.notices.info("deleted \(summary)")
        return status
    }

    /// The project that explicit -p or --project-id restrict the deletion to.
    static func projectScope(_ invocation: Invocation, session: Session) throws -> (id: String, name: String)? {
        if let id = invocation.value("project-id") {
            try Selection.checkUUID(id, option: "--project-id")
            return (id, "project id \(id)")
        }
        guard let name = invocation.value("project") else { return nil }
        return (try ProjectLookup.id(named: name, client: session.client), "project '\(name)'")
    }

    /// The trace and its span count, or nil when the server does not know it.
    static func find(_ id: String, client: OpikClient) throws -> Found? {
        let request = client.request("GET", "/v1/private/traces/\(id)", query: [("strip_attachments", "true")])
        let trace: JSONValue?
        do {
            trace = try client.json(request, what: "get trace \(id)", repetition: .safe)
        } catch let OpikError.server(_, status, _, _) where status == 404 {
            return nil
        }
        let projectId = trace?["project_id"]?.stringValue
        if let count = trace?["span_count"]?.doubleValue { return Found(id: id, projectId: projectId, spanCount: Int(count)) }
        guard let projectId else {
            throw OpikError.server(what: "get trace \(id)", status: 200, message: "the response has neither span_count nor project_id")
        }
        return Found(id: id, projectId: projectId, spanCount: try countSpans(trace: id, projectId: projectId, client: client))
    }

    /// Counts a trace's spans with the paged list, whose `total` needs no paging through.
    static func countSpans(trace: String, projectId: String, client: OpikClient) throws -> Int {
        let exclude = JSONWriter.compact(.array(["input", "output", "metadata"]))
        let request = client.request("GET", Entity.span.paths.list, query: [
            ("project_id", projectId), ("trace_id", trace), ("size", "1"), ("exclude", exclude), ("strip_attachments", "true"),
        ])
        let what = "count spans of trace \(trace)"
        let page = try client.json(request, what: what, repetition: .safe)
        guard let total = page?["total"]?.doubleValue else {
            throw client.unexpected(what, expected: "a page of spans with a total", received: page)
        }
        return Int(total)
    }
}
