#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// Where a setting's value came from, for `opik config show`.
package enum ConfigSource: Sendable, Equatable, CustomStringConvertible {
    case flag(String)
    case environment(String)
    case file(String)
    case apiKey
    case `default`

    package var description: String {
        switch self {
        case let .flag(name): return "flag \(name)"
        case let .environment(name): return "env \(name)"
        case let .file(path): return "file \(path)"
        case .apiKey: return "api key"
        case .default: return "default"
        }
    }
}

/// What reading the config file found.
package enum ConfigFileContent: Sendable, Equatable {
    case text(String)
    case missing
    /// It exists but cannot be read; the system's reason.
    case unreadable(String)
    /// Text that is not valid UTF-8 (bad bytes read as U+FFFD), and the line of the first.
    case notUTF8(String, line: Int)
}

/// One resolved setting.
package struct ConfigValue: Sendable, Equatable {
    package var value: String?
    package var source: ConfigSource

    package init(value: String?, source: ConfigSource) {
        self.value = value
        self.source = source
    }
}

/// The settings a command needs, resolved exactly like the official Python SDK:
/// flag > environment > config file > default, for every row of `Setting.all`.
package struct Configuration: Sendable, Equatable {
    package static var cloudURL: String { Setting.url.defaultValue ?? "" }
    package static var defaultWorkspace: String { Setting.workspace.defaultValue ?? "" }
    package static var defaultProject: String { Setting.project.defaultValue ?? "" }
    package static let section = "opik"

    /// Each setting's value, by `Setting.name`.
    package private(set) var values: [String: ConfigValue]
    /// Problems worth a warning (missing named config file, readable key file).
    package var warnings: [String]

    /// The resolved value of `setting`.
    package subscript(_ setting: Setting) -> ConfigValue {
        values[setting.name] ?? ConfigValue(value: nil, source: .default)
    }

    package var url: ConfigValue { self[.url] }
    package var apiKey: ConfigValue { self[.apiKey] }
    package var workspace: ConfigValue { self[.workspace] }
    package var project: ConfigValue { self[.project] }
    package var configPath: ConfigValue { self[.configFile] }
    package var checkTLS: ConfigValue { self[.checkTLS] }

    /// The config file's keys, as `opik config set` accepts them.
    package static var fileKeys: [String] { Setting.fileKeys }

    /// Resolves every setting, with `readFile` returning nil for a missing file.
    package static func resolve(
        flags: [String: String], environment: [String: String], readFile: (String) -> String?
    ) -> Configuration {
        resolve(flags: flags, environment: environment) { path in readFile(path).map(ConfigFileContent.text) ?? .missing }
    }

    /// Resolves every setting. `flags` holds flag values by long name (`url`, `workspace`,
    /// `project`, `config`, `insecure`: the flags of `Setting.all`); `readConfig` reads the
    /// config file. A config file that exists but cannot be read, and every line of it that
    /// configparser would refuse, earns a warning naming the file (and line): its settings
    /// never vanish silently.
    package static func resolve(
        flags: [String: String], environment: [String: String], readConfig: (String) -> ConfigFileContent
    ) -> Configuration {
        var warnings: [String] = []
        let pathSetting = Setting.configFile
        var configPath: ConfigValue
        // The file cannot name itself, and an empty variable names no file.
        if let flag = pathSetting.flag, let path = flags[flag.long] {
            configPath = ConfigValue(value: path, source: .flag("--" + flag.long))
        } else if let path = environment[pathSetting.environment.name], !path.isEmpty {
            configPath = ConfigValue(value: path, source: .environment(pathSetting.environment.name))
        } else {
            configPath = ConfigValue(value: pathSetting.defaultValue, source: .default)
        }
        let path = expandHome(configPath.value ?? "", environment: environment)
        configPath.value = path
        let ini = read(path, named: configPath.source != .default, readConfig: readConfig, warnings: &warnings)

        func pick(_ setting: Setting) -> ConfigValue {
            if let flag = setting.flag, let value = flags[flag.long] {
                return ConfigValue(value: flag.impliedValue ?? value, source: .flag("--" + flag.long))
            }
            // The SDK (pydantic-settings) matches OPIK_* names case-insensitively.
            let env = setting.environment.name
            if let value = lookup(env, in: environment) { return ConfigValue(value: value, source: .environment(env)) }
            if let key = setting.fileKey, let (entry, problem) = ini.value(section: section, key: key) {
                if let problem { warnings.append("\(path):\(problem.line): \(problem.message)") }
                return ConfigValue(value: entry.value, source: .file(path))
            }
            return ConfigValue(value: setting.defaultValue, source: .default)
        }

        var values: [String: ConfigValue] = [pathSetting.name: configPath]
        for setting in Setting.all where setting != pathSetting { values[setting.name] = pick(setting) }
        // An empty key is no key: nothing to send, nothing to mask.
        if values[Setting.apiKey.name]?.value?.isEmpty == true { values[Setting.apiKey.name]?.value = nil }
        // With no URL set anywhere, one embedded in the API key comes before the cloud's.
        if values[Setting.url.name]?.source == .default,
            let embedded = values[Setting.apiKey.name]?.value.flatMap(embeddedBaseURL) {
            values[Setting.url.name] = ConfigValue(value: embedded, source: .apiKey)
        }
        return Configuration(values: values, warnings: warnings)
    }

    /// The config file at `path` parsed, with a warning for every problem in reading it;
    /// `named` tells whether the user named the file (then a missing one is worth a warning).
    static func read(
        _ path: String, named: Bool, readConfig: (String) -> ConfigFileContent, warnings: inout [String]
    ) -> IniParser {
        var ini = IniParser(text: "")
        let content = readConfig(path)
        if case let .notUTF8(_, line) = content {
            warnings.append("\(path):\(line): not valid UTF-8 (the Python SDK cannot read this file); the bad bytes are read as U+FFFD")
        }
        switch content {
        case let .text(text), let .notUTF8(text, _):
            ini = IniParser(text: text)
            // A file that is no INI file at all must not bury the terminal in warnings.
            warnings += ini.problems.prefix(5).map { "\(path):\($0.line): \($0.message)" }
            if ini.problems.count > 5 { warnings.append("\(path): \(ini.problems.count - 5) more lines like these") }
            // Settings under another section (configparser's names are case-sensitive) would
            // be skipped without a word, and the URL fall back to the cloud.
            if ini.sections[section] == nil, ini.sections.values.contains(where: { !$0.isEmpty }) {
                warnings.append("config file \(path) has no [\(section)] section; none of its settings are used")
            }
        case .missing:
            if named { warnings.append("config file \(path) does not exist") }
        case let .unreadable(reason):
            warnings.append("config file \(path) cannot be read (\(reason)); none of its settings are used")
        }
        return ini
    }

    /// Whether TLS certificates are verified (`false`, `0`, `no`, `off` turn it off).
    package var verifiesTLS: Bool {
        !["false", "0", "no", "off"].contains((checkTLS.value ?? "true").lowercased())
    }

    static func lookup(_ name: String, in environment: [String: String]) -> String? {
        if let value = environment[name] { return value }
        return environment.first { $0.key.uppercased() == name }?.value
    }

    static func expandHome(_ path: String, environment: [String: String]) -> String {
        guard path.hasPrefix("~/") else { return path }
        return (environment[EnvironmentVariable.home.name] ?? "") + path.dropFirst(1)
    }

    /// The base URL an API key of the form `KEY*BASE64(JSON)` carries, as `<baseUrl>opik/api/`.
    package static func embeddedBaseURL(in apiKey: String) -> String? {
        guard let star = apiKey.firstIndex(of: "*") else { return nil }
        guard let bytes = Base64.decode(String(apiKey[apiKey.index(after: star)...])),
            let json = try? JSONParser.parse(bytes: bytes),
            let base = json["baseUrl"]?.stringValue, !base.isEmpty
        else { return nil }
        return (base.hasSuffix("/") ? base : base + "/") + "opik/api/"
    }
}
