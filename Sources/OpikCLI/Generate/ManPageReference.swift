import OpikCore

/// Man page sections that are reference material rather than a rendering of the command tree.
/// The CONFIGURATION section and the config file of FILES render from `Setting.all`.
enum ManPageReference {
    static var configuration: [TextBlock] {
        [
            .paragraph("Each setting is taken from the first of these sources that sets it: the command-line flag, then the environment variable, then the config file, then the default."),
            .definitions(Setting.all.map { setting in
                .init(setting.title, "flag: \(setting.flagDescription)\nenvironment: \(setting.environment.name)\nconfig file key: \(setting.fileKey ?? "none")\ndefault: \(setting.defaultDescription)")
            }),
            .paragraph("The config file is the INI file that 'opik configure' of the Opik Python SDK writes; its keys live in the [opik] section, so existing SDK users need no setup. 'opik config show' prints every resolved setting and where it came from, with the API key and any password in the URL masked; 'opik config set KEY VALUE' writes the file. The base URL must be an http or https URL with a host: anything else stops the command with status \(ExitStatus.usage.code) before any request, naming the setting it came from."),
        ]
    }

    static var files: [TextBlock] {
        let configFile = Setting.configFile
        return [
            .definitions([
                .init(configFile.defaultValue ?? "", "The INI config file shared with the Opik Python SDK (see CONFIGURATION); \(configFile.environment.name) or \(configFile.flag.map { "--" + $0.long } ?? "") names another, which may also be a FIFO or <(...). It is read as Python's configparser reads it: LF, CRLF or CR line ends, a UTF-8 BOM skipped, # and ; comment lines, key = value or key: value with spaces around the delimiter dropped, keys in any case, indented lines continuing the value above, [DEFAULT] keys applying to every section, %% for a literal %. What configparser would refuse earns a warning on stderr naming the file and line, and reading goes on: of a repeated key the last value wins, a repeated section is merged, other bad lines are ignored. A named file that does not exist, a file that exists but cannot be read, one that is not UTF-8, and one without an [opik] section also earn a warning: their settings are never skipped silently. 'opik config set' creates the file with mode 0600 and replaces it atomically, writing through a symbolic link; a file readable by group or others that holds an API key earns a warning."),
            ])
        ]
    }

    /// Recipes that combine commands with other tools.
    static let examples: [Example] = [
        Example(
            "opik spans list -p my-app --type llm --since 24h --all --format ndjson \\\n  | jq -r '[.name, .usage.total_tokens] | @tsv'",
            "Name and token count of every LLM span of the last day, as tab-separated text:"),
        Example(
            "opik spans list -p my-app --since 7d --all --format ndjson \\\n  | jq -r 'select(.error_info != null) | .name' | sort | uniq -c | sort -rn",
            "Which span names failed most often this week:"),
        Example(
            "opik spans list -p my-app --all --format json --fields id,name,total_estimated_cost \\\n  | jq 'sort_by(-.total_estimated_cost) | .[:10]'",
            "The ten most expensive spans, as JSON:"),
        Example(
            """
            if ! opik --quiet -p my-app spans score upload scores.ndjson --failed rejected.ndjson; then
              echo "score upload failed; rejected rows:" >&2
              [ -s rejected.ndjson ] && cat rejected.ndjson >&2
              exit 1
            fi
            """,
            "In CI, upload evaluation scores and fail the build when any row is rejected. Every row is checked before anything is sent (status \(ExitStatus.usage.code) on a bad row); each span is looked up first, so that a score of a span that does not exist fails instead of vanishing (--no-check skips this); when some rows are not stored on their span the status is \(ExitStatus.partialFailure.code) and rejected.ndjson holds exactly those rows:"),
    ]
}
