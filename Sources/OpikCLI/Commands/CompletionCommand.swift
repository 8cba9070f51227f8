import OpikCore

/// `opik completion bash|zsh|fish`: the completion script, identical to `completions/`.
enum CompletionCommand {
    static let shells = ["bash", "zsh", "fish"]

    static let spec: CommandSpec = CommandSpec(
        "completion",
        summary: "Print the shell completion script",
        discussion: """
            Prints the completion script for SHELL; it is the same file as completions/ in the \
            source tree. bash: add 'source <(opik completion bash)' to ~/.bashrc. zsh: save it \
            as _opik in a directory of $fpath. fish: save it as \
            ~/.config/fish/completions/opik.fish.
            """,
        arguments: [ArgumentSpec("SHELL", help: "bash, zsh or fish.", choices: shells)],
        examples: [
            Example("source <(opik completion bash)", "Enable completion in the current bash."),
            Example("opik completion fish > ~/.config/fish/completions/opik.fish", "Install for fish."),
        ],
        run: { invocation, context in
            let root = CommandTree.root
            switch invocation.operands[0] {
            case "bash": try context.stdout.write(Completion.bash(root: root))
            case "zsh": try context.stdout.write(Completion.zsh(root: root))
            default: try context.stdout.write(Completion.fish(root: root))
            }
            return .success
        })
}
