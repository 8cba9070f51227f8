/// Walks and describes the command tree the same way for help, man page and completions.
package enum CommandPath {
    /// The nodes from the root to the command named by `names`, or nil when a name is unknown.
    package static func resolve(_ names: [String], from root: CommandSpec) -> [CommandSpec]? {
        var path = [root]
        for name in names {
            guard let next = path[path.count - 1].subcommand(named: name) else { return nil }
            path.append(next)
        }
        return path
    }

    /// Every visible node below the root, depth first, parents before children.
    package static func visiblePaths(under root: CommandSpec) -> [[CommandSpec]] {
        var result: [[CommandSpec]] = []
        func visit(_ path: [CommandSpec]) {
            for child in path[path.count - 1].visibleSubcommands {
                let childPath = path + [child]
                result.append(childPath)
                visit(childPath)
            }
        }
        visit([root])
        return result
    }

    /// `opik spans list`.
    package static func commandLine(_ path: [CommandSpec]) -> String {
        path.map(\.name).joined(separator: " ")
    }

    /// The words after the program name: `["spans", "list"]`.
    static func names(_ path: [CommandSpec]) -> [String] {
        path.dropFirst().map(\.name)
    }

    /// `opik spans get [OPTIONS] ID...`, or `opik spans COMMAND` for a group.
    package static func synopsis(_ path: [CommandSpec]) -> String {
        let node = path[path.count - 1]
        var words = [commandLine(path)]
        if path.count == 1 || !scopeOptions(path).isEmpty { words.append("[OPTIONS]") }
        if !node.visibleSubcommands.isEmpty { words.append("COMMAND") }
        words += node.arguments.map(\.synopsis)
        return words.joined(separator: " ")
    }

    /// Options given by the node and its ancestors other than the root, nearest last.
    static func localOptions(_ path: [CommandSpec]) -> [OptionSpec] {
        path.dropFirst().flatMap(\.visibleOptions)
    }

    /// Every visible option accepted at this node: its own, its ancestors', and the global ones.
    static func scopeOptions(_ path: [CommandSpec]) -> [OptionSpec] {
        localOptions(path) + path[0].visibleOptions
    }

    /// `-p, --project NAME` or `    --url URL`, aligned for help columns.
    static func label(_ option: OptionSpec) -> String {
        var text = option.short.map { "-\($0), " } ?? "    "
        text += "--" + option.long
        if let value = option.valueName { text += " " + value }
        return text
    }

    /// The help of an option with its default and choices: `How many spans (default 50).`,
    /// `Output format. [table|json]`.
    static func describe(_ option: OptionSpec) -> String {
        var text = option.help
        if let value = option.defaultValue {
            let shown = "(default \(value))"
            text = text.hasSuffix(".") ? String(text.dropLast()) + " \(shown)." : text + " " + shown
        }
        if !option.choices.isEmpty { text += " [" + option.choices.joined(separator: "|") + "]" }
        if option.isRepeatable && !option.help.lowercased().contains("repeatable") { text += " (repeatable)" }
        return text
    }

    static func describe(_ argument: ArgumentSpec) -> String {
        var text = argument.help
        if !argument.choices.isEmpty { text += " [" + argument.choices.joined(separator: "|") + "]" }
        return text
    }
}
