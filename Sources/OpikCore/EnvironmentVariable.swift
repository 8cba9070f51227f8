/// Every environment variable the program reads, declared once with its documentation;
/// `opik help environment` and the man page's ENVIRONMENT section render from here. The
/// variables of settings take their text from their row of `Setting.all`.
package enum EnvironmentVariable: String, CaseIterable, Sendable {
    case urlOverride = "OPIK_URL_OVERRIDE"
    case apiKey = "OPIK_API_KEY"
    case workspace = "OPIK_WORKSPACE"
    case projectName = "OPIK_PROJECT_NAME"
    case configPath = "OPIK_CONFIG_PATH"
    case checkTLSCertificate = "OPIK_CHECK_TLS_CERTIFICATE"
    case noColor = "NO_COLOR"
    case httpsProxy = "https_proxy"
    case httpProxy = "http_proxy"
    case noProxy = "no_proxy"
    case home = "HOME"

    package var name: String { rawValue }

    /// The setting this variable sets, if it is one of `Setting.all`'s.
    package var setting: Setting? { Setting.all.first { $0.environment == self } }

    package var summary: String {
        if let setting { return setting.environmentSummary }
        switch self {
        case .noColor: return "When set to any value, output carries no colour (like --no-color)."
        case .httpsProxy: return "Proxy for https URLs (also HTTPS_PROXY)."
        case .httpProxy: return "Proxy for http URLs."
        case .noProxy: return "Comma-separated hosts that bypass the proxy (also NO_PROXY)."
        case .home: return "Where the default config file \(Setting.configFile.defaultValue ?? "") is looked for."
        case .urlOverride, .apiKey, .workspace, .projectName, .configPath, .checkTLSCertificate:
            return ""
        }
    }
}
