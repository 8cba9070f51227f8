/// The command line after parsing, before any IO: which command, which options, which operands.
package struct Invocation: Sendable, Equatable {
    /// Names from the root to the chosen command, e.g. `["spans", "list"]`.
    package var path: [String]
    /// Values given for each option, by long name, in command-line order. Flags get `""`.
    package var options: [String: [String]]
    /// Positional operands, in order.
    package var operands: [String]

    package init(path: [String] = [], options: [String: [String]] = [:], operands: [String] = []) {
        self.path = path
        self.options = options
        self.operands = operands
    }

    /// The values of `--long`; options are read through their `OptionSpec` constants, so a
    /// mistyped name does not compile.
    private func given(_ long: String) -> [String]? { options[long] }

    /// The last value given for `option`, if any.
    package func value(_ option: OptionSpec) -> String? { given(option.long)?.last }

    /// The value given for `option`, else its declared default.
    package func valueOrDefault(_ option: OptionSpec) -> String? { value(option) ?? option.defaultValue }

    /// Every value given for a repeatable `option`.
    package func values(_ option: OptionSpec) -> [String] { given(option.long) ?? [] }

    /// Whether the flag `option` was given.
    package func flag(_ option: OptionSpec) -> Bool { given(option.long) != nil }

    /// How many times the flag `option` was given.
}
