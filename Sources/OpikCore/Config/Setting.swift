/// One configurable setting, described once: the command-line flag, the environment variable
/// and the config file key that set it, its default and its help. Resolution
/// (`Configuration.resolve`), `opik config show` and `config set`, the global options' help,
/// `opik help environment` and the man page's CONFIGURATION, ENVIRONMENT and FILES sections
/// are all rendered from `Setting.all`.
package struct Setting: Sendable, Equatable {
    /// What kind of value a setting holds: it decides how it is checked, shown and completed.
    package enum Kind: Sendable, Equatable {
        /// A base URL: `config set` checks it, `config show` masks a password in it.
        case url
        /// A secret: masked wherever it is shown.
        case secret
        /// A plain name, shown quoted in help texts.
        case name
        /// A file path, shown unquoted in help texts and completed as a file.
        case path
        /// `true` or `false`, shown unquoted.
        case boolean
    }

    /// The command-line flag that sets a setting.
    package struct Flag: Sendable, Equatable {
        package var long: String
        package var short: Character?
        /// The placeholder of its value (`URL`), or nil for a flag that takes none.
        package var valueName: String?
        /// The value a flag without a value stands for (`--insecure` is `false`).
        package var impliedValue: String?
        /// The flag's `--help` text, without the default (rendered from the setting).
        package var help: String
        /// Words after the flag in the man page (`turns it off, with a warning`).
        package var note: String?

        package init(_ long: String, short: Character? = nil, value: String? = nil, implies: String? = nil, help: String, note: String? = nil) {
            self.long = long
            self.short = short
            self.valueName = value
            self.impliedValue = implies
            self.help = help
            self.note = note
        }

        /// `-p/--project`, as prose names it.
        package var names: String { (short.map { "-\($0)/" } ?? "") + "--" + long }

        /// `-p, --project NAME`, as a synopsis writes it.
        package var synopsis: String {
            (short.map { "-\($0), " } ?? "") + "--" + long + (valueName.map { " " + $0 } ?? "")
        }
    }

    /// The row name of `opik config show` and its JSON key (`config_file`).
    package var name: String
    /// What people call it (`base URL`): the man page's CONFIGURATION entries.
    package var title: String
    package var kind: Kind
    package var flag: Flag?
    /// Why there is no flag, for a setting without one.
    package var noFlagReason: String?
    package var environment: EnvironmentVariable
    /// What the environment variable does, without the flag and default (rendered from here).
    package var environmentHelp: String
    /// The key in the config file's [opik] section, or nil when the file cannot set it.
    package var fileKey: String?
    /// The value used when no source sets the setting.
    package var defaultValue: String?
    /// The default in words, when it is more than `defaultValue` (the URL an API key embeds).
    package var defaultNote: String?

    /// The default as help texts write it: `"Default Project"`, `~/.opik.config`; nil when
    /// it needs words (`defaultNote`) or there is none.
    package var renderedDefault: String? {
        guard defaultNote == nil, let defaultValue else { return nil }
        return kind == .path || kind == .boolean ? defaultValue : "\"\(defaultValue)\""
    }

    /// The `--help` text of the setting's flag, with its default.
    package var flagHelp: String? {
        guard let flag else { return nil }
        guard flag.valueName != nil, let shown = renderedDefault else { return flag.help }
        return String(flag.help.dropLast(flag.help.hasSuffix(".") ? 1 : 0)) + " (default \(shown))."
    }

    /// The line of `opik help environment` for the setting's variable.
    package var environmentSummary: String {
        var parts: [String] = []
        if let flag { parts.append("flag \(flag.names)") }
        if let shown = renderedDefault { parts.append("default \(shown)") }
        let text = environmentHelp.hasSuffix(".") ? String(environmentHelp.dropLast()) : environmentHelp
        return parts.isEmpty ? environmentHelp : text + " (" + parts.joined(separator: "; ") + ")."
    }

    /// The flag as the man page's CONFIGURATION section describes it.
    package var flagDescription: String {
        guard let flag else { return "none" + (noFlagReason.map { ": " + $0 } ?? "") }
        return flag.synopsis + (flag.note.map { " " + $0 } ?? "")
    }

    /// The default as the man page's CONFIGURATION section describes it.
    package var defaultDescription: String {
        if let defaultNote { return defaultNote }
        guard let defaultValue else { return "none" }
        return kind == .boolean ? (defaultValue == "true" ? "on" : "off") : defaultValue
    }

    /// The setting whose config file key is `key`.
    package static func withFileKey(_ key: String) -> Setting? { all.first { $0.fileKey == key } }

    /// The config file keys, in table order: what `opik config set` accepts.
    package static var fileKeys: [String] { all.compactMap(\.fileKey) }
}
