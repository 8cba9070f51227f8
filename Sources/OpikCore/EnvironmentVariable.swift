/// Every environment variable the program reads, declared once with its documentation;
/// `opik help environment` and the man page's ENVIRONMENT section render from here.
public enum EnvironmentVariable: String, CaseIterable, Sendable {
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

    public var name: String { rawValue }

    public var summary: String {
        switch self {
        case .urlOverride: return "Base URL of the Opik API, e.g. http://localhost:5173/api (flag --url)."
        case .apiKey:
            return "API key sent verbatim as the Authorization header. A key of the form KEY*BASE64 that embeds a baseUrl also sets the URL when nothing else does."
        case .workspace: return "Workspace name sent as Comet-Workspace (flag --workspace; default \"default\")."
        case .projectName: return "Project used when -p/--project is not given (default \"Default Project\")."
        case .configPath: return "Path of the INI config file (flag --config; default ~/.opik.config)."
        case .checkTLSCertificate: return "Set to false to skip TLS certificate verification, like --insecure."
        case .noColor: return "When set to any value, output carries no colour (like --no-color)."
        case .httpsProxy: return "Proxy for https URLs (also HTTPS_PROXY)."
        case .httpProxy: return "Proxy for http URLs."
        case .noProxy: return "Comma-separated hosts that bypass the proxy (also NO_PROXY)."
        case .home: return "Where the default config file ~/.opik.config is looked for."
        }
    }
}
