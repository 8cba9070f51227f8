/// The fish completion script: helper functions that find the command path typed so far,
/// then one `complete -c opik` line per subcommand, option and operand.
struct FishCompletion {
    let model: CompletionModel

    init(root: CommandSpec) { model = CompletionModel(root: root) }

    var script: String {
        let p = model.program
        var out = model.header("#", shell: "fish") + "\n"
        out += helpers
        out += "\n# Files only where a value or operand is a file.\ncomplete -c \(p) -f\n"
        for node in model.groups {
            out += "\n# \(CommandPath.commandLine(node.path))\n"
            for child in node.command.visibleSubcommands {
                out += "complete -c \(p) -n \(condition(node.key, operand: "0")) -a \(FishQuote.single(child.name)) -d \(FishQuote.single(child.summary))\n"
            }
        }
        out += "\n# Global options\n"
        out += model.globalOptions.map { optionLine($0, condition: nil) }.joined()
        for node in model.nodes.dropFirst() where !node.command.visibleOptions.isEmpty || hasOperandCompletion(node) {
            out += "\n# \(CommandPath.commandLine(node.path))\n"
            // Options of a group apply below it too, so they are offered at every descendant.
            for descendant in model.nodes where descendant.key == node.key || descendant.key.hasPrefix(node.key + " ") {
                out += node.command.visibleOptions.map { optionLine($0, condition: condition(descendant.key, operand: nil)) }.joined()
            }
            out += operandLines(node)
        }
        if model.hasHelpCommand {
            out += "\n# help TOPIC|COMMAND...\ncomplete -c \(p) -n '__\(p)_in_help' -a '(__\(p)_help_targets)'\n"
        }
        return out
    }

    private func condition(_ key: String, operand: String?) -> String {
        let call = "__\(model.program)_at \"\(key)\"" + (operand.map { " \($0)" } ?? "")
        return FishQuote.single(call)
    }

    private func optionLine(_ option: OptionSpec, condition: String?) -> String {
        var line = "complete -c \(model.program)"
        if let condition { line += " -n \(condition)" }
        if let short = option.short { line += " -s \(short)" }
        line += " -l \(option.long)"
        if option.takesValue {
            line += valueFlags(option.completion, choices: option.choices)
        }
        return line + " -d \(FishQuote.single(CommandPath.describe(option)))\n"
    }

    private func valueFlags(_ completion: CompletionKind, choices: [String]) -> String {
        switch completion {
        case .none: return " -x"
        case .file: return " -r -F"
        case .project: return " -x -a '(__\(model.program)_projects)'"
        case let .sortField(name): return " -x -a '(__\(model.program)_sort_fields \(name))'"
        case .choices: return " -x -a " + FishQuote.single(choices.map(FishQuote.word).joined(separator: " "))
        }
    }

    private func hasOperandCompletion(_ node: CompletionModel.Node) -> Bool {
        node.command.visibleSubcommands.isEmpty && node.command.arguments.contains { $0.completion != .none }
            && !(model.hasHelpCommand && node.key == "help")
    }

    private func operandLines(_ node: CompletionModel.Node) -> String {
        guard hasOperandCompletion(node) else { return "" }
        var out = ""
        for (index, argument) in node.command.arguments.enumerated() where argument.completion != .none {
            let position = argument.isVariadic ? "\(index)+" : "\(index)"
            var line = "complete -c \(model.program) -n \(condition(node.key, operand: position))"
            switch argument.completion {
            case .none: continue
            case .file: line += " -F"
            case .project: line += " -a '(__\(model.program)_projects)'"
            case let .sortField(name): line += " -a '(__\(model.program)_sort_fields \(name))'"
            case .choices: line += " -a " + FishQuote.single(argument.choices.map(FishQuote.word).joined(separator: " "))
            }
            out += line + " -d \(FishQuote.single(argument.name))\n"
        }
        return out
    }
}

/// Quoting for fish.
enum FishQuote {
    /// Inside single quotes fish only reads `\'` and `\\`.
    static func single(_ text: String) -> String {
        "'" + text.replacingAll("\\", with: "\\\\").replacingAll("'", with: "\\'") + "'"
    }

    /// One word of an `-a` list, which fish splits and expands like a command line.
    static func word(_ text: String) -> String { text.backslashing(" ()\\'\"$*?{}[];&|<>#~") }
}
