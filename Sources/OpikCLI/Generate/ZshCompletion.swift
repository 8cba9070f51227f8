import OpikCore

/// The zsh completion function `_opik`: one `_arguments` call per command, dispatching on the
/// subcommand word as zsh's own completions do.
struct ZshCompletion {
    let model: CompletionModel

    init(root: CommandSpec) { model = CompletionModel(root: root) }

    var script: String {
        let p = model.program
        var out = "#compdef \(p)\n" + model.header("#", shell: "zsh") + "\n"
        out += """
            # Project names come from the server through a hidden command that prints nothing on
            # any error or after a short timeout.
            _\(p)_projects() {
              local -a projects
              projects=(${(f)"$(_call_program projects \(p) __complete projects ${(qq)PREFIX} 2>/dev/null)"})
              _wanted projects expl project compadd -a projects
            }

            \(sortFunction)# Describes the subcommands of a command path ("" is the program itself).
            _\(p)_commands_of() {
              local -a commands
              case "$1" in

            """
        for node in model.groups {
            let entries = node.command.visibleSubcommands.map { ZshQuote.single(describe($0.name, $0.summary)) }
            out += "    \(ZshQuote.single(node.key))) commands=(\(entries.joined(separator: " "))) ;;\n"
        }
        out += "  esac\n  (( $#commands )) && _describe -t commands command commands\n}\n\n"
        for node in model.nodes {
            out += function(for: node)
        }
        out += """
            if [[ $funcstack[1] == _\(p) ]]; then
              _\(p) "$@"
            else
              compdef _\(p) \(p)
            fi

            """
        return out
    }

    /// `--sort` values: a field, or after `FIELD:` a direction.
    private var sortFunction: String {
        guard model.usesSortField else { return "" }
        return """
            # --sort values: a field of the entity named last (_arguments puts its own
            # arguments first), or after FIELD: a direction.
            _\(model.program)_sort_fields() {
              if compset -P '*:'; then
                _wanted directions expl direction compadd -- \(SortSpec.directions.joined(separator: " "))
              else
                local -a fields
                case ${@[-1]} in
            \(model.sortEntities.map { "    \($0.name)) fields=(\($0.fields.map(ZshQuote.single).joined(separator: " "))) ;;\n" }.joined())    esac
                _wanted fields expl field compadd -a fields
              fi
            }


            """
    }

    private func functionName(_ node: CompletionModel.Node) -> String {
        (["_" + model.program] + CommandPath.names(node.path)).joined(separator: "_").replacingAll("-", with: "_")
    }

    private func function(for node: CompletionModel.Node) -> String {
        let command = node.command
        var specs = (node.localOptions + model.globalOptions).map(optionSpec)
        var body = ""
        var flags = "-C -s -S"
        if !command.visibleSubcommands.isEmpty {
            // Words after the subcommand, options included, belong to the subcommand's function.
            flags += " -A '-*'"
            specs += ["'1: :->command'", "'*:: :->args'"]
            body += "  case $state in\n"
            body += "    command) _\(model.program)_commands_of \(ZshQuote.single(node.key)) ;;\n"
            body += "    args)\n      case $words[1] in\n"
            for child in command.visibleSubcommands {
                body += "        \(ZshQuote.single(child.name))) \(functionName(.init(key: "", path: node.path + [child]))) ;;\n"
            }
            body += "      esac\n      ;;\n  esac\n"
        } else if model.hasHelpCommand && node.key == "help" {
            specs.append("'*:: :->targets'")
            body += helpTargets
        } else {
            specs += command.arguments.enumerated().map { argumentSpec($1, position: $0 + 1) }
        }
        var out = "\(functionName(node))() {\n  local curcontext=\"$curcontext\" state line ret=1\n  typeset -A opt_args\n"
        out += "  _arguments \(flags) \\\n" + specs.map { "    \($0)" }.joined(separator: " \\\n") + " && ret=0\n"
        out += body
        return out + "  return ret\n}\n\n"
    }

    /// Operands of `help` walk the command tree; at the first one, topics are offered too.
    private var helpTargets: String {
        let topics = model.topics.map { ZshQuote.single($0) }.joined(separator: " ")
        return """
              if [[ $state == targets ]]; then
                local cmdpath="${(j: :)words[1,CURRENT-1]}"
                local -a topics=(\(topics))
                _\(model.program)_commands_of "$cmdpath" && ret=0
                if (( CURRENT == 1 )); then
                  _describe -t topics topic topics && ret=0
                fi
              fi

            """
    }

    private func optionSpec(_ option: OptionSpec) -> String {
        let spellings: [String]
        if option.takesValue {
            spellings = (option.short.map { ["-\($0)+"] } ?? []) + ["--\(option.long)="]
        } else {
            spellings = CompletionModel.spellings(option)
        }
        let exclusion = option.isRepeatable ? "*" : (spellings.count > 1 ? "(\(CompletionModel.spellings(option).joined(separator: " ")))" : "")
        var tail = "[" + ZshQuote.bracketed(CommandPath.describe(option)) + "]"
        if let value = option.valueName {
            tail += ":" + ZshQuote.message(value) + ":" + action(option.completion, choices: option.choices)
        }
        if spellings.count == 1 {
            return ZshQuote.single(exclusion + spellings[0] + tail)
        }
        return ZshQuote.single(exclusion) + "{" + spellings.joined(separator: ",") + "}" + ZshQuote.single(tail)
    }

    private func argumentSpec(_ argument: ArgumentSpec, position: Int) -> String {
        let message = ZshQuote.message(argument.name)
        let act = action(argument.completion, choices: argument.choices)
        if argument.isVariadic {
            return ZshQuote.single("*:\(message):\(act)")
        }
        return ZshQuote.single("\(position):\(argument.isOptional ? ":" : "")\(message):\(act)")
    }

    private func action(_ completion: CompletionKind, choices: [String]) -> String {
        switch completion {
        case .none: return " "
        case .file: return "_files"
        case .project: return "_\(model.program)_projects"
        case let .sortField(name): return "_\(model.program)_sort_fields \(name)"
        case .choices: return "(" + choices.map(ZshQuote.word).joined(separator: " ") + ")"
        }
    }

    private func describe(_ name: String, _ summary: String) -> String {
        name.replacingAll(":", with: "\\:") + ":" + summary
    }
}

/// Quoting for the strings `_arguments` and `_describe` read.
enum ZshQuote {
    static func single(_ text: String) -> String { ShellQuote.single(text) }

    /// Text inside `[...]` of an option spec.
    static func bracketed(_ text: String) -> String {
        text.replacingAll("\\", with: "\\\\").replacingAll("[", with: "\\[").replacingAll("]", with: "\\]")
    }

    /// The message part of a spec, which ends at the next colon.
    static func message(_ text: String) -> String {
        text.replacingAll("\\", with: "\\\\").replacingAll(":", with: "\\:")
    }

    /// One word of a `(a b c)` action.
    static func word(_ text: String) -> String { text.backslashing(" ()\\:'\"") }
}
