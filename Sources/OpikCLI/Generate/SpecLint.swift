/// Checks a command tree for the mistakes that would make help, man page, completions or the
/// parser disagree or mislead. Tests run it on the real tree.
package enum SpecLint {
    /// One line per problem, naming the command path; empty when the tree is sound.
    package static func problems(in root: CommandSpec) -> [String] {
        var problems: [String] = []
        var arity: [String: (takesValue: Bool, where: String)] = [:]
        // A short letter means one option in every command (`-n` is always --limit).
        var letters: [Character: (long: String, where: String)] = [:]
        func visit(_ path: [CommandSpec]) {
            let node = path[path.count - 1]
            let here = CommandPath.commandLine(path)
            problems += commandProblems(node, at: here, isRoot: path.count == 1)
            problems += scopeProblems(path.flatMap(\.options), at: here)
            let inherited = Set(path.dropLast().flatMap(\.options).compactMap(\.short))
            for option in node.options {
                // A letter an ancestor has too is reported as a clash in scope.
                if let short = option.short, !inherited.contains(short) {
                    if let seen = letters[short], seen.long != option.long {
                        problems.append("\(here): -\(short) means --\(option.long), but --\(seen.long) in \(seen.where)")
                    } else if letters[short] == nil {
                        letters[short] = (option.long, here)
                    }
                }
                if let seen = arity[option.long], seen.takesValue != option.takesValue {
                    problems.append("\(here): --\(option.long) \(option.takesValue ? "takes" : "takes no") value, unlike in \(seen.where)")
                } else if arity[option.long] == nil {
                    arity[option.long] = (option.takesValue, here)
                }
            }
            for child in node.subcommands { visit(path + [child]) }
        }
        visit([root])
        return problems
    }

    private static func commandProblems(_ node: CommandSpec, at here: String, isRoot: Bool) -> [String] {
        var problems: [String] = []
        if !node.isHidden && node.summary.trimmingSpaces().isEmpty { problems.append("\(here): command has no summary") }
        if !isRoot && !isValidName(node.name, allowingLeadingUnderscores: node.isHidden) {
            problems.append("\(here): command name '\(node.name)' is not lowercase letters, digits and dashes")
        }
        problems += duplicates(node.subcommands.map(\.name)).map { "\(here): two subcommands named '\($0)'" }
        if !node.subcommands.isEmpty && !node.arguments.isEmpty {
            problems.append("\(here): a group cannot take arguments")
        }
        if node.subcommands.isEmpty && !node.isHidden && !isRoot && node.examples.isEmpty {
            problems.append("\(here): command has no example")
        }
        for (index, argument) in node.arguments.enumerated() {
            let isLast = index == node.arguments.count - 1
            if argument.help.trimmingSpaces().isEmpty { problems.append("\(here): argument \(argument.name) has no help") }
            if argument.isVariadic && !isLast { problems.append("\(here): variadic argument \(argument.name) is not the last") }
            if argument.isOptional && !isLast && !node.arguments[index + 1].isOptional {
                problems.append("\(here): optional argument \(argument.name) comes before a required one")
            }
            if argument.completion == .choices && argument.choices.isEmpty {
                problems.append("\(here): argument \(argument.name) completes choices but has none")
            }
        }
        for option in node.options {
            if !option.isHidden && option.help.trimmingSpaces().isEmpty { problems.append("\(here): --\(option.long) has no help") }
            if !isValidName(option.long, allowingLeadingUnderscores: false) {
                problems.append("\(here): option name '\(option.long)' is not lowercase letters, digits and dashes")
            }
            if let short = option.short, !(short.isASCII && (short.isLetter || short.isNumber)) {
                problems.append("\(here): --\(option.long) has short name '\(short)', not a letter or digit")
            }
            if !option.takesValue && (!option.choices.isEmpty || option.completion != .none) {
                problems.append("\(here): --\(option.long) is a flag but has value choices or completion")
            }
            if option.completion == .choices && option.choices.isEmpty {
                problems.append("\(here): --\(option.long) completes choices but has none")
            }
        }
        return problems
    }

    /// Options visible at one command (its own and every ancestor's) must not collide.
    private static func scopeProblems(_ options: [OptionSpec], at here: String) -> [String] {
        // An option redeclared below an ancestor that has it too would be ambiguous to parse.
        duplicates(options.map(\.long)).map { "\(here): --\($0) is defined twice in scope" }
            + duplicates(options.compactMap(\.short).map(String.init)).map { "\(here): -\($0) is defined twice in scope" }
    }

    private static func duplicates(_ names: [String]) -> [String] {
        var seen: Set<String> = []
        var reported: [String] = []
        for name in names where !seen.insert(name).inserted && !reported.contains(name) {
            reported.append(name)
        }
        return reported
    }

    private static func isValidName(_ name: String, allowingLeadingUnderscores: Bool) -> Bool {
        let core = allowingLeadingUnderscores ? String(name.drop { $0 == "_" }) : name
        guard let first = core.first, first.isASCII, first.isLowercase || first.isNumber else { return false }
        return core.allSatisfy { $0.isASCII && ($0.isLowercase || $0.isNumber || $0 == "-") }
    }
}
