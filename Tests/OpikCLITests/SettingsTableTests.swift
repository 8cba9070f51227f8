import Foundation
@testable import OpikCLI
import OpikCore
import OpikTestSupport
import Testing

/// Every row of `Setting.all` shows up wherever settings are described: `config show`,
/// `config set`, the global options' help, `opik help environment` and the man page.
@Suite struct SettingsTableTests {
    /// Output with every run of white space (line wrapping, indentation) made one space.
    func flattened(_ text: String) -> String {
        text.split(whereSeparator: { $0 == " " || $0 == "\n" }).joined(separator: " ")
    }

    func run(_ arguments: [String], environment: [String: String] = [:]) -> RunResult {
        CLIHarness.run(arguments, transport: FakeTransport(), environment: environment, width: 200)
    }

    /// The text of one section of the man page, with roff's escaped dashes plain.
    func manSection(_ name: String) throws -> String {
        let page = ManPage.render(root: CommandTree.root, topics: Topics.texts, date: ManPage.fixedDate)
            .replacingOccurrences(of: "\\-", with: "-")
        let start = try #require(page.range(of: ".SH \"\(name)\"\n"))
        let rest = page[start.upperBound...]
        return String(rest[..<(rest.range(of: "\n.SH ")?.lowerBound ?? rest.endIndex)])
    }

    @Test func configShowHasARowForEverySetting() throws {
        let result = run(["config", "show", "--format", "json"])
        #expect(result.status == 0)
        let json = try JSONParser.parse(bytes: Array(result.stdout.utf8))
        for setting in Setting.all {
            #expect(json[setting.name]?["source"] != nil, "config show lacks \(setting.name)")
        }
        let text = run(["config", "show"]).stdout
        #expect(text.split(separator: "\n").map { String($0.prefix { $0 != "\t" }) } == Setting.all.map(\.name))
    }

    @Test func configSetAcceptsExactlyTheFileKeys() throws {
        let set = try #require(CommandTree.root.subcommand(named: "config")?.subcommand(named: "set"))
        #expect(set.arguments.first?.choices == Setting.all.compactMap(\.fileKey))
        let help = flattened(run(["config", "set", "--help"]).stdout)
        for key in Setting.all.compactMap(\.fileKey) { #expect(help.contains(key), "config set --help lacks \(key)") }
        let refused = run(["config", "set", "config_file", "x"])
        #expect(refused.status == 2)
    }

    @Test func configSetMasksSecretsInItsConfirmation() throws {
        let home = FileManager.default.temporaryDirectory.appendingPathComponent("opik-settings-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: home, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: home) }
        let key = CLIHarness.run(["config", "set", "api_key", "sk-0123456789abcdef"], transport: FakeTransport(), home: home)
        #expect(key.status == 0)
        #expect(!key.stderr.contains("0123456789abcdef"))
        let url = CLIHarness.run(["config", "set", "url_override", "http://me:hunter2@opik.example/api"], transport: FakeTransport(), home: home)
        #expect(url.status == 0)
        #expect(!url.stderr.contains("hunter2"))
        let written = try String(contentsOfFile: home + "/.opik.config", encoding: .utf8)
        #expect(written.contains("api_key = sk-0123456789abcdef"))
        #expect(written.contains("url_override = http://me:hunter2@opik.example/api"))
    }

    @Test func everyFlagIsAGlobalOptionWithItsDefault() throws {
        let help = flattened(run(["--help"]).stdout)
        for setting in Setting.all {
            guard let flag = setting.flag else { continue }
            let option = try #require(GlobalOptions.all.first { $0.long == flag.long }, "no global option --\(flag.long)")
            #expect(option.short == flag.short)
            #expect(option.valueName == flag.valueName)
            #expect(help.contains("--" + flag.long), "--help lacks --\(flag.long)")
            if let shown = setting.renderedDefault, flag.valueName != nil {
                #expect(option.help.hasSuffix("(default \(shown))."), "--\(flag.long) help lacks its default")
                #expect(help.contains("(default \(shown))"))
            }
        }
        #expect(GlobalOptions.all.first { $0.long == "project" }?.help == "Project name (default \"Default Project\").")
    }

    @Test func helpEnvironmentNamesEveryVariableWithItsFlagAndDefault() {
        let text = flattened(run(["help", "environment"]).stdout)
        for setting in Setting.all {
            #expect(text.contains(setting.environment.name + " "), "help environment lacks \(setting.environment.name)")
            if let flag = setting.flag { #expect(text.contains("flag " + flag.names)) }
            if let shown = setting.renderedDefault { #expect(text.contains("default \(shown)")) }
        }
    }

    @Test func manPageDescribesEverySetting() throws {
        let configuration = flattened(try manSection("CONFIGURATION"))
        let environment = try manSection("ENVIRONMENT")
        for setting in Setting.all {
            #expect(configuration.contains("\\fB\(setting.title)\\fR"), "CONFIGURATION lacks \(setting.title)")
            #expect(configuration.contains("environment: \(setting.environment.name)"))
            #expect(configuration.contains("config file key: \(setting.fileKey ?? "none")"))
            #expect(configuration.contains("default: \(setting.defaultDescription)"))
            if let flag = setting.flag { #expect(configuration.contains("flag: \(flag.synopsis)")) }
            #expect(environment.contains("\\fB\(setting.environment.name)\\fR"), "ENVIRONMENT lacks \(setting.environment.name)")
        }
        let files = try manSection("FILES")
        let configFile = Setting.configFile
        #expect(files.contains("\\fB\(configFile.defaultValue ?? "")\\fR"))
        #expect(files.contains(configFile.environment.name))
    }
}
