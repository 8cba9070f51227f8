import OpikCore

/// What the server demands on every `PATCH /spans/{id}`: the span's trace, parent and project,
/// exactly as stored (a difference is a 409; see docs/SERVER.md#updating-spans).
struct SpanIdentity: Equatable {
    static let options: [OptionSpec] = [
        RecordOptions.traceId.help("The span's trace (looked up when not given)."),
        RecordOptions.parentSpanId.help("The span's parent, or none for a root span (looked up when not given).").placeholder("UUID|none"),
    ]

    var traceId: String
    var parentSpanId: String?
    var projectName: String

    /// The identity of a span as `GET /spans/{id}` returned it.
    init?(found: RecordExistence.Found) {
        guard let trace = found.traceId else { return nil }
        traceId = trace
        parentSpanId = found.parentSpanId
        projectName = found.projectName ?? Configuration.defaultProject
    }

    init(traceId: String, parentSpanId: String?, projectName: String) {
        self.traceId = traceId
        self.parentSpanId = parentSpanId
        self.projectName = projectName
    }

    /// Members every single-span update must carry.
    var members: [(String, JSONValue)] {
        var members: [(String, JSONValue)] = [("project_name", .string(projectName)), ("trace_id", .string(traceId))]
        if let parentSpanId { members.append(("parent_span_id", .string(parentSpanId))) }
        return members
    }
}

extension SpanIdentity {
    /// The spans `spans update` changes: with one id and the identity flags nothing is looked
    /// up (the project is taken from -p); otherwise every span is looked up, its identity
    /// checked against the flags given, and unknown ids left out.
    static func targets(
        _ invocation: Invocation, ids: [String], changes: RecordChanges, session: Session, context: Context
    ) throws -> UpdateCommand.Targets {
        let given = try GivenIdentity(invocation)
        if ids.count == 1, !changes.editsTags, given.isComplete, let trace = given.traceId, let parent = given.parentSpanId {
            return UpdateCommand.Targets(found: [target(ids[0], SpanIdentity(traceId: trace, parentSpanId: parent, projectName: session.projectName))])
        }
        let spans = try RecordExistence(entity: .span, ids: ids, work: ParallelWork(session: session, context: context)).run()
        var targets = UpdateCommand.Targets()
        for id in ids {
            guard let span = spans[id] else {
                targets.missing.append(id)
                continue
            }
            guard let identity = SpanIdentity(found: span) else {
                throw OpikError.badResponse(what: "update span \(id)", message: "the server returned the span without a trace_id")
            }
            try given.check(identity, spanId: id)
            targets.found.append(target(id, identity))
        }
        return targets
    }

    /// The batch endpoint requires a trace_id but neither applies nor checks it (see docs/SERVER.md).
    private static func target(_ id: String, _ identity: SpanIdentity) -> UpdateCommand.Target {
        UpdateCommand.Target(id: id, identity: identity.members, batchMembers: [("trace_id", .string(identity.traceId))])
    }
}

/// The identity flags as given on the command line; nil members were not given.
struct GivenIdentity {
    var traceId: String?
    /// `.some(nil)` is `--parent-span-id none`.
    var parentSpanId: String??
    var projectName: String?

    init(_ invocation: Invocation) throws {
        if let trace = invocation.value(RecordOptions.traceId) {
            try Selection.checkUUID(trace, option: "--trace-id")
            traceId = trace
        }
        if let parent = invocation.value(RecordOptions.parentSpanId) {
            if parent == "none" || parent.isEmpty {
                parentSpanId = .some(nil)
            } else {
                try Selection.checkUUID(parent, option: "--parent-span-id")
                parentSpanId = .some(parent)
            }
        }
        projectName = invocation.value(GlobalOptions.project)
    }

    /// Whether the flags say all the server needs, so no lookup is required.
    var isComplete: Bool { traceId != nil && parentSpanId != nil }

    /// Refuses a span whose stored identity differs from what the user said: a PATCH would be
    /// a 409, and a batch PATCH (which checks nothing) would change a span the user did not mean.
    func check(_ stored: SpanIdentity, spanId: String) throws {
        if let traceId, traceId.lowercased() != stored.traceId.lowercased() {
            throw OpikError.invalidInput("span \(spanId) belongs to trace \(stored.traceId), not \(traceId)",
                                         hint: "leave out --trace-id to use the span's own trace")
        }
        if let parentSpanId, parentSpanId?.lowercased() != stored.parentSpanId?.lowercased() {
            throw OpikError.invalidInput(
                "span \(spanId) has parent \(stored.parentSpanId ?? "none"), not \(parentSpanId ?? "none")",
                hint: "leave out --parent-span-id to use the span's own parent")
        }
        if let projectName, projectName.trimmingSpaces.lowercased() != stored.projectName.lowercased() {
            throw OpikError.invalidInput("span \(spanId) belongs to project '\(stored.projectName)', not '\(projectName)'",
                                         hint: "leave out -p to use the span's own project")
        }
    }
}
