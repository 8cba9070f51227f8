import OpikCore

/// Renders the single man page `opik(1)` from the command tree and the help topics.
package enum ManPage {
    /// The date printed when the build sets no `SOURCE_DATE_EPOCH`, so the page is reproducible.
    package static let fixedDate = "2025-06-01"

    /// `YYYY-MM-DD` of a `SOURCE_DATE_EPOCH` value (seconds since 1970, UTC), else `fixedDate`.
    package static func date(sourceDateEpoch: String?) -> String {
        guard let text = sourceDateEpoch, let seconds = Int64(text), seconds >= 0 else { return fixedDate }
        return TimeParser.day(epochSeconds: seconds)
    }

    /// The page in man(7) macros; `date` goes into the title line.
    package static func render(root: CommandSpec, topics: HelpTopicTexts, date: String) -> String {
        let program = root.name
        var page = ".\\\" Generated from the command tree by '\(program) __generate'; do not edit.\n"
        page += ".TH \(Roff.argument(program.uppercased())) 1 \(Roff.argument(date)) \(Roff.argument(program)) \(Roff.argument("User Commands"))\n"
        // No hyphenation and a ragged right edge: option names and paths must stay whole.
        page += ".nh\n.ad l\n"
        page += section("NAME") + Roff.escape("\(program) - \(root.summary)") + "\n"
        page += section("SYNOPSIS") + synopsis(root)
        page += section("DESCRIPTION") + Roff.render(TextBlock.parse(root.discussion))
        page += section("COMMANDS") + CommandPath.visiblePaths(under: root).map(command).joined()
        page += section("GLOBAL OPTIONS") + options(root.visibleOptions)
        page += section("FILTERS") + Roff.render(topics.blocks(.filters))
        page += section("OUTPUT FORMATS") + Roff.render(topics.blocks(.formats))
        page += section("CONFIGURATION") + Roff.render(ManPageReference.configuration)
        page += section("ENVIRONMENT") + Roff.render(topics.blocks(.environment))
        page += section("FILES") + Roff.render(ManPageReference.files)
        page += section("EXIT STATUS") + Roff.render(topics.blocks(.exitCodes))
        page += section("EXAMPLES") + examples(root)
        page += section("SEE ALSO") + seeAlso(program)
        return page
    }

    private static func section(_ title: String) -> String {
        ".SH \(Roff.argument(title))\n"
    }

    /// One line per top-level command: `opik [OPTIONS] spans list|get|... ...`.
    private static func synopsis(_ root: CommandSpec) -> String {
        var lines: [String] = []
        let lead = Roff.bold(root.name) + " [" + Roff.italic("OPTIONS") + "] "
        for command in root.visibleSubcommands {
            var line = lead + Roff.bold(command.name)
            if !command.visibleSubcommands.isEmpty {
                line += " " + command.visibleSubcommands.map { Roff.bold($0.name) }.joined(separator: "|") + " ..."
            }
            line += command.arguments.map { " " + Roff.italic($0.synopsis) }.joined()
            lines.append(line)
        }
        if root.visibleOptions.contains(where: { $0.long == "version" }) {
            lines.append(Roff.bold(root.name) + " " + Roff.bold("--version"))
        }
        return lines.map { $0 + "\n" }.joined(separator: ".br\n")
    }

    private static func command(_ path: [CommandSpec]) -> String {
        let node = path[path.count - 1]
        var out = ".SS \(Roff.argument(CommandPath.synopsis(path)))\n"
        out += Roff.escape(node.summary) + "\n"
        out += Roff.render(TextBlock.parse(node.discussion))
        if !node.visibleSubcommands.isEmpty {
            let names = node.visibleSubcommands.map(\.name).joined(separator: ", ")
            out += ".PP\n" + Roff.escape("Commands: \(names).") + "\n"
        }
        if !node.arguments.isEmpty {
            out += ".PP\nArguments:\n" + node.arguments.map { ".TP\n" + Roff.italic($0.synopsis) + "\n" + Roff.escape(CommandPath.describe($0)) + "\n" }.joined()
        }
        if !node.visibleOptions.isEmpty {
            out += ".PP\nOptions:\n" + options(node.visibleOptions)
        }
        return out
    }

    private static func options(_ options: [OptionSpec]) -> String {
        options.map { ".TP\n" + Roff.optionTag($0) + "\n" + Roff.escape(CommandPath.describe($0)) + "\n" }.joined()
    }

    /// Every command's examples, then the pipelines and CI recipes of `ManPageReference`.
    private static func examples(_ root: CommandSpec) -> String {
        let all = CommandPath.visiblePaths(under: root).flatMap { $0[$0.count - 1].examples } + ManPageReference.examples
        return all.map { example in
            ".PP\n" + Roff.escape(example.explanation) + "\n"
                + Roff.literal(example.command.split(separator: "\n", omittingEmptySubsequences: false).map(String.init))
        }.joined()
    }

    private static func seeAlso(_ program: String) -> String {
        ".BR jq (1),\n.BR curl (1)\n.PP\n"
            + Roff.escape("'\(program) help TOPIC' prints the sections FILTERS, OUTPUT FORMATS, ENVIRONMENT and EXIT STATUS of this page; '\(program) COMMAND --help' describes one command.") + "\n"
            + ".PP\n" + Roff.escape("Opik documentation: https://www.comet.com/docs/opik/") + "\n"
    }
}
