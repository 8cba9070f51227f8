import OpikCore

/// What the shell should offer when completing a value.
package enum CompletionKind: Sendable, Equatable {
    case none
    /// A path to a file.
    case file
    /// One of `OptionSpec.choices` (or `ArgumentSpec.choices`).
    case choices
    /// A project name, asked of the server through the hidden `__complete` command.
    case project
    /// A `--sort` value: a field of the named entity's `sortCompletionFields` (`spans`), then
    /// after `FIELD:` a direction.
    case sortField(String)
}

/// One option: `--long`, maybe `-s`, maybe with a value. Commands declare each option once, as
/// a constant, and read it through that constant (`invocation.value(ListCommand.limit)`), so a
/// renamed option cannot be read by its old name.
package struct OptionSpec: Sendable {
    package var long: String
    package var short: Character?
    /// Placeholder of the value (`NAME`); nil for a flag that takes no value.
    package var valueName: String?
    package var help: String
    /// Fixed set of accepted values; the parser rejects others.
    package var choices: [String]
    package var completion: CompletionKind
    /// May be given more than once (values accumulate).
    package var isRepeatable: Bool
    /// Left out of help, man page and completions.
    package var isHidden: Bool
    /// What applies when the option is not given, shown in help as `(default 50)`.
    package var defaultValue: String?

    package init(
        _ long: String, short: Character? = nil, value: String? = nil, help: String,
        choices: [String] = [], completion: CompletionKind? = nil, repeatable: Bool = false, hidden: Bool = false,
        default defaultValue: String? = nil
    ) {
        self.long = long
        self.short = short
        self.valueName = value
        self.help = help
        self.choices = choices
        self.completion = completion ?? (choices.isEmpty ? .none : .choices)
        self.isRepeatable = repeatable
        self.isHidden = hidden
        self.defaultValue = defaultValue
    }

    package var takesValue: Bool { valueName != nil }

    /// The same option with the help a command gives it (`How many traces.`).
    package func help(_ text: String) -> OptionSpec {
        var copy = self
        copy.help = text
        return copy
    }

    /// The same option taking one of `values` (an entity's types, score sources).
    package func choosing(from values: [String]) -> OptionSpec {
        var copy = self
        copy.choices = values
        copy.completion = values.isEmpty ? .none : .choices
        return copy
    }

    /// The same option with another placeholder for its value (`TEXT` where `create` says `NAME`).
    package func placeholder(_ valueName: String) -> OptionSpec {
        var copy = self
        copy.valueName = valueName
        return copy
    }

    /// The same option with the default one command applies when it is not given.
    package func defaulting(to value: String) -> OptionSpec {
        var copy = self
        copy.defaultValue = value
        return copy
    }

    /// The same option completed as `kind` (`--sort` of one entity).
    package func completing(_ kind: CompletionKind) -> OptionSpec {
        var copy = self
        copy.completion = kind
        return copy
    }
}

/// One positional argument.
package struct ArgumentSpec: Sendable {
    package var name: String
    package var help: String
    package var isOptional: Bool
    /// Takes all remaining positionals.
    package var isVariadic: Bool
    package var choices: [String]
    package var completion: CompletionKind

    package init(
        _ name: String, help: String, optional: Bool = false, variadic: Bool = false,
        choices: [String] = [], completion: CompletionKind? = nil
    ) {
        self.name = name
        self.help = help
        self.isOptional = optional
        self.isVariadic = variadic
        self.choices = choices
        self.completion = completion ?? (choices.isEmpty ? .none : .choices)
    }

    /// How the argument appears in a synopsis: `ID...`, `[TEXT]`.
    package var synopsis: String {
        let core = isVariadic ? "\(name)..." : name
        return isOptional ? "[\(core)]" : core
    }
}

/// A usage example shown in help and the man page.
package struct Example: Sendable {
    package var command: String
    package var explanation: String

    package init(_ command: String, _ explanation: String) {
        self.command = command
        self.explanation = explanation
    }
}

/// Runs a leaf command: resolve the invocation, do the work, return the exit status.
package typealias CommandRun = @Sendable (Invocation, inout Context) throws -> ExitStatus

/// A node of the command tree. Leaves have `run`; groups have `subcommands`.
package struct CommandSpec: Sendable {
    package var name: String
    /// One line for lists of commands.
    package var summary: String
    /// Paragraphs for `--help` and the man page.
    package var discussion: String
    package var arguments: [ArgumentSpec]
    package var options: [OptionSpec]
    package var subcommands: [CommandSpec]
    package var examples: [Example]
    package var isHidden: Bool
    package var run: CommandRun?

    package init(
        _ name: String, summary: String, discussion: String = "", arguments: [ArgumentSpec] = [],
        options: [OptionSpec] = [], subcommands: [CommandSpec] = [], examples: [Example] = [],
        hidden: Bool = false, run: CommandRun? = nil
    ) {
        self.name = name
        self.summary = summary
        self.discussion = discussion
        self.arguments = arguments
        self.options = options
        self.subcommands = subcommands
        self.examples = examples
        self.isHidden = hidden
        self.run = run
    }

    package func subcommand(named name: String) -> CommandSpec? {
        subcommands.first { $0.name == name }
    }

    package var visibleSubcommands: [CommandSpec] { subcommands.filter { !$0.isHidden } }
    package var visibleOptions: [OptionSpec] { options.filter { !$0.isHidden } }
}
