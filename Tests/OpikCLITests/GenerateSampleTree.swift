import OpikCLI

/// A command tree shaped like the real one (`CommandTree`, see docs/ARCHITECTURE.md), for exercising the generators.
enum SampleTree {
    static let project = OptionSpec("project", short: "p", value: "NAME", help: "Project to work in.", completion: .project)
    static let projectID = OptionSpec("project-id", value: "UUID", help: "Project to work in, by id.")
    static let traceID = OptionSpec("trace-id", value: "UUID", help: "Only spans of this trace.")
    static let type = OptionSpec("type", value: "TYPE", help: "Only spans of this type.", choices: ["general", "tool", "llm", "guardrail"])
    static let filter = OptionSpec("filter", short: "f", value: "EXPR", help: "Filter expression; all must hold (see 'opik help filters').", repeatable: true)
    static let search = OptionSpec("search", value: "TEXT", help: "Free-text search.")
    static let since = OptionSpec("since", value: "WHEN", help: "Spans that started at or after WHEN (RFC 3339, or 30s, 15m, 24h, 7d).")
    static let until = OptionSpec("until", value: "WHEN", help: "Spans that started before WHEN.")
    static let failed = OptionSpec("failed", value: "FILE", help: "Write the records that were not accepted to FILE.", completion: .file)
    static let selection = [traceID, type, filter, search, since, until]

    static let globals: [OptionSpec] = [
        OptionSpec("url", value: "URL", help: "Base URL of the Opik API."),
        OptionSpec("workspace", value: "NAME", help: "Workspace name."),
        project,
        OptionSpec("config", value: "FILE", help: "Config file to read.", completion: .file),
        OptionSpec("format", value: "FORMAT", help: "Output format.", choices: ["table", "json", "ndjson", "csv"]),
        OptionSpec("fields", value: "LIST", help: "Comma-separated fields to show."),
        OptionSpec("timeout", value: "SECONDS", help: "Seconds to wait for each request (default 60)."),
        OptionSpec("retries", value: "N", help: "Retries of a failed request (default 4)."),
        OptionSpec("cacert", value: "FILE", help: "CA certificates to trust.", completion: .file),
        OptionSpec("insecure", help: "Do not verify TLS certificates."),
        OptionSpec("verbose", short: "v", help: "Log each HTTP exchange on stderr.", repeatable: true),
        OptionSpec("quiet", short: "q", help: "No progress or summaries."),
        OptionSpec("no-color", help: "No colour in output."),
        OptionSpec("help", short: "h", help: "Show help."),
        OptionSpec("version", help: "Print the version."),
        OptionSpec("debug-dump", value: "FILE", help: "Internal.", hidden: true),
    ]

    static func leaf(_ name: String, _ summary: String, arguments: [ArgumentSpec] = [], options: [OptionSpec] = [], example: String) -> CommandSpec {
        CommandSpec(name, summary: summary, arguments: arguments, options: options, examples: [Example(example, summary)])
    }

    static let spans = CommandSpec(
        "spans", summary: "Query and manage spans.",
        subcommands: [
            CommandSpec(
                "list", summary: "List spans of one project.",
                discussion: "Prints the newest spans first.\n\nWith --all, memory stays flat however many spans match.",
                options: [projectID] + selection + [
                    OptionSpec("limit", short: "n", value: "N", help: "How many spans (default 50)."),
                    OptionSpec("all", help: "Every matching span."),
                ],
                examples: [
                    Example("opik spans list -p my-app --since 1h", "Spans of the last hour."),
                    Example("opik spans list -f 'feedback_scores.accuracy < 0.5' --format json | jq -r '.[].id'", "Ids of badly scored spans."),
                ]),
            leaf("get", "Print spans.", arguments: [ArgumentSpec("ID", help: "Span id.", variadic: true)], example: "opik spans get 0190a1b2-0000-7000-8000-000000000001"),
            leaf("create", "Create spans.", options: [
                OptionSpec("name", value: "NAME", help: "Span name."), type,
                OptionSpec("file", value: "FILE", help: "JSON array or NDJSON of spans ('-' for stdin).", completion: .file), failed,
            ], example: "opik spans create --name retrieve --type tool"),
            leaf("update", "Change spans.", arguments: [ArgumentSpec("ID", help: "Span id.", variadic: true)],
                 options: [OptionSpec("add-tag", value: "TAG", help: "Add a tag.", repeatable: true)], example: "opik spans update ID --add-tag reviewed"),
            leaf("delete", "Delete spans or whole traces.", arguments: [ArgumentSpec("ID", help: "Span or trace id.", variadic: true)],
                 options: [OptionSpec("trace", help: "The ids are trace ids."), OptionSpec("yes", short: "y", help: "Do not ask.")],
                 example: "opik spans delete --trace TRACE_ID --yes"),
            CommandSpec("score", summary: "Feedback scores of spans.", subcommands: [
                leaf("add", "Add scores to a span.", arguments: [ArgumentSpec("SPAN_ID", help: "Span id."), ArgumentSpec("NAME=VALUE", help: "A score.", variadic: true)],
                     options: [OptionSpec("reason", value: "TEXT", help: "Why.")], example: "opik spans score add ID accuracy=0.9"),
                leaf("upload", "Upload scores in bulk.", arguments: [ArgumentSpec("FILE", help: "NDJSON, JSON array or CSV ('-' for stdin).", completion: .file)],
                     options: [failed], example: "opik spans score upload scores.csv --failed rejected.csv"),
                leaf("delete", "Remove scores.", arguments: [ArgumentSpec("SPAN_ID", help: "Span id."), ArgumentSpec("NAME", help: "Score name.", variadic: true)],
                     example: "opik spans score delete ID accuracy"),
                leaf("names", "Score names used in a project.", options: [projectID, type], example: "opik spans score names -p my-app"),
            ]),
            CommandSpec("comment", summary: "Comments on spans.", subcommands: [
                leaf("add", "Comment on a span.", arguments: [ArgumentSpec("SPAN_ID", help: "Span id."), ArgumentSpec("TEXT", help: "Comment ('-' for stdin).")], example: "opik spans comment add ID 'looks wrong'"),
                leaf("list", "List comments of a span.", arguments: [ArgumentSpec("SPAN_ID", help: "Span id.")], example: "opik spans comment list ID"),
                leaf("get", "Print a comment.", arguments: [ArgumentSpec("SPAN_ID", help: "Span id."), ArgumentSpec("COMMENT_ID", help: "Comment id.")], example: "opik spans comment get ID CID"),
                leaf("update", "Change a comment.", arguments: [ArgumentSpec("COMMENT_ID", help: "Comment id."), ArgumentSpec("TEXT", help: "New text.")], example: "opik spans comment update CID 'fixed'"),
                leaf("delete", "Delete comments.", arguments: [ArgumentSpec("COMMENT_ID", help: "Comment id.", variadic: true)], example: "opik spans comment delete CID"),
            ]),
            leaf("stats", "Statistics of matching spans.", options: [projectID] + selection, example: "opik spans stats -p my-app --since 24h"),
        ])

    static let root = CommandSpec(
        "opik", summary: "query and manage spans on an Opik server",
        discussion: "opik talks to the Opik REST API.\n\nResults go to stdout; progress and errors go to stderr.",
        options: globals,
        subcommands: [
            spans,
            CommandSpec("config", summary: "Show or change the configuration.", subcommands: [
                leaf("show", "Print every setting and where it came from.", example: "opik config show"),
                leaf("set", "Write a setting to the config file.", arguments: [
                    ArgumentSpec("KEY", help: "Setting name.", choices: ["url_override", "api_key", "workspace", "project_name"]),
                    ArgumentSpec("VALUE", help: "New value."),
                ], example: "opik config set workspace my-team"),
            ]),
            leaf("completion", "Print a shell completion script.", arguments: [ArgumentSpec("SHELL", help: "Target shell.", choices: ["bash", "zsh", "fish"])],
                 example: "opik completion bash > ~/.local/share/bash-completion/completions/opik"),
            leaf("help", "Show help for a command or topic.", arguments: [ArgumentSpec("TOPIC|COMMAND", help: "A topic or a command path.", optional: true, variadic: true)],
                 example: "opik help filters"),
            CommandSpec("__complete", summary: "Print completion candidates.", arguments: [ArgumentSpec("KIND", help: "What to complete."), ArgumentSpec("PREFIX", help: "Typed so far.", optional: true)], hidden: true),
        ])
}
