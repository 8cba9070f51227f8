import OpikCore
import Testing

@Suite struct ConfigurationTests {
    let file = """
        [other]
        url_override = http://wrong

        [opik]
        url_override = http://file/api
        workspace = file-ws
        api_key = filekey
        """

    func resolve(flags: [String: String] = [:], env: [String: String] = [:], file: String? = nil) -> Configuration {
        var environment = env
        environment["HOME"] = "/home/u"
        return Configuration.resolve(flags: flags, environment: environment) { path in
            path == "/home/u/.opik.config" || path == "/etc/opik.ini" ? file : nil
        }
    }

    @Test func defaultsMatchTheSDK() {
        let config = resolve()
        #expect(config.url == ConfigValue(value: "https://www.comet.com/opik/api", source: .default))
        #expect(config.workspace.value == "default")
        #expect(config.project.value == "Default Project")
        #expect(config.apiKey.value == nil)
        #expect(config.verifiesTLS)
        #expect(config.warnings.isEmpty)
    }

    @Test func flagBeatsEnvironmentBeatsFileBeatsDefault() {
        let config = resolve(
            flags: ["workspace": "flag-ws"],
            env: ["OPIK_WORKSPACE": "env-ws", "OPIK_URL_OVERRIDE": "http://env/api"], file: file)
        #expect(config.workspace == ConfigValue(value: "flag-ws", source: .flag("--workspace")))
        #expect(config.url == ConfigValue(value: "http://env/api", source: .environment("OPIK_URL_OVERRIDE")))
        #expect(config.apiKey == ConfigValue(value: "filekey", source: .file("/home/u/.opik.config")))
        #expect(config.project.source == .default)
    }

    @Test func environmentNamesMatchCaseInsensitively() {
        #expect(resolve(env: ["opik_project_name": "lower"]).project.value == "lower")
    }

    @Test func configPathFromEnvironmentAndMissingNamedFileWarns() {
        let config = resolve(env: ["OPIK_CONFIG_PATH": "/etc/opik.ini"], file: file)
        #expect(config.workspace.value == "file-ws")
        let missing = resolve(flags: ["config": "/nope.ini"])
        #expect(missing.warnings == ["config file /nope.ini does not exist"])
    }

    @Test func apiKeyCanCarryTheBaseURL() {
        // base64 of {"baseUrl":"https://acme.example.com/"}
        let key = "abc*eyJiYXNlVXJsIjoiaHR0cHM6Ly9hY21lLmV4YW1wbGUuY29tLyJ9"
        let config = resolve(env: ["OPIK_API_KEY": key])
        #expect(config.url == ConfigValue(value: "https://acme.example.com/opik/api/", source: .apiKey))
        #expect(resolve(env: ["OPIK_API_KEY": key, "OPIK_URL_OVERRIDE": "http://x"]).url.value == "http://x")
    }

    @Test(arguments: [("false", false), ("0", false), ("False", false), ("true", true), ("yes", true)])
    func tlsCheckSetting(value: String, verifies: Bool) {
        #expect(resolve(env: ["OPIK_CHECK_TLS_CERTIFICATE": value]).verifiesTLS == verifies)
    }

    @Test func insecureFlagTurnsVerificationOff() {
        let config = resolve(flags: ["insecure": ""])
        #expect(!config.verifiesTLS)
        #expect(config.checkTLS.source == .flag("--insecure"))
    }

    @Test func iniEditingKeepsOtherLines() {
        var ini = IniFile(text: "# mine\n[other]\nx = 1\n\n[opik]\nworkspace = a\n")
        ini.set(section: "opik", key: "workspace", value: "b")
        ini.set(section: "opik", key: "project_name", value: "p")
        #expect(ini.text == "# mine\n[other]\nx = 1\n\n[opik]\nworkspace = b\nproject_name = p\n")
        var fresh = IniFile(text: "")
        fresh.set(section: "opik", key: "api_key", value: "k")
        #expect(fresh.text == "[opik]\napi_key = k\n")
    }

    @Test func maskShowsOnlyThreeCharactersOfALongKey() {
        #expect(Redaction.mask("secretkey-0123") == "sec***")
        // A short key shows nothing: the same rule as the wire log's.
        #expect(Redaction.mask("secretkey") == "***")
        #expect(Redaction.mask("ab") == "***")
    }

    @Test func fileProblemsAndUnreadableFilesAreWarnedAbout() {
        let broken = resolve(file: "[opik]\n" + (1...8).map { "junk \($0)" }.joined(separator: "\n"))
        #expect(broken.warnings.count == 6)
        #expect(broken.warnings.first == "/home/u/.opik.config:2: not a [section], a key = value or a comment; the line is ignored")
        #expect(broken.warnings.last == "/home/u/.opik.config: 3 more lines like these")
        let unreadable = Configuration.resolve(flags: [:], environment: ["HOME": "/home/u"]) { _ in .unreadable("Permission denied") }
        #expect(unreadable.warnings == ["config file /home/u/.opik.config cannot be read (Permission denied); none of its settings are used"])
    }

    @Test func anEmptyAPIKeyIsNoKey() {
        let config = resolve(env: ["OPIK_API_KEY": ""])
        #expect(config.apiKey == ConfigValue(value: nil, source: .environment("OPIK_API_KEY")))
    }

    @Test func textThatIsNotUTF8IsReadWithAWarning() {
        let config = Configuration.resolve(flags: [:], environment: ["HOME": "/home/u"]) { _ in
            .notUTF8("[opik]\nworkspace = w\u{FFFD}\n", line: 2)
        }
        #expect(config.workspace.value == "w\u{FFFD}")
        #expect(config.warnings == ["/home/u/.opik.config:2: not valid UTF-8 (the Python SDK cannot read this file); the bad bytes are read as U+FFFD"])
    }
}
