import OpikCore

/// Renders the `--help` text of any node of the command tree.
package enum HelpRenderer {
    /// The widest help ever rendered, however wide the terminal.
    package static let maximumWidth = 100

    /// Help for the last node of `path` (root first), wrapped to `width` columns (at most 100).
    package static func help(for path: [CommandSpec], width: Int) -> String {
        precondition(!path.isEmpty, "a help path starts at the root")
        let width = min(max(width, 40), maximumWidth)
        let node = path[path.count - 1]
        let isRoot = path.count == 1
        var sections: [String] = []

        sections.append(TextWrap.wrap(CommandPath.synopsis(path), width: width, indent: "         ", firstIndent: "Usage: "))
        var about: [TextBlock] = [.paragraph(node.summary)]
        about += TextBlock.parse(node.discussion)
        sections.append(PlainText.render(about, width: width))

        if !node.visibleSubcommands.isEmpty {
            let items = node.visibleSubcommands.map { ($0.name, $0.summary) }
            sections.append("Commands:\n" + PlainText.definitionList(items, width: width, indent: 2))
        }
        if !node.arguments.isEmpty {
            let items = node.arguments.map { ($0.synopsis, CommandPath.describe($0)) }
            sections.append("Arguments:\n" + PlainText.definitionList(items, width: width, indent: 2))
        }
        let local = isRoot ? [] : CommandPath.localOptions(path)
        if !local.isEmpty {
            sections.append("Options:\n" + optionList(local, width: width))
        }
        let global = path[0].visibleOptions
        if !global.isEmpty {
            sections.append("Global options:\n" + optionList(global, width: width))
        }
        if !node.examples.isEmpty {
            sections.append("Examples:\n" + node.examples.map { example($0, width: width) }.joined(separator: "\n"))
        }
        sections.append(footer(path, width: width))
        return sections.joined(separator: "\n")
    }

    private static func optionList(_ options: [OptionSpec], width: Int) -> String {
        PlainText.definitionList(options.map { (CommandPath.label($0), CommandPath.describe($0)) }, width: width, indent: 2)
    }

    /// An explanation as a shell comment, then the command, so the lines can be pasted.
    private static func example(_ example: Example, width: Int) -> String {
        var out = ""
        if !example.explanation.isEmpty {
            out += TextWrap.wrap(example.explanation, width: width, indent: "  # ")
        }
        for line in example.command.split(separator: "\n", omittingEmptySubsequences: false) {
            out += "  " + line + "\n"
        }
        return out
    }

    private static func footer(_ path: [CommandSpec], width: Int) -> String {
        let program = path[0].name
        var lines: [String] = []
        if !path[path.count - 1].visibleSubcommands.isEmpty {
            lines.append("Run '\(CommandPath.commandLine(path)) COMMAND --help' for more about a command.")
        }
        let topics = HelpTopic.allCases.map(\.rawValue).joined(separator: ", ")
        lines.append("Run '\(program) help TOPIC' for \(topics).")
        lines.append("See 'man \(program)' for the full manual.")
        return lines.map { TextWrap.wrap($0, width: width) }.joined()
    }
}
