import OpikCore

/// What the commands of one entity's group (`opik spans`, `opik traces`) need beyond its
/// `Entity` description: the selection options only that entity has, how they narrow a
/// query, and the examples of each command. The command files (`ListCommand`,
/// `StatsCommand`, `ScoreAdd`, …) are functions of it, so the two groups are one design.
struct EntityCommands: Sendable {
    let entity: Entity
    /// The group's one-line summary and discussion.
    let summary: String
    let discussion: String
    /// Selection options of `list` and `stats` beyond the shared ones (project id, filter,
    /// search, since, until).
    let selectionOptions: [OptionSpec]
    /// Reads `selectionOptions` into a selection: query items, stream members or filters.
    let narrow: @Sendable (Invocation, inout Selection) throws -> Void
    /// What `--search` looks through, for its help.
    let searchFields: String
    /// Whether `score names` may ask across the whole workspace: the trace endpoint takes an
    /// optional project, the span endpoint requires one (see docs/SERVER.md#trace-endpoints).
    let scoreNamesAcrossProjects: Bool
    /// Whether records of the entity hold spans (traces): `get` then shows the span tree and
    /// takes `--spans`.
    let ownsSpans: Bool
    /// Whether records of the entity belong to a trace (spans): `create` then creates the
    /// trace of each trace id it invents.
    let createsTraces: Bool
    /// The statistics `stats` shows, for its help.
    let statistics: String
    /// `update`'s options beyond the fields (a span's identity flags).
    let updateOptions: [OptionSpec]
    /// The records `update` changes, looked up as the entity needs.
    let updateTargets: @Sendable (Invocation, [String], RecordChanges, Session, Context) throws -> UpdateCommand.Targets
    /// Members of a batch update's body beside `ids` and `update`.
    let batchUpdateMembers: [(String, JSONValue)]
    /// What an update's 409 (a conflict with the stored record) means.
    let updateConflictHint: String
    /// The discussions of the commands whose help says more than names apply (`create`,
    /// `update`), by command path.
    let discussions: [String: String]
    /// Examples by command path below the group (`list`, `score add`).
    let examples: [String: [Example]]

    /// The discussion of `command`.
    func discussion(_ command: String) -> String { discussions[command] ?? "" }

    /// The examples of `command`; every command has some (the spec lint checks).
    func examples(_ command: String) -> [Example] { examples[command] ?? [] }

    /// `opik spans`
    var program: String { "opik " + entity.plural }

    /// `SPAN_ID`: the operand naming one record.
    var idArgument: String { entity.name.uppercased() + "_ID" }

    /// Every entity group, in the order of the command tree.
    static let all: [EntityCommands] = [.spans, .traces]
}

extension EntityCommands {
    /// A command of this group: named by the last word of `path` (`comment add` → `add`), with
    /// the group's examples for `path`, running `run` with the group.
    func leaf(
        _ path: String, summary: String, discussion: String, arguments: [ArgumentSpec] = [], options: [OptionSpec] = [],
        run: @escaping @Sendable (Invocation, EntityCommands, inout Context) throws -> ExitStatus
    ) -> CommandSpec {
        CommandSpec(
            String(path.split(separator: " ").last ?? ""), summary: summary, discussion: discussion,
            arguments: arguments, options: options, examples: examples(path),
            run: { invocation, context in try run(invocation, self, &context) })
    }
}
