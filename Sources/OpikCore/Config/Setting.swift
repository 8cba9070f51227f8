/// One configurable setting, described once: the command-line flag, the environment variable
/// and the config file key that set it, its default and its help. Resolution
/// (`Configuration.resolve`), `opik config show` and `config set`, the global options' help,
/// `opik help environment` and the man page's CONFIGURATION, ENVIRONMENT and FILES sections
/// are all rendered from `Setting.all`.
public struct Setting: Sendable, Equatable {
    /// What kind of value a setting holds: it decides how it is checked, shown and completed.
    public enum Kind: Sendable, Equatable {
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
    public struct Flag: Sendable, Equatable {
        public var long: String
        public var short: Character?
        /// The placeholder of its value (`URL`), or nil for a flag that takes none.
        public var valueName: String?
        /// The value a flag without a value stands for (`--insecure` is `false`).
        public var impliedValue: String?
        /// The flag's `--help` text, without the default (rendered from the setting).
        public var help: String
        /// Words after the flag in the man page (`turns it off, with a warning`).
        public var note: String?

        public init(_ long: String, short: Character? = nil, value: String? = nil, implies: String? = nil, help: String, note: String? = nil) {
            self.long = long
            self.short = short
            self.valueName = value
            self.impliedValue = implies
            self.help = help
            self.note = note
        }

        /// `-p/--project`, as prose names it.
        public var names: String { (short.map { "-\($0)/" } ?? "") + "--" + long }

        /// `-p, --project NAME`, as a synopsis writes it.
        public var synopsis: String {
            (short.map { "-\($0), " } ?? "") + "--" + long + (valueName.map { " " + $0 } ?? "")
        }
    }

    /// The row name of `opik config show` and its JSON key (`config_file`).
    public var name: String
    /// What people call it (`base URL`): the man page's CONFIGURATION entries.
    public var title: String
    public var kind: Kind
    public var flag: Flag?
    /// Why there is no flag, for a setting without one.
    public var noFlagReason: String?
    public var environment: EnvironmentVariable
    /// What the environment variable does, without the flag and default (rendered from here).
    public var environmentHelp: String
    /// The key in the config file's [opik] section, or nil when the file cannot set it.
    public var fileKey: String?
    /// The value used when no source sets the setting.
    public var defaultValue: String?
    /// The default in words, when it is more than `defaultValue` (the URL an API key embeds).
    public var defaultNote: String?

    /// Whether the value is masked wherever it is shown.
    public var isSecret: Bool { kind == .secret }

    /// The default as help texts write it: `"Default Project"`, `~/.opik.config`; nil when
    /// it needs words (`defaultNote`) or there is none.
    public var renderedDefault: String? {
        guard defaultNote == nil, let defaultValue else { return nil }
        return kind == .path || kind == .boolean ? defaultValue : "\"\(defaultValue)\""
    }

    /// The `--help` text of the setting's flag, with its default.
    public var flagHelp: String? {
        guard let flag else { return nil }
        guard flag.valueName != nil, let shown = renderedDefault else { return flag.help }
        return String(flag.help.dropLast(flag.help.hasSuffix(".") ? 1 : 0)) + " (default \(shown))."
    }

    /// The line of `opik help environment` for the setting's variable.
    public var environmentSummary: String {
        var parts: [String] = []
        if let flag { parts.append("flag \(flag.names)") }
        if let shown = renderedDefault { parts.append("default \(shown)") }
        let text = environmentHelp.hasSuffix(".") ? String(environmentHelp.dropLast()) : environmentHelp
        return parts.isEmpty ? environmentHelp : text + " (" + parts.joined(separator: "; ") + ")."
    }

    /// The flag as the man page's CONFIGURATION section describes it.
    public var flagDescription: String {
        guard let flag else { return "none" + (noFlagReason.map { ": " + $0 } ?? "") }
        return flag.synopsis + (flag.note.map { " " + $0 } ?? "")
    }

    /// The default as the man page's CONFIGURATION section describes it.
    public var defaultDescription: String {
        if let defaultNote { return defaultNote }
        guard let defaultValue else { return "none" }
        return kind == .boolean ? (defaultValue == "true" ? "on" : "off") : defaultValue
    }

    /// The setting whose config file key is `key`.
    public static func withFileKey(_ key: String) -> Setting? { all.first { $0.fileKey == key } }

    /// The config file keys, in table order: what `opik config set` accepts.
    public static var fileKeys: [String] { all.compactMap(\.fileKey) }
}
