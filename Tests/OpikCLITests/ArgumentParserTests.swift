import OpikCLI
import OpikCore
import Testing

@Suite struct ArgumentParserTests {
    static let project = OptionSpec("project", short: "p", value: "NAME", help: "p")
    static let quiet = OptionSpec("quiet", short: "q", help: "q")
    static let verbose = OptionSpec("verbose", short: "v", help: "v")
    static let help = OptionSpec("help", short: "h", help: "h")
    static let limit = OptionSpec("limit", short: "n", value: "N", help: "n")
    static let filter = OptionSpec("filter", short: "f", value: "E", help: "f", repeatable: true)

    let root = CommandSpec(
        "opik", summary: "root",
        options: [
            Self.project, Self.quiet, Self.verbose,
            OptionSpec("format", value: "F", help: "f", choices: ["table", "json"]),
            Self.help,
        ],
        subcommands: [
            CommandSpec("spans", summary: "s", subcommands: [
                CommandSpec("list", summary: "l", options: [
                    Self.limit, Self.filter,
                    OptionSpec("all", help: "a"),
                ]),
                CommandSpec("get", summary: "g", arguments: [ArgumentSpec("ID", help: "id", variadic: true)]),
            ]),
            CommandSpec("completion", summary: "c", arguments: [ArgumentSpec("SHELL", help: "s", choices: ["bash", "zsh"])]),
        ])

    func parse(_ words: String) throws -> Invocation {
        try ArgumentParser.parse(words.split(separator: " ").map(String.init), root: root).invocation
    }

    func failure(_ words: [String]) -> OpikError? {
        do {
            let result = try ArgumentParser.parse(words, root: root)
            try ArgumentParser.checkOperands(result.invocation, nodes: result.nodes)
            return nil
        } catch let error as OpikError {
            return error
        } catch {
            return nil
        }
    }

    @Test func optionsAnywhereAfterTheProgramName() throws {
        let a = try parse("-p app spans list -n 5")
        let b = try parse("spans -p app list --limit=5")
        let c = try parse("spans list -n5 --project app")
        for invocation in [a, b, c] {
            #expect(invocation.path == ["spans", "list"])
            #expect(invocation.value(Self.project) == "app")
            #expect(invocation.value(Self.limit) == "5")
        }
    }

    @Test func clusteredShortFlags() throws {
        let invocation = try parse("spans list -qvn 7")
        #expect(invocation.flag(Self.quiet) && invocation.flag(Self.verbose))
        #expect(invocation.value(Self.limit) == "7")
    }

    @Test func repeatableOptionsAccumulate() throws {
        #expect(try parse("spans list -f a -f b --filter=c").values(Self.filter) == ["a", "b", "c"])
    }

    @Test func doubleDashEndsOptions() throws {
        let invocation = try ArgumentParser.parse(["spans", "get", "--", "-x", "--help"], root: root).invocation
        #expect(invocation.operands == ["-x", "--help"])
        #expect(!invocation.flag(Self.help))
    }

    @Test func singleDashIsAnOperand() throws {
        #expect(try parse("spans get - abc").operands == ["-", "abc"])
    }

    @Test(arguments: [
        (["spns", "list"], "unknown command 'spns' for 'opik'", "did you mean 'spans'?"),
        (["spans", "lst"], "unknown command 'lst' for 'opik spans'", "did you mean 'list'?"),
        (["spans", "list", "--limt", "3"], "unknown option '--limt' for 'opik spans list'", "did you mean '--limit'?"),
        (["spans", "get", "--all"], "unknown option '--all' for 'opik spans get'", "see 'opik spans get --help'"),
        (["spans", "list", "-n"], "option -n needs a value", "see 'opik spans list --help'"),
        (["--format", "jsn", "spans", "list"], "invalid value 'jsn' for --format (did you mean 'json'?)", "choose one of: table, json"),
        (["spans", "list", "--all=yes"], "option --all takes no value", "see 'opik spans list --help'"),
        (["spans", "get"], "missing argument ID for 'opik spans get'", "see 'opik spans get --help'"),
        (["completion", "bash", "zsh"], "unexpected argument 'zsh' for 'opik completion'", "see 'opik completion --help'"),
        (["completion", "bsh"], "invalid SHELL 'bsh' (did you mean 'bash'?)", "choose one of: bash, zsh"),
    ])
    func usageErrorsNameTheProblemAndAFix(words: [String], message: String, hint: String) {
        #expect(failure(words) == .usage(message, hint: hint))
    }

    @Test func helpWinsOverUnknownOptions() throws {
        #expect(try parse("spans list --bogus --help").flag(Self.help))
    }
}
