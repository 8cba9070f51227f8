import Foundation
import OpikCore
import OpikTestServer
import OpikTestSupport
import Testing

/// The config file read as the SDK reads it, problems warned about, and `config set` writing
/// safely. Every run has its own HOME.
@Suite(.serialized) struct ConfigEndToEndTests {
    func home(config: String? = nil) throws -> String {
        let home = BinaryRunner.temporaryHome()
        if let config { try write(config, to: home + "/.opik.config") }
        return home
    }

    func write(_ text: String, to path: String) throws {
        try Data(text.utf8).write(to: URL(fileURLWithPath: path))
        chmod(path, 0o600)
    }

    /// Runs a bash command line with opik as "$OPIK".
    func bash(_ script: String, home: String, environment: [String: String] = [:]) throws -> RunResult {
        try BinaryRunner.shell(script, environment: environment, home: home)
    }

    @Test func aConfigFileWithCRLFAndABOMTalksToTheConfiguredServer() throws {
        let server = try OpikTestServer.start()
        defer { server.stop() }
        server.seed(project: "app", count: 3)
        let home = try home(config: "\u{FEFF}[opik]\r\nurl_override = \(server.baseURL)\r\nWorkspace : default\r\nproject_name=app\r\n")
        let result = try BinaryRunner.run(["spans", "list", "-n", "1", "--fields", "id"], home: home)
        #expect(result.status == 0)
        #expect(result.stderr == "")
        #expect(result.stdout.split(separator: "\n").count == 1)
        #expect(server.requests.contains { $0.path == "/v1/private/spans/search" })
    }

    @Test func aRepeatedKeyWarnsNamingFileAndLineAndTheLastWins() throws {
        let server = try OpikTestServer.start()
        defer { server.stop() }
        server.seed(project: "app", count: 1)
        let home = try home(config: "[opik]\nurl_override = http://127.0.0.1:1/api\nurl_override = \(server.baseURL)\n")
        let result = try BinaryRunner.run(["spans", "list", "-p", "app", "-n", "1"], home: home)
        #expect(result.status == 0)
        #expect(result.stderr == "opik: warning: \(home)/.opik.config:3: key 'url_override' in [opik] appears again "
            + "(first on line 2); the value on line 3 wins\n")
    }

    @Test func aConfigFileThatCannotBeReadIsNeverSkippedSilently() throws {
        let home = try home()
        try FileManager.default.createDirectory(atPath: home + "/.opik.config", withIntermediateDirectories: true)
        let result = try BinaryRunner.run(["config", "show"], home: home)
        #expect(result.status == 0)
        #expect(result.stderr == "opik: warning: config file \(home)/.opik.config cannot be read (Is a directory); none of its settings are used\n")
    }

    @Test func settingsUnderAnotherSectionNameAreNotSkippedSilently() throws {
        let home = try home(config: "[OPIK]\nurl_override = http://localhost:5173/api\n")
        let result = try BinaryRunner.run(["config", "show"], home: home)
        #expect(result.stderr == "opik: warning: config file \(home)/.opik.config has no [opik] section; none of its settings are used\n")
    }

    @Test func aConfigFromAProcessSubstitutionOrFIFOIsRead() throws {
        let home = try home()
        let substituted = try bash(#""$OPIK" config show --config <(printf '[opik]\r\nworkspace = piped\r\n')"#, home: home)
        #expect(substituted.status == 0)
        #expect(substituted.stdout.contains("workspace\tpiped\tfile /dev/fd/"))
        #expect(substituted.stderr == "")
        let fifo = try bash(#"mkfifo "$HOME/fifo" && (printf '[opik]\nproject_name = fifo\n' > "$HOME/fifo" &) && "$OPIK" config show --config "$HOME/fifo""#, home: home)
        #expect(fifo.stdout.contains("project\tfifo\tfile \(home)/fifo\n"))
    }

    @Test func configSetRefusesControlCharactersAndChangesNothing() throws {
        let home = try home(config: "[opik]\nworkspace = mine\n")
        for value in ["a\nurl_override = http://evil.example", "a\u{1B}]0;x\u{07}", "tab\there"] {
            let result = try BinaryRunner.run(["config", "set", "workspace", value], home: home)
            #expect(result.status == 2)
            #expect(result.stderr == "opik: error: invalid value for workspace: it holds a line break or another control character\n")
        }
        let url = try BinaryRunner.run(["config", "set", "url_override", "localhost:5173/api"], home: home)
        #expect(url.status == 2)
        #expect(url.stderr == "opik: error: invalid URL 'localhost:5173/api' for url_override: it has no scheme (expected http:// or https://)\n")
        #expect(try String(contentsOfFile: home + "/.opik.config", encoding: .utf8) == "[opik]\nworkspace = mine\n")
    }

    @Test func configSetWritesThroughASymlinkAtomicallyKeepingLineEnds() throws {
        let home = try home()
        let dotfiles = home + "/dotfiles"
        try FileManager.default.createDirectory(atPath: dotfiles, withIntermediateDirectories: true)
        try write("# mine\r\n[opik]\r\nworkspace = a\r\n", to: dotfiles + "/opik.config")
        #expect(symlink("dotfiles/opik.config", home + "/.opik.config") == 0)
        let result = try BinaryRunner.run(["config", "set", "project_name", "50% off"], home: home)
        #expect(result.status == 0)
        var info = stat()
        #expect(lstat(home + "/.opik.config", &info) == 0 && info.st_mode & S_IFMT == S_IFLNK)
        #expect(try String(contentsOfFile: dotfiles + "/opik.config", encoding: .utf8)
            == "# mine\r\n[opik]\r\nworkspace = a\r\nproject_name = 50%% off\r\n")
        #expect(try FileManager.default.contentsOfDirectory(atPath: dotfiles) == ["opik.config"])
        let show = try BinaryRunner.run(["config", "show"], home: home)
        #expect(show.stdout.contains("project\t50% off\tfile \(home)/.opik.config\n"))
    }

    @Test func anUnsetAPIKeyShowsAsUnsetAndASetOneMasked() throws {
        let home = try home()
        let empty = try BinaryRunner.run(["config", "show"], environment: ["OPIK_API_KEY": ""], home: home)
        #expect(empty.stdout.contains("api_key\t\tenv OPIK_API_KEY\n"))
        #expect(!empty.stdout.contains("***"))
        let json = try BinaryRunner.run(["config", "show", "--format", "json"], home: home)
        #expect(try JSONParser.parse(json.stdout)["api_key"]?["value"] == .null)
        let set = try BinaryRunner.run(["config", "show"], environment: ["OPIK_API_KEY": "sk-0123456789abcdef"], home: home)
        #expect(set.stdout.contains("api_key\tsk-***\tenv OPIK_API_KEY\n"))
    }
}
