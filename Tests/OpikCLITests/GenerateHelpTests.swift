import OpikCLI
import Testing

/// A tree small enough to spell its help out in full.
private enum SmallTree {
    static let list = CommandSpec(
        "list", summary: "List items.", discussion: "Lists every item of the store, newest first, in pages of a size you choose.",
        options: [OptionSpec("limit", short: "n", value: "N", help: "How many items to print before stopping.")],
        examples: [Example("tool items list -n 5", "The five newest items.")])
    static let get = CommandSpec(
        "get", summary: "Print items.", arguments: [ArgumentSpec("ID", help: "Item id.", variadic: true)],
        examples: [Example("tool items get 42", "Item 42.")])
    static let root = CommandSpec(
        "tool", summary: "Handles items.",
        options: [
            OptionSpec("format", value: "FORMAT", help: "Output format.", choices: ["table", "json"]),
            OptionSpec("quiet", short: "q", help: "Say less."),
            OptionSpec("secret", help: "Not for users.", hidden: true),
        ],
        subcommands: [
            CommandSpec("items", summary: "Manage items.", subcommands: [list, get, CommandSpec("purge", summary: "Internal.", hidden: true)]),
        ])
}

@Suite struct GenerateHelpTests {
    @Test func leafHelpShowsUsageOptionsGlobalsExamplesAndFooter() throws {
        let path = try #require(CommandPath.resolve(["items", "list"], from: SmallTree.root))
        #expect(HelpRenderer.help(for: path, width: 60) == """
            Usage: tool items list [OPTIONS]

            List items.

            Lists every item of the store, newest first, in pages of a
            size you choose.

            Options:
              -n, --limit N  How many items to print before stopping.

            Global options:
                  --format FORMAT  Output format. [table|json]
              -q, --quiet          Say less.

            Examples:
              # The five newest items.
              tool items list -n 5

            Run 'tool help TOPIC' for environment, filters, formats,
            exit-codes.
            See 'man tool' for the full manual.

            """)
    }

    @Test func groupHelpListsVisibleSubcommands() throws {
        let path = try #require(CommandPath.resolve(["items"], from: SmallTree.root))
        #expect(HelpRenderer.help(for: path, width: 60) == """
            Usage: tool items [OPTIONS] COMMAND

            Manage items.

            Commands:
              list  List items.
              get   Print items.

            Global options:
                  --format FORMAT  Output format. [table|json]
              -q, --quiet          Say less.

            Run 'tool items COMMAND --help' for more about a command.
            Run 'tool help TOPIC' for environment, filters, formats,
            exit-codes.
            See 'man tool' for the full manual.

            """)
    }

    @Test func argumentsAreListedWithTheirSynopsis() throws {
        let path = try #require(CommandPath.resolve(["items", "get"], from: SmallTree.root))
        let help = HelpRenderer.help(for: path, width: 80)
        #expect(help.hasPrefix("Usage: tool items get [OPTIONS] ID...\n"))
        #expect(help.contains("Arguments:\n  ID...  Item id.\n"))
    }

    @Test(arguments: [40, 80, 100, 200])
    func noLineIsWiderThanAskedOrThanOneHundred(width: Int) throws {
        for path in [[SampleTree.root]] + CommandPath.visiblePaths(under: SampleTree.root) {
            let help = HelpRenderer.help(for: path, width: width)
            // Examples are commands to paste and are never broken.
            let prose = help.split(separator: "\n").filter { !$0.hasPrefix("  opik ") }
            let widest = prose.map(\.count).max() ?? 0
            #expect(widest <= min(width, 100), "\(CommandPath.commandLine(path)) at \(width): \(prose.filter { $0.count > min(width, 100) })")
        }
    }

    @Test func helpOfTheRealSampleMentionsEveryVisibleOptionAndNoHiddenOne() throws {
        let path = try #require(CommandPath.resolve(["spans", "list"], from: SampleTree.root))
        let help = HelpRenderer.help(for: path, width: 100)
        #expect(help.contains("  -p, --project NAME"))
        #expect(help.contains("--format FORMAT "))
        #expect(help.contains(" Output format. [table|json|ndjson|csv]\n"))
        #expect(help.contains("-f, --filter EXPR"))
        #expect(!help.contains("debug-dump"))
    }

    @Test func rootHelpDoesNotOfferHiddenCommands() {
        let help = HelpRenderer.help(for: [SampleTree.root], width: 80)
        #expect(help.hasPrefix("Usage: opik [OPTIONS] COMMAND\n"))
        #expect(help.contains("  completion  Print a shell completion script.\n"))
        #expect(!help.contains("__complete"))
    }
}

@Suite struct GenerateHelpTopicTests {
    @Test func exitCodesRenderFromExitStatus() {
        let text = HelpTopic.render(.exitCodes, filters: "", formats: "", width: 80)
        #expect(text.hasPrefix("Exit statuses\n\n"))
        #expect(text.contains("\n  0    success\n"))
        #expect(text.contains("\n  130  interrupted (Ctrl-C)\n"))
    }

    @Test func environmentRendersFromEnvironmentVariable() {
        let text = HelpTopic.render(.environment, filters: "", formats: "", width: 80)
        #expect(text.contains("\n  OPIK_API_KEY  "))
        #expect(text.contains("\n  NO_COLOR  "))
    }

    @Test func callerTextsArePrintedAsWrittenUnderTheTitle() {
        let filters = "Fields and operators\nof the filter language.\n\n  name contains \"retriev\"\n"
        #expect(HelpTopic.render(.filters, filters: filters, formats: "", width: 40) == "Filter expressions\n\n" + filters)
        let formats = "Output formats (--format FORMAT)\n\ntable, json\n"
        #expect(HelpTopic.render(.formats, filters: "", formats: formats) == formats)
    }

    @Test func textBlocksSeparateProseFromLiteralLinesAndTables() {
        let text = "A paragraph\nover two lines.\n\nValues\n  text   quoted\n  number plain\n\nFIELD  TYPE\nid     text\nname\n"
        #expect(TextBlock.parse(text) == [
            .paragraph("A paragraph over two lines."),
            .paragraph("Values"),
            .literal(["  text   quoted", "  number plain"]),
            .literal(["FIELD  TYPE", "id     text", "name"]),
        ])
    }

    @Test func topicNamesAreWhatUsersType() {
        #expect(HelpTopic.allCases.map(\.rawValue) == ["environment", "filters", "formats", "exit-codes"])
    }
}
