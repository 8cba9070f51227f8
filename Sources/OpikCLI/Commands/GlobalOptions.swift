import OpikCore

/// Options that every command accepts, before or after the subcommand.
public enum GlobalOptions {
    public static let all: [OptionSpec] = [
        OptionSpec("url", value: "URL", help: "Base URL of the Opik API: http://HOST:5173/api behind the frontend of a full install, http://HOST:8080 for the backend alone; a 404 that is not Opik's means a wrong URL (status 5)."),
        OptionSpec("workspace", value: "NAME", help: "Workspace name (default \"default\")."),
        OptionSpec("project", short: "p", value: "NAME", help: "Project name (default \"Default Project\").", completion: .project),
        OptionSpec("config", value: "FILE", help: "Config file to read (default ~/.opik.config).", completion: .file),
        OptionSpec("format", value: "FORMAT", help: "Output format.", choices: OutputFormat.allCases.map(\.rawValue)),
        OptionSpec("fields", value: "LIST", help: "Comma-separated fields to show; dotted paths reach into objects, feedback_scores.NAME is a score's value."),
        OptionSpec("timeout", value: "SECONDS", help: "Time limit of each request (default 60)."),
        OptionSpec("retries", value: "N", help: "Retries of a failed request that is safe to repeat (default 4)."),
        OptionSpec("cacert", value: "FILE", help: "CA certificates to trust instead of the system's.", completion: .file),
        OptionSpec("insecure", help: "Do not verify TLS certificates (prints a warning)."),
        OptionSpec("verbose", short: "v", help: "Log each HTTP exchange on stderr (the API key is masked)."),
        OptionSpec("quiet", short: "q", help: "No progress, notices or summaries on stderr."),
        OptionSpec("no-color", help: "No colour in output (also NO_COLOR)."),
        OptionSpec("help", short: "h", help: "Show help for the command."),
        OptionSpec("version", help: "Print the version of opik and libcurl."),
    ]
}
