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

/// One resolved setting.
public struct ConfigValue: Sendable, Equatable {
    public var value: String?
    public var source: ConfigSource

    public init(value: String?, source: ConfigSource) {
        self.value = value
        self.source = source
    }
}

/// The settings a command needs, resolved exactly like the official SDK (see docs/SERVER.md#configuration-resolution):
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

    /// Resolves every setting. `flags` holds flag values by long name (`url`, `workspace`,
    /// `project`, `config`, `insecure`); `readFile` returns nil for a missing file.
    public static func resolve(
        flags: [String: String], environment: [String: String], readFile: (String) -> String?
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
        var ini = IniFile(text: "")
        if let text = readFile(path) {
            ini = IniFile(text: text)
        } else if configPath.source != .default {
            warnings.append("config file \(path) does not exist")
        }

        func pick(_ flag: String?, _ env: EnvironmentVariable, _ key: String, _ fallback: String?) -> ConfigValue {
            if let flag, let value = flags[flag] { return ConfigValue(value: value, source: .flag("--" + flag)) }
            // The SDK (pydantic-settings) matches OPIK_* names case-insensitively.
            if let value = lookup(env.name, in: environment) { return ConfigValue(value: value, source: .environment(env.name)) }
            if let value = ini.value(section: section, key: key) { return ConfigValue(value: value, source: .file(path)) }
            return ConfigValue(value: fallback, source: .default)
        }

        let apiKey = pick(nil, .apiKey, "api_key", nil)
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
        var encoded = String(apiKey[apiKey.index(after: star)...].map { $0 == "-" ? "+" : $0 == "_" ? "/" : $0 })
        while encoded.count % 4 != 0 { encoded += "=" }
        guard let data = Data(base64Encoded: encoded),
            let json = try? JSONParser.parse(bytes: [UInt8](data)),
            let base = json["baseUrl"]?.stringValue, !base.isEmpty
        else { return nil }
        return (base.hasSuffix("/") ? base : base + "/") + "opik/api/"
    }

    /// The API key with all but its first three characters hidden.
    public static func mask(_ key: String) -> String {
        key.count <= 3 ? "***" : String(key.prefix(3)) + "***"
    }
}
