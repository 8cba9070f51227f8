import OpikCore

/// `opik help [COMMAND...|TOPIC]`: help for a command, or one of the topics.
enum HelpCommand {
    static let spec: CommandSpec = CommandSpec(
        "help",
        summary: "Help on a command or a topic",
        discussion: "Topics: \(HelpTopic.allCases.map(\.rawValue).joined(separator: ", ")).",
        arguments: [ArgumentSpec("COMMAND|TOPIC", help: "A command path (spans list) or a topic.", optional: true, variadic: true)],
        examples: [
            Example("opik help filters", "The filter language."),
            Example("opik help spans list", "Same as opik spans list --help."),
        ],
        run: { invocation, context in
            let width = Runner.helpWidth(context)
            let words = invocation.operands
            if words.count == 1, let topic = HelpTopic(rawValue: words[0]) {
                try context.stdout.write(Topics.texts.render(topic, width: width))
                return .success
            }
            var nodes = [CommandTree.root]
            for word in words {
                guard let next = nodes.last?.subcommand(named: word) else {
                    let names = (nodes.last?.visibleSubcommands.map(\.name) ?? []) + HelpTopic.allCases.map(\.rawValue)
                    throw OpikError.usage(
                        "no help for '\(words.joined(separator: " "))'",
                        hint: Suggest.closest(to: word, in: names).map { "did you mean '\($0)'?" }
                            ?? "topics: \(HelpTopic.allCases.map(\.rawValue).joined(separator: ", "))")
                }
                nodes.append(next)
            }
            try context.stdout.write(HelpRenderer.help(for: nodes, width: width))
            return .success
        })
}
