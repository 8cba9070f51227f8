/// The table of settings. A new setting is one more row here (plus, when code reads it, an
/// accessor on `Configuration`); resolution, `opik config`, the help and the man page follow.
extension Setting {
    private static let cloudURL = "https://www.comet.com/opik/api"

    package static let url = Setting(
        name: "url", title: "base URL", kind: .url,
        flag: Flag("url", value: "URL", help: "Base URL of the Opik API: http://HOST:5173/api behind the frontend of a full install, http://HOST:8080 for the backend alone; a 404 that is not Opik's means a wrong URL (status \(ExitStatus.unreachable.code))."),
        environment: .urlOverride,
        environmentHelp: "Base URL of the Opik API, e.g. http://localhost:5173/api.",
        fileKey: "url_override",
        defaultValue: cloudURL,
        defaultNote: "the base URL embedded in the API key, else " + cloudURL)

    package static let apiKey = Setting(
        name: "api_key", title: "API key", kind: .secret,
        noFlagReason: "never a flag, so it stays out of shell history and process lists",
        environment: .apiKey,
        environmentHelp: "API key sent verbatim as the Authorization header. A key of the form KEY*BASE64 that embeds a baseUrl also sets the URL when nothing else does.",
        fileKey: "api_key",
        defaultNote: "none: no Authorization header is sent")

    package static let workspace = Setting(
        name: "workspace", title: "workspace", kind: .name,
        flag: Flag("workspace", value: "NAME", help: "Workspace name."),
        environment: .workspace,
        environmentHelp: "Workspace name sent as Comet-Workspace.",
        fileKey: "workspace",
        defaultValue: "default")

    package static let project = Setting(
        name: "project", title: "project", kind: .name,
        flag: Flag("project", short: "p", value: "NAME", help: "Project name."),
        environment: .projectName,
        environmentHelp: "Project name.",
        fileKey: "project_name",
        defaultValue: "Default Project")

    package static let configFile = Setting(
        name: "config_file", title: "config file", kind: .path,
        flag: Flag("config", value: "FILE", help: "Config file to read."),
        environment: .configPath,
        environmentHelp: "Path of the INI config file.",
        defaultValue: "~/.opik.config")

    package static let checkTLS = Setting(
        name: "check_tls_certificate", title: "TLS verification", kind: .boolean,
        flag: Flag("insecure", implies: "false", help: "Do not verify TLS certificates (prints a warning).", note: "turns it off, with a warning"),
        environment: .checkTLSCertificate,
        environmentHelp: "Set to false to skip TLS certificate verification.",
        fileKey: "check_tls_certificate",
        defaultValue: "true")

    /// Every setting, in the order `opik config show` and the man page list them.
    package static let all: [Setting] = [url, apiKey, workspace, project, configFile, checkTLS]
}
