import OpikCore

/// The one command tree: the parser, `--help`, `opik help`, the man page and the shell
/// completions are all functions of it.
package enum CommandTree {
    package static let root: CommandSpec = CommandSpec(
        "opik",
        summary: "Query and manage spans and traces on an Opik server",
        discussion: """
            opik lists, searches, creates, updates, scores and comments on the spans and traces \
            of an Opik server (Comet's open-source LLM observability platform). It reads the same \
            configuration as the Opik Python SDK: flags, then OPIK_* environment variables, \
            then ~/.opik.config.
            """,
        options: GlobalOptions.all,
        subcommands: [
            spans,
            traces,
            ConfigCommands.spec,
            CompletionCommand.spec,
            HelpCommand.spec,
            CompleteCommand.spec,
            GenerateCommand.spec,
        ],
        examples: [
            Example("opik spans list -p my-app", "The latest 50 spans of project my-app."),
            Example("opik spans list -p my-app --all --format ndjson | jq -r .name", "Every span name, streamed."),
            Example("opik traces get ID", "A trace and its span tree."),
        ])

    static let spans: CommandSpec = {
        let group = EntityCommands.spans
        return CommandSpec(
            "spans", summary: group.summary, discussion: group.discussion,
            subcommands: [
                ListCommand.spec(group), GetCommand.spec(group), CreateCommand.spec(group), UpdateCommand.spec(group), SpansDelete.spec,
                ScoreGroup.spec(group), CommentGroup.spec(group), StatsCommand.spec(group),
            ])
    }()

    static let traces: CommandSpec = {
        let group = EntityCommands.traces
        return CommandSpec(
            "traces", summary: group.summary, discussion: group.discussion,
            subcommands: [
                ListCommand.spec(group), GetCommand.spec(group), CreateCommand.spec(group), UpdateCommand.spec(group),
                TraceDeletion.spec(group), ScoreGroup.spec(group), CommentGroup.spec(group),
                StatsCommand.spec(group),
            ])
    }()
}
