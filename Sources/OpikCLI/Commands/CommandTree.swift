import OpikCore

/// The one command tree: the parser, `--help`, `opik help`, the man page and the shell
/// completions are all functions of it.
public enum CommandTree {
    public static let root: CommandSpec = CommandSpec(
        "opik",
        summary: "Query and manage spans on an Opik server",
        discussion: """
            opik lists, searches, creates, updates, scores and comments on the spans of an \
            Opik server (Comet's open-source LLM observability platform). It reads the same \
            configuration as the Opik Python SDK: flags, then OPIK_* environment variables, \
            then ~/.opik.config.
            """,
        options: GlobalOptions.all,
        subcommands: [
            spans,
            ConfigCommands.spec,
            CompletionCommand.spec,
            HelpCommand.spec,
            CompleteCommand.spec,
            GenerateCommand.spec,
        ],
        examples: [
            Example("opik spans list -p my-app", "The latest 50 spans of project my-app."),
            Example("opik spans list -p my-app --all --format ndjson | jq -r .name", "Every span name, streamed."),
        ])

    static let spans: CommandSpec = CommandSpec(
        "spans",
        summary: "List, inspect, create, update, delete, score and comment on spans",
        discussion: "A span is one step of a traced LLM application: an LLM call, a tool call, a retrieval.",
        subcommands: [
            SpansList.spec, SpansGet.spec, SpansCreate.spec, SpansUpdate.spec, SpansDelete.spec,
            SpansScore.spec, SpansComment.spec, SpansStats.spec,
        ])
}
