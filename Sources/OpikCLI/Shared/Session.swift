#if canImport(Glibc)
import Glibc
#endif
import OpikCore

/// What every command that talks to the server needs, resolved once from the invocation,
/// the environment and the config file.
struct Session {
    let configuration: Configuration
    let client: OpikClient
    /// Makes further clients, for commands that send from several threads.
    let clientFactory: ClientFactory
    let format: OutputFormat
    let fields: FieldSelection?
    let isQuiet: Bool
    let useColor: Bool
    let notices: Notices

    /// `fieldsOf` names what the command prints, so that `--fields` is checked against it.
    init(_ invocation: Invocation, context: Context, fieldsOf vocabulary: FieldVocabulary? = nil) throws {
        configuration = Session.configuration(invocation, context: context)
        isQuiet = invocation.flag(GlobalOptions.quiet)
        notices = Notices(stderr: context.stderr, isQuiet: isQuiet)
        notices.warnAbout(configuration)
        try BaseURLCheck.check(configuration.url)

        format = try invocation.value(GlobalOptions.format).map {
            guard let format = OutputFormat(rawValue: $0) else { throw OpikError.usage("invalid format '\($0)'") }
            return format
        } ?? .table
        do {
            fields = try invocation.value(GlobalOptions.fields).map { try FieldSelection.parse($0) }
            if let vocabulary { try fields?.check(vocabulary) }
        } catch {
            throw OpikError.from(error)
        }
        useColor = context.isStdoutTerminal && !invocation.flag(GlobalOptions.noColor)
            && context.environment[EnvironmentVariable.noColor.name] == nil
        // The table renderers clean server text before they colour it: their own colour codes
        // may pass the terminal escaping; in every other format nothing does.
        if useColor, format == .table, context.stdout.escaping == .all { context.stdout.escaping = .allButStyles }

        let timeout = try Session.number(invocation, GlobalOptions.timeout, range: 0.1...86_400)
        let retries = Int(try Session.number(invocation, GlobalOptions.retries, range: 0...100))
        var options = TransportOptions()
        options.verifyTLS = configuration.verifiesTLS
        options.caCertificateFile = invocation.value(GlobalOptions.cacert)
        options.isVerbose = invocation.flag(GlobalOptions.verbose)
        options.secrets = configuration.apiKey.value.map { [$0] } ?? []
        if !options.verifyTLS {
            notices.warn("TLS certificate verification is off; the connection can be intercepted")
        }
        if let cacert = options.caCertificateFile, access(cacert, R_OK) != 0 {
            throw OpikError.invalidInput("--cacert \(cacert): no such file")
        }
        clientFactory = ClientFactory(
            baseURL: configuration.url.value ?? Configuration.cloudURL, apiKey: configuration.apiKey.value,
            workspace: configuration.workspace.value ?? Configuration.defaultWorkspace,
            options: options, timeout: timeout, retries: retries, context: context)
        let stderr = context.stderr
        let notices = self.notices
        client = clientFactory.make(
            log: { line in try? stderr.write(line + "\n"); try? stderr.flush() },
            onWait: { notices.info($0) })
    }

    /// The settings from the invocation's flags, the environment and the config file.
    static func configuration(_ invocation: Invocation, context: Context) -> Configuration {
        let flags = GlobalOptions.settingFlags(invocation)
        let configuration = Configuration.resolve(flags: flags, environment: context.environment, readConfig: Files.read)
        // From here on stderr masks the API key wherever it shows up (a server may echo it).
        context.stderr.redaction = Redaction(secrets: configuration.apiKey.value.map { [$0] } ?? [])
        return configuration
    }

    /// The project name to use (flag, env, config file or "Default Project").
    var projectName: String { configuration.project.value ?? Configuration.defaultProject }

    /// The number given for `option`, else its declared default, checked against `range`.
    static func number(_ invocation: Invocation, _ option: OptionSpec, range: ClosedRange<Double>) throws -> Double {
        let text = invocation.valueOrDefault(option) ?? ""
        guard let number = Double(text), range.contains(number) else {
            throw OpikError.usage("invalid value '\(text)' for --\(option.long): expected a number from \(Int(range.lowerBound)) to \(Int(range.upperBound))")
        }
        return number
    }
}
