import OpikCore

/// Shell completion scripts generated from the command tree.
///
/// Every script knows, for each command path, the visible subcommands, the options in scope
/// (the command's own, its groups', and the global ones of the root) and which of them take a
/// value, so a value is never mistaken for a subcommand. Values complete from fixed choices,
/// file names, or project names printed by the hidden `__complete projects PREFIX` command.
/// `help` completes topics and command paths.
package enum Completion {
    /// A shell `opik completion` can print a script for.
    package enum Shell: String, CaseIterable, Sendable {
        case bash, zsh, fish

        /// Where the script is committed and installed from, relative to the package root.
        package var scriptPath: String {
            switch self {
            case .bash: return "completions/opik.bash"
            case .zsh: return "completions/_opik"
            case .fish: return "completions/opik.fish"
            }
        }
    }

    /// The script for `shell`, exactly as `opik completion SHELL` prints it.
    package static func script(for shell: Shell, root: CommandSpec) -> String {
        switch shell {
        case .bash: return bash(root: root)
        case .zsh: return zsh(root: root)
        case .fish: return fish(root: root)
        }
    }

    package static func bash(root: CommandSpec) -> String { BashCompletion(root: root).script }
    package static func zsh(root: CommandSpec) -> String { ZshCompletion(root: root).script }
    package static func fish(root: CommandSpec) -> String { FishCompletion(root: root).script }
}

/// What the generators need to know about the tree, computed once.
struct CompletionModel {
    /// A command path the scripts distinguish, keyed by its names after the program.
    struct Node {
        var key: String
        var path: [CommandSpec]
        var command: CommandSpec { path[path.count - 1] }
        /// Options of the command and its groups, without the global ones.
        var localOptions: [OptionSpec] { CommandPath.localOptions(path) }
    }

    var root: CommandSpec
    var program: String { root.name }
    /// The root first, then every visible command path.
    var nodes: [Node]
    var globalOptions: [OptionSpec] { root.visibleOptions }
    /// Whether a visible `help` leaf exists whose operands name topics and commands.
    var hasHelpCommand: Bool
    var topics: [String] { HelpTopic.allCases.map(\.rawValue) }
    /// Whether some option completes `--sort` values (the scripts then carry the sort fields).
    var usesSortField: Bool { !sortEntities.isEmpty }

    /// The entities whose sort fields some option completes, each once, with their fields.
    var sortEntities: [(name: String, fields: [String])] {
        var seen: [String] = []
        for option in nodes.flatMap(\.localOptions) + globalOptions {
            if case let .sortField(name) = option.completion, !seen.contains(name) { seen.append(name) }
        }
        return seen.map { name in (name, Self.sortFields(of: name)) }
    }

    /// What `--sort` completes to for the entity whose plural is `name`.
    static func sortFields(of name: String) -> [String] {
        Entity.all.first { $0.plural == name }?.sortCompletionFields ?? []
    }

    init(root: CommandSpec) {
        self.root = root
        nodes = [Node(key: "", path: [root])]
            + CommandPath.visiblePaths(under: root).map { Node(key: CommandPath.names($0).joined(separator: " "), path: $0) }
        hasHelpCommand = root.visibleSubcommands.contains { $0.name == "help" && $0.subcommands.isEmpty }
    }

    var groups: [Node] { nodes.filter { !$0.command.visibleSubcommands.isEmpty } }
    var leaves: [Node] { nodes.filter { $0.command.visibleSubcommands.isEmpty } }

    /// `-p` and `--project`, the spellings a user can type.
    static func spellings(_ option: OptionSpec) -> [String] {
        (option.short.map { ["-\($0)"] } ?? []) + ["--" + option.long]
    }

    /// The header comment every script starts with.
    func header(_ comment: String, shell: String) -> String {
        "\(comment) \(shell) completion for \(program), generated from its command tree by '\(program) __generate'.\n"
            + "\(comment) Do not edit; run 'make generate' after changing commands or options.\n"
    }
}

/// Quoting for POSIX-like shells.
enum ShellQuote {
    /// `'it'\''s'`.
    static func single(_ text: String) -> String {
        "'" + text.replacingAll("'", with: "'\\''") + "'"
    }
}
