#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// Where a setting's value came from, for `opik config show`.
public enum ConfigSource: Sendable, Equatable, CustomStringConvertible {
    case flag(String)
    case environment(String)
    case file(String)
    case apiKey
    case `default`

    public var description: String {
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
public enum ConfigFileContent: Sendable, Equatable {
    case text(String)
    case missing
    /// It exists but cannot be read; the system's reason.
    case unreadable(String)
    /// Text that is not valid UTF-8 (bad bytes read as U+FFFD), and the line of the first.
    case notUTF8(String, line: Int)
}

/// One resolved setting.
public struct ConfigValue: Sendable, Equatable {
    public var value: String?
    public var source: ConfigSource

    public init(value: String?, source: ConfigSource) {
        self.value = value
        self.source = source
    }
}

/// The settings a command needs, resolved exactly like the official Python SDK:
/// flag > environment > config file > default.
public struct Configuration: Sendable, Equatable {
    public static let cloudURL = "https://www.comet.com/opik/api"
    public static let defaultWorkspace = "default"
    public static let defaultProject = "Default Project"
    public static let section = "opik"

    public var url: ConfigValue
    public var apiKey: ConfigValue
    public var workspace: ConfigValue
    public var project: ConfigValue
    public var configPath: ConfigValue
    public var checkTLS: ConfigValue
    /// Problems worth a warning (missing named config file, readable key file).
    public var warnings: [String]

    /// The config file's keys, as `opik config set` accepts them.
    public static let fileKeys = ["url_override", "api_key", "workspace", "project_name", "check_tls_certificate"]

    /// Resolves every setting, with `readFile` returning nil for a missing file.
    public static func resolve(
        flags: [String: String], environment: [String: String], readFile: (String) -> String?
    ) -> Configuration {
        resolve(flags: flags, environment: environment) { path in readFile(path).map(ConfigFileContent.text) ?? .missing }
    }

    /// Resolves every setting. `flags` holds flag values by long name (`url`, `workspace`,
    /// `project`, `config`, `insecure`); `readConfig` reads the config file. A config file
    /// that exists but cannot be read, and every line of it that configparser would refuse,
    /// earns a warning naming the file (and line): its settings never vanish silently.
    public static func resolve(
        flags: [String: String], environment: [String: String], readConfig: (String) -> ConfigFileContent
    ) -> Configuration {
        var warnings: [String] = []
        let configPath: ConfigValue
        if let path = flags["config"] {
            configPath = ConfigValue(value: path, source: .flag("--config"))
        } else if let path = environment[EnvironmentVariable.configPath.name], !path.isEmpty {
            configPath = ConfigValue(value: path, source: .environment(EnvironmentVariable.configPath.name))
        } else {
            let home = environment[EnvironmentVariable.home.name] ?? ""
            configPath = ConfigValue(value: home + "/.opik.config", source: .default)
        }
        let path = expandHome(configPath.value ?? "", environment: environment)
        var ini = IniParser(text: "")
        var content = readConfig(path)
        if case let .notUTF8(text, line) = content {
            warnings.append("\(path):\(line): not valid UTF-8 (the Python SDK cannot read this file); the bad bytes are read as U+FFFD")
            content = .text(text)
        }
        switch content {
        case .notUTF8: break
        case let .text(text):
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
            if configPath.source != .default { warnings.append("config file \(path) does not exist") }
        case let .unreadable(reason):
            warnings.append("config file \(path) cannot be read (\(reason)); none of its settings are used")
        }

        func pick(_ flag: String?, _ env: EnvironmentVariable, _ key: String, _ fallback: String?) -> ConfigValue {
            if let flag, let value = flags[flag] { return ConfigValue(value: value, source: .flag("--" + flag)) }
            // The SDK (pydantic-settings) matches OPIK_* names case-insensitively.
            if let value = lookup(env.name, in: environment) { return ConfigValue(value: value, source: .environment(env.name)) }
            if let (entry, problem) = ini.value(section: section, key: key) {
                if let problem { warnings.append("\(path):\(problem.line): \(problem.message)") }
                return ConfigValue(value: entry.value, source: .file(path))
            }
            return ConfigValue(value: fallback, source: .default)
        }

        var apiKey = pick(nil, .apiKey, "api_key", nil)
        // An empty key is no key: nothing to send, nothing to mask.
        if apiKey.value?.isEmpty == true { apiKey.value = nil }
        var url = pick("url", .urlOverride, "url_override", nil)
        if url.value == nil {
            if let embedded = apiKey.value.flatMap(embeddedBaseURL) {
                url = ConfigValue(value: embedded, source: .apiKey)
            } else {
                url = ConfigValue(value: cloudURL, source: .default)
            }
        }
        var checkTLS = pick(nil, .checkTLSCertificate, "check_tls_certificate", "true")
        if flags["insecure"] != nil { checkTLS = ConfigValue(value: "false", source: .flag("--insecure")) }
        return Configuration(
            url: url, apiKey: apiKey,
            workspace: pick("workspace", .workspace, "workspace", defaultWorkspace),
            project: pick("project", .projectName, "project_name", defaultProject),
            configPath: ConfigValue(value: path, source: configPath.source),
            checkTLS: checkTLS, warnings: warnings)
    }

    /// Whether TLS certificates are verified (`false`, `0`, `no`, `off` turn it off).
    public var verifiesTLS: Bool {
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
    public static func embeddedBaseURL(in apiKey: String) -> String? {
        guard let star = apiKey.firstIndex(of: "*") else { return nil }
        guard let bytes = Base64.decode(String(apiKey[apiKey.index(after: star)...])),
            let json = try? JSONParser.parse(bytes: bytes),
            let base = json["baseUrl"]?.stringValue, !base.isEmpty
        else { return nil }
        return (base.hasSuffix("/") ? base : base + "/") + "opik/api/"
    }

    /// The API key masked for display (see `Redaction.mask`).
    public static func mask(_ key: String) -> String {
        Redaction.mask(key)
    }
}
