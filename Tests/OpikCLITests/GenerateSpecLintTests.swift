import OpikCLI
import Testing

@Suite struct GenerateSpecLintTests {
    @Test func theSampleTreeIsSound() {
        #expect(SpecLint.problems(in: SampleTree.root) == [])
    }

    private static let flag = OptionSpec("yes", help: "Do not ask.")
    private static func leaf(_ name: String, options: [OptionSpec] = [], arguments: [ArgumentSpec] = [], examples: Bool = true) -> CommandSpec {
        CommandSpec(name, summary: "Does \(name).", arguments: arguments, options: options,
                    examples: examples ? [Example("tool \(name)", "Run it.")] : [])
    }

    private static func root(_ subcommands: [CommandSpec], options: [OptionSpec] = []) -> CommandSpec {
        CommandSpec("tool", summary: "A tool.", options: [OptionSpec("quiet", short: "q", help: "Say less.")] + options, subcommands: subcommands)
    }

    @Test(arguments: [
        (root([leaf("a"), leaf("a")]), "tool: two subcommands named 'a'"),
        (root([leaf("a", options: [OptionSpec("quiet", help: "Again.")])]), "tool a: --quiet is defined twice in scope"),
        (root([leaf("a", options: [OptionSpec("query", short: "q", value: "Q", help: "Q.")])]), "tool a: -q is defined twice in scope"),
        (root([leaf("a", options: [OptionSpec("all", help: "")])]), "tool a: --all has no help"),
        (root([CommandSpec("a", summary: "", examples: [Example("tool a", "x")])]), "tool a: command has no summary"),
        (root([leaf("a", examples: false)]), "tool a: command has no example"),
        (root([leaf("a", options: [OptionSpec("limit", value: "N", help: "N.")]), leaf("b", options: [OptionSpec("limit", help: "All.")])]),
         "tool b: --limit takes no value, unlike in tool a"),
        (root([leaf("a", arguments: [ArgumentSpec("ID", help: "Id.", variadic: true), ArgumentSpec("X", help: "X.")])]),
         "tool a: variadic argument ID is not the last"),
        (root([leaf("a", arguments: [ArgumentSpec("ID", help: "Id.", optional: true), ArgumentSpec("X", help: "X.")])]),
         "tool a: optional argument ID comes before a required one"),
        (root([leaf("a", arguments: [ArgumentSpec("X", help: "")])]), "tool a: argument X has no help"),
        (root([leaf("Get")]), "tool Get: command name 'Get' is not lowercase letters, digits and dashes"),
        (root([leaf("a", options: [OptionSpec("fast", help: "Fast.", completion: .file)])]), "tool a: --fast is a flag but has value choices or completion"),
        (root([leaf("a", options: [OptionSpec("limit", short: "n", value: "N", help: "N.")]),
               leaf("b", options: [OptionSpec("name", short: "n", value: "NAME", help: "Name.")])]),
         "tool b: -n means --name, but --limit in tool a"),
    ])
    func findsTheProblem(tree: CommandSpec, problem: String) {
        #expect(SpecLint.problems(in: tree) == [problem])
    }

    @Test func hiddenCommandsNeedNoExampleAndMayStartWithUnderscores() {
        let tree = Self.root([Self.leaf("a"), CommandSpec("__complete", summary: "Candidates.", hidden: true)])
        #expect(SpecLint.problems(in: tree) == [])
    }
}
