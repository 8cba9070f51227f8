import OpikCore

/// Options that every command accepts, before or after the subcommand. The flags of settings
/// come from `Setting.all`: those taking a value first, the switches among the other switches.
package enum GlobalOptions {
    package static let format = OptionSpec("format", value: "FORMAT", help: "Output format.", choices: OutputFormat.allCases.map(\.rawValue))
    package static let fields = OptionSpec(
        "fields", value: "LIST", help: "Comma-separated fields to show; dotted paths reach into objects, feedback_scores.NAME is a score's value.")
    package static let timeout = OptionSpec("timeout", value: "SECONDS", help: "Time limit of each request.", default: "60")
    package static let retries = OptionSpec("retries", value: "N", help: "Retries of a failed request that is safe to repeat.", default: "4")
    package static let cacert = OptionSpec("cacert", value: "FILE", help: "CA certificates to trust instead of the system's.", completion: .file)
    package static let verbose = OptionSpec("verbose", short: "v", help: "Log each HTTP exchange on stderr (the API key is masked).")
    package static let quiet = OptionSpec("quiet", short: "q", help: "No progress, notices or summaries on stderr.")
    package static let noColor = OptionSpec("no-color", help: "No colour in output (also NO_COLOR).")
    package static let help = OptionSpec("help", short: "h", help: "Show help for the command.")
    package static let version = OptionSpec("version", help: "Print the version of opik and libcurl.")

    package static let all: [OptionSpec] = Setting.all.filter { $0.flag?.valueName != nil }.compactMap(\.option)
        + [format, fields, timeout, retries, cacert]
        + Setting.all.filter { $0.flag != nil && $0.flag?.valueName == nil }.compactMap(\.option)
        + [verbose, quiet, noColor, help, version]

    /// `-p, --project NAME`, the project setting's flag, which some commands read themselves
    /// (whether it was given on the command line, not what the configuration resolves to).
    /// The row of `Setting.all` declares it; that row has a flag, so there is an option.
    static let project: OptionSpec = Setting.project.option!

    /// The flag values of the settings in `invocation`, by long name, as
    /// `Configuration.resolve` takes them (a switch that is given maps to "").
    static func settingFlags(_ invocation: Invocation) -> [String: String] {
        var flags: [String: String] = [:]
        for option in Setting.all.compactMap(\.option) {
            if option.takesValue {
                if let value = invocation.value(option) { flags[option.long] = value }
            } else if invocation.flag(option) {
                flags[option.long] = ""
            }
        }
        return flags
    }
}

extension Setting {
    /// The global option of the setting's flag, its help ending in the default from the table.
    var option: OptionSpec? {
        guard let flag, let help = flagHelp else { return nil }
        // Projects are completed from the server; paths as files.
        let completion: CompletionKind? = self == .project ? .project : kind == .path ? .file : nil
        return OptionSpec(flag.long, short: flag.short, value: flag.valueName, help: help, completion: completion)
    }
}
