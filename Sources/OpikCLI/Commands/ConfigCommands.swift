import OpikCore

/// `opik config show|set`: the resolved configuration and the config file.
enum ConfigCommands {
    static let spec: CommandSpec = CommandSpec(
        "config",
        summary: "Show or change the configuration",
        discussion: """
            Settings come from flags, then environment variables, then the config file \
            (\(Setting.configFile.defaultValue ?? ""), the INI file the Opik Python SDK writes), then defaults.
            """,
        subcommands: [show, set])

    static let show = CommandSpec(
        "show",
        summary: "Print every setting, its value and where it came from",
        discussion: """
            The API key is masked (its first three characters are shown when it has at least \
            12), and an unset one shows as (not set) (empty in a pipe, null in JSON); a \
            password in the URL (http://user:pass@host) shows as ***. Problems in the config \
            file are warned about on stderr, naming the file and line. With --format json, \
            one object keyed by setting name.
            """,
        examples: [Example("opik config show", "Where does the URL come from?")],
        run: { invocation, context in try runShow(invocation, context: &context) })

    static let set = CommandSpec(
        "set",
        summary: "Write a setting to the config file",
        discussion: """
            Writes KEY = VALUE into the [opik] section of the config file, creating the file \
            with mode 0600 and keeping other sections, keys, comments and line endings. The \
            file is replaced atomically (a temporary file in the same directory, then a \
            rename); a config file that is a symbolic link stays one and the file it points \
            to is written. A repeated key is written once. A VALUE with a line break or \
            another control character, and a url_override that is no http or https URL, are \
            refused (status \(ExitStatus.usage.code)); a % is written as %%, as \
            configparser reads it. Keys: \(Setting.fileKeys.joined(separator: ", ")).
            """,
        arguments: [
            ArgumentSpec("KEY", help: "The setting to write.", choices: Setting.fileKeys),
            ArgumentSpec("VALUE", help: "Its value."),
        ],
        examples: [
            Example("opik config set url_override http://localhost:5173/api", "Use a local Opik."),
            Example("opik config set project_name my-app", "Default project for every command."),
        ],
        run: { invocation, context in try runSet(invocation, context: &context) })

    static func runShow(_ invocation: Invocation, context: inout Context) throws -> ExitStatus {
        let configuration = Session.configuration(invocation, context: context)
        let rows: [(String, ConfigValue)] = Setting.all.map { setting in
            let resolved = configuration[setting]
            return (setting.name, ConfigValue(value: resolved.value.map(setting.shown), source: resolved.source))
        }
        switch invocation.value(GlobalOptions.format) {
        case "json", "ndjson":
            let object = JSONValue.object(rows.map { name, setting in
                (name, ["value": setting.value.map(JSONValue.string) ?? .null, "source": .string(setting.source.description)])
            })
            try context.stdout.write((invocation.value(GlobalOptions.format) == "json" ? JSONWriter.pretty(object) : JSONWriter.compact(object)) + "\n")
        default:
            let width = rows.map(\.0.count).max() ?? 0
            for (name, setting) in rows {
                let value = setting.value ?? "(not set)"
                if context.isStdoutTerminal {
                    try context.stdout.write(name.padding(to: width) + "  " + value + "  (\(setting.source))\n")
                } else {
                    try context.stdout.write("\(name)\t\(setting.value ?? "")\t\(setting.source)\n")
                }
            }
        }
        Notices(stderr: context.stderr, isQuiet: invocation.flag(GlobalOptions.quiet)).warnAbout(configuration)
        return .success
    }

    static func runSet(_ invocation: Invocation, context: inout Context) throws -> ExitStatus {
        let key = invocation.operands[0]
        let value = invocation.operands[1]
        // The parser accepts only the keys of `Setting.fileKeys`.
        guard let setting = Setting.withFileKey(key) else { throw OpikError.usage("unknown key '\(key)'") }
        if setting.kind == .boolean, !["true", "false"].contains(value.lowercased()) {
            throw OpikError.usage("invalid value '\(value)' for check_tls_certificate: expected true or false")
        }
        // A line break would end the value and start a key of its own; other control
        // characters would be written raw into a file that people read in terminals.
        if value.unicodeScalars.contains(where: { $0.value < 0x20 || (0x7F...0x9F).contains($0.value) }) {
            throw OpikError.usage("invalid value for \(key): it holds a line break or another control character")
        }
        if setting.kind == .url, let problem = BaseURLCheck.problem(value) {
            throw OpikError.usage("invalid URL '\(value)' for \(key): \(problem)")
        }
        let configuration = Session.configuration(invocation, context: context)
        guard let path = configuration.configPath.value else { throw OpikError.usage("no config file path") }
        var ini: IniFile
        switch Files.read(path) {
        case let .text(text): ini = IniFile(text: text)
        case .notUTF8(_, let line):
            throw OpikError.file(path: path, message: "line \(line) is not valid UTF-8; nothing was changed")
        case .missing: ini = IniFile(text: "")
        case let .unreadable(reason):
            // Writing would replace a file whose other settings were never read.
            throw OpikError.file(path: path, message: "cannot be read (\(reason)); nothing was changed")
        }
        // configparser reads '%' as the start of a reference: '%%' is a literal one.
        ini.set(section: Configuration.section, key: key, value: value.replacing("%", with: "%%"))
        try Files.write(Array(ini.text.utf8), to: path, mode: 0o600)
        if !invocation.flag(GlobalOptions.quiet) {
            try context.stderr.write("opik: set \(key) = \(setting.shown(value)) in \(path)\n")
        }
        return .success
    }
}

extension Setting {
    /// A value of the setting as `opik config` prints it: secrets masked, and a password in
    /// a URL.
    func shown(_ value: String) -> String {
        switch kind {
        case .secret: return Redaction.mask(value)
        case .url: return Redaction.maskingUserinfo(in: value)
        case .name, .path, .boolean: return value
        }
    }
}

extension String {
    func padding(to width: Int) -> String {
        count >= width ? self : self + String(repeating: " ", count: width - count)
    }
}
