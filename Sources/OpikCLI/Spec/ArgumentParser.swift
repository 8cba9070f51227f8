import OpikCore

/// Turns `argv` into an `Invocation` using the command tree, with no IO (ripgrep's low-level
/// args). Options may appear anywhere after the program name; `--` ends them.
package enum ArgumentParser {
    /// The parsed command line and the chosen node's path from the root.
    package struct Result {
        package var invocation: Invocation
        package var nodes: [CommandSpec]
    }

    package static func parse(_ arguments: [String], root: CommandSpec) throws -> Result {
        let arity = optionTable(root)
        var nodes = [root]
        var invocation = Invocation()
        var seen: [(option: OptionSpec?, name: String, value: String?)] = []
        var index = 0
        var optionsEnded = false

        func takeValue(for name: String, inline: String?) throws -> String {
            if let inline { return inline }
            index += 1
            guard index < arguments.count else {
                throw OpikError.usage("option \(name) needs a value", hint: helpHint(nodes))
            }
            return arguments[index]
        }

        while index < arguments.count {
            let token = arguments[index]
            if optionsEnded || token == "-" || !token.hasPrefix("-") {
                if !optionsEnded, let node = nodes.last, !node.subcommands.isEmpty, invocation.operands.isEmpty {
                    guard let next = node.subcommand(named: token) else {
                        let names = node.visibleSubcommands.map(\.name)
                        throw OpikError.usage(
                            "unknown command '\(token)' for '\(commandName(nodes))'",
                            hint: Suggest.closest(to: token, in: names).map { "did you mean '\($0)'?" }
                                ?? "commands: \(names.joined(separator: ", "))")
                    }
                    nodes.append(next)
                    invocation.path.append(next.name)
                } else {
                    invocation.operands.append(token)
                }
            } else if token == "--" {
                optionsEnded = true
            } else if token.hasPrefix("--") {
                let body = token.dropFirst(2)
                let name: String
                var inline: String?
                if let eq = body.firstIndex(of: "=") {
                    name = String(body[..<eq])
                    inline = String(body[body.index(after: eq)...])
                } else {
                    name = String(body)
                }
                guard let option = arity[name] else {
                    seen.append((nil, "--" + name, nil))
                    index += 1
                    continue
                }
                if option.takesValue {
                    seen.append((option, "--" + name, try takeValue(for: "--" + name, inline: inline)))
                } else {
                    if inline != nil {
                        throw OpikError.usage("option --\(name) takes no value", hint: helpHint(nodes))
                    }
                    seen.append((option, "--" + name, nil))
                }
            } else {
                // A cluster of short flags; a value-taking one ends the cluster (`-n10`, `-qvn 10`).
                var chars = Array(token.dropFirst())
                while !chars.isEmpty {
                    let char = chars.removeFirst()
                    guard let option = arity["-" + String(char)] else {
                        seen.append((nil, "-" + String(char), nil))
                        continue
                    }
                    if option.takesValue {
                        let inline = chars.isEmpty ? nil : String(chars)
                        seen.append((option, "-" + String(char), try takeValue(for: "-" + String(char), inline: inline)))
                        chars = []
                    } else {
                        seen.append((option, "-" + String(char), nil))
                    }
                }
            }
            index += 1
        }

        // Options are checked against the final command's scope once the command is known.
        let scope = nodes.flatMap(\.options)
        let wantsHelp = seen.contains { $0.option?.long == "help" }
        for entry in seen {
            // The spec of the command's scope decides, not the first one of that name in the
            // tree: `--type` takes span types in `spans list` and nothing in `traces list`.
            guard let found = entry.option, let option = scope.first(where: { $0.long == found.long }) else {
                if wantsHelp { continue }
                let names = scope.filter { !$0.isHidden }.map { "--" + $0.long }
                let hint = Suggest.closest(to: entry.name, in: names).map { "did you mean '\($0)'?" }
                throw OpikError.usage("unknown option '\(entry.name)' for '\(commandName(nodes))'", hint: hint ?? helpHint(nodes))
            }
            if let value = entry.value, !option.choices.isEmpty, !option.choices.contains(value) {
                let suggestion = Suggest.closest(to: value, in: option.choices).map { " (did you mean '\($0)'?)" } ?? ""
                throw OpikError.usage(
                    "invalid value '\(value)' for --\(option.long)\(suggestion)",
                    hint: "choose one of: \(option.choices.joined(separator: ", "))")
            }
            invocation.options[option.long, default: []].append(entry.value ?? "")
        }
        return Result(invocation: invocation, nodes: nodes)
    }

    /// Checks operand counts against the leaf's arguments.
    package static func checkOperands(_ invocation: Invocation, nodes: [CommandSpec]) throws {
        guard let leaf = nodes.last else { return }
        let arguments = leaf.arguments
        let required = arguments.filter { !$0.isOptional }.count
        if invocation.operands.count < required {
            let missing = arguments[invocation.operands.count]
            throw OpikError.usage("missing argument \(missing.name) for '\(commandName(nodes))'", hint: helpHint(nodes))
        }
        if !arguments.contains(where: \.isVariadic), invocation.operands.count > arguments.count {
            let extra = invocation.operands[arguments.count]
            throw OpikError.usage("unexpected argument '\(extra)' for '\(commandName(nodes))'", hint: helpHint(nodes))
        }
        for (position, operand) in invocation.operands.enumerated() {
            let spec = position < arguments.count ? arguments[position] : arguments.last
            if let spec, !spec.choices.isEmpty, !spec.choices.contains(operand) {
                let suggestion = Suggest.closest(to: operand, in: spec.choices).map { " (did you mean '\($0)'?)" } ?? ""
                throw OpikError.usage(
                    "invalid \(spec.name) '\(operand)'\(suggestion)",
                    hint: "choose one of: \(spec.choices.joined(separator: ", "))")
            }
        }
    }

    /// Every option in the tree by `long` name and by `-s`; a name means the same everywhere.
    static func optionTable(_ root: CommandSpec) -> [String: OptionSpec] {
        var table: [String: OptionSpec] = [:]
        func visit(_ node: CommandSpec) {
            for option in node.options {
                if table[option.long] == nil { table[option.long] = option }
                if let short = option.short, table["-" + String(short)] == nil { table["-" + String(short)] = option }
            }
            node.subcommands.forEach(visit)
        }
        visit(root)
        return table
    }

    package static func commandName(_ nodes: [CommandSpec]) -> String {
        nodes.map(\.name).joined(separator: " ")
    }

    static func helpHint(_ nodes: [CommandSpec]) -> String {
        "see '\(commandName(nodes)) --help'"
    }
}
