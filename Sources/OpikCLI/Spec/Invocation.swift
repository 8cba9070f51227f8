/// The command line after parsing, before any IO: which command, which options, which operands.
public struct Invocation: Sendable, Equatable {
    /// Names from the root to the chosen command, e.g. `["spans", "list"]`.
    public var path: [String]
    /// Values given for each option, by long name, in command-line order. Flags get `""`.
    public var options: [String: [String]]
    /// Positional operands, in order.
    public var operands: [String]

    public init(path: [String] = [], options: [String: [String]] = [:], operands: [String] = []) {
        self.path = path
        self.options = options
        self.operands = operands
    }

    /// The last value given for `--long`, if any.
    public func value(_ long: String) -> String? { options[long]?.last }

    /// Every value given for a repeatable `--long`.
    public func values(_ long: String) -> [String] { options[long] ?? [] }

    /// Whether the flag `--long` was given.
    public func flag(_ long: String) -> Bool { options[long] != nil }

    /// How many times the flag was given (`-vv` is 2).
    public func count(_ long: String) -> Int { options[long]?.count ?? 0 }

    /// The last value given for `option`, if any.
    public func value(_ option: OptionSpec) -> String? { value(option.long) }

    /// The value given for `option`, else its declared default.
    public func valueOrDefault(_ option: OptionSpec) -> String? { value(option.long) ?? option.defaultValue }

    /// Every value given for a repeatable `option`.
    public func values(_ option: OptionSpec) -> [String] { values(option.long) }

    /// Whether the flag `option` was given.
    public func flag(_ option: OptionSpec) -> Bool { flag(option.long) }

    /// How many times the flag `option` was given.
    public func count(_ option: OptionSpec) -> Int { count(option.long) }
}
