import OpikCore

/// The bash completion script: a function `_opik` registered with `complete -F`.
struct BashCompletion {
    let model: CompletionModel

    init(root: CommandSpec) { model = CompletionModel(root: root) }

    var script: String {
        let p = model.program
        return model.header("#", shell: "bash") + """

            # Prints the subcommands of a command path ("" is the program itself).
            _\(p)_subcommands() {
                local cmdpath="$1"
            \(helpLookup)    case "$cmdpath" in
            \(subcommandArms)    esac
            }

            # Prints the options accepted at a command path, global ones included.
            _\(p)_options() {
                case "$1" in
            \(optionArms)    esac
                echo \(ShellQuote.single(words(model.globalOptions)))
            }

            # Prints how the value of option $2 at command path $1 completes: "none", "file",
            # "project" or "choices WORD...". Fails when the option takes no value.
            _\(p)_value_kind() {
                case "$1" in
            \(valueArms)    esac
                case "$2" in
            \(valueCases(model.globalOptions, indent: "        "))    esac
                return 1
            }

            # Prints how operand number $2 (from 0) of the command at path $1 completes.
            _\(p)_operand_kind() {
                case "$1" in
            \(operandArms)    esac
            }

            _\(p)_is_subcommand() {
                local name
                for name in $(_\(p)_subcommands "$1"); do
                    [[ $name == "$2" ]] && return 0
                done
                return 1
            }

            # Sets COMPREPLY to the lines read from standard input.
            _\(p)_read_reply() {
                local line
                COMPREPLY=()
                while IFS= read -r line; do
                    [[ -n $line ]] && COMPREPLY+=("$line")
                done
            }

            _\(p)_complete_kind() {
                case "$1" in
                    choices\\ *) _\(p)_read_reply < <(compgen -W "${1#choices }" -- "$cur") ;;
                    file)
                        compopt -o filenames 2>/dev/null
                        _\(p)_read_reply < <(compgen -f -- "$cur")
                        ;;
                    project) _\(p)_projects ;;
            \(sortKind)    esac
            }

            # Project names come from the server through a hidden command that prints nothing
            # on any error or after a short timeout.
            _\(p)_projects() {
                local name typed="${cur//\\\\/}"
                typed="${typed#[\\"\\']}"
                COMPREPLY=()
                while IFS= read -r name; do
                    [[ -z $name ]] && continue
                    if [[ $cur == [\\"\\']* ]]; then
                        COMPREPLY+=("$name")
                    else
                        COMPREPLY+=("$(printf '%q' "$name")")
                    fi
                done < <(command \(p) __complete projects "$typed" 2>/dev/null)
            }

            \(joinColons)_\(p)() {
                local -a words=("${COMP_WORDS[@]}")
                local cword=$COMP_CWORD
                \(model.usesSortField ? "_\(p)_join_colons\n    " : "")local cur="${words[cword]}" cmdpath="" pending="" word kind letters k
                local i operands=0 skip=0 ended=0
                COMPREPLY=()
                # Walk the words before the cursor: options that take a value consume the next
                # word (or the next two when bash split "--opt=value" at the "=").
                for ((i = 1; i < cword; i++)); do
                    word="${words[i]}"
                    if ((skip > 0)); then
                        ((skip--))
                        continue
                    fi
                    if ((ended)); then
                        ((operands++))
                        continue
                    fi
                    case "$word" in
                        --) ended=1 ;;
                        --*=*) ;;
                        --*)
                            if _\(p)_value_kind "$cmdpath" "$word" >/dev/null; then
                                pending="$word"
                                skip=1
                                [[ ${words[i + 1]} == "=" ]] && skip=2
                            fi
                            ;;
                        -?*)
                            # A cluster like -qp: the first letter that takes a value takes the
                            # rest of the word, or the next word when it is last.
                            letters="${word#-}"
                            for ((k = 0; k < ${#letters}; k++)); do
                                if _\(p)_value_kind "$cmdpath" "-${letters:k:1}" >/dev/null; then
                                    if ((k == ${#letters} - 1)); then
                                        pending="-${letters:k:1}"
                                        skip=1
                                    fi
                                    break
                                fi
                            done
                            ;;
                        *)
                            if ((operands == 0)) && _\(p)_is_subcommand "$cmdpath" "$word"; then
                                cmdpath="${cmdpath:+$cmdpath }$word"
                            else
                                ((operands++))
                            fi
                            ;;
                    esac
                done

                if ((skip > 0)); then
                    [[ $cur == "=" ]] && cur=""
                    _\(p)_complete_kind "$(_\(p)_value_kind "$cmdpath" "$pending")"
                    return 0
                fi
                if ((!ended)) && [[ $cur == --*=* ]]; then
                    local option="${cur%%=*}"
                    cur="${cur#*=}"
                    kind="$(_\(p)_value_kind "$cmdpath" "$option")" || return 0
                    _\(p)_complete_kind "$kind"
                    COMPREPLY=("${COMPREPLY[@]/#/$option=}")
                    return 0
                fi
                if ((!ended)) && [[ $cur == -* ]]; then
                    _\(p)_read_reply < <(compgen -W "$(_\(p)_options "$cmdpath")" -- "$cur")
                    return 0
                fi
                if ((operands == 0)) && [[ -n $(_\(p)_subcommands "$cmdpath") ]]; then
                    _\(p)_read_reply < <(compgen -W "$(_\(p)_subcommands "$cmdpath")\(helpTopicsWhenAtHelp)" -- "$cur")
                    return 0
                fi
                _\(p)_complete_kind "$(_\(p)_operand_kind "$cmdpath" "$operands")"
                return 0
            }

            complete -F _\(p) \(p)

            """
    }

    /// Under `help`, operands name commands: look their subcommands up without the `help`.
    private var helpLookup: String {
        guard model.hasHelpCommand else { return "" }
        return """
                if [[ $cmdpath == help || $cmdpath == "help "* ]]; then
                    cmdpath="${cmdpath#help}"
                    cmdpath="${cmdpath# }"
                fi

            """
    }

    /// At `help` itself, topics are offered beside the commands.
    private var helpTopicsWhenAtHelp: String {
        guard model.hasHelpCommand else { return "" }
        return "$([[ $cmdpath == help ]] && echo \" \(model.topics.joined(separator: " "))\")"
    }

    private var subcommandArms: String {
        model.groups.map { node in
            "        \(ShellQuote.single(node.key))) echo \(ShellQuote.single(node.command.visibleSubcommands.map(\.name).joined(separator: " "))) ;;\n"
        }.joined()
    }

    private var optionArms: String {
        model.nodes.filter { !$0.localOptions.isEmpty }.map { node in
            "        \(ShellQuote.single(node.key))) echo \(ShellQuote.single(words(node.localOptions))) ;;\n"
        }.joined()
    }

    private var valueArms: String {
        model.nodes.filter { $0.localOptions.contains(where: \.takesValue) }.map { node in
            "        \(ShellQuote.single(node.key)))\n            case \"$2\" in\n"
                + valueCases(node.localOptions, indent: "                ")
                + "            esac\n            ;;\n"
        }.joined()
    }

    private func valueCases(_ options: [OptionSpec], indent: String) -> String {
        options.filter(\.takesValue).map { option in
            let pattern = CompletionModel.spellings(option).joined(separator: "|")
            return "\(indent)\(pattern)) echo \(ShellQuote.single(kind(option.completion, choices: option.choices))); return 0 ;;\n"
        }.joined()
    }

    private var operandArms: String {
        model.leaves.compactMap { node -> String? in
            let arguments = node.command.arguments
            guard let last = arguments.lastIndex(where: { $0.completion != .none }) else { return nil }
            var cases = ""
            for (index, argument) in arguments[...last].enumerated() {
                // A variadic operand takes every later position; earlier positions come first.
                let pattern = argument.isVariadic ? "*" : String(index)
                cases += "                \(pattern)) echo \(ShellQuote.single(kind(argument.completion, choices: argument.choices))) ;;\n"
            }
            return "        \(ShellQuote.single(node.key)))\n            case \"$2\" in\n\(cases)            esac\n            ;;\n"
        }.joined()
    }

    private func kind(_ completion: CompletionKind, choices: [String]) -> String {
        switch completion {
        case .none: return "none"
        case .file: return "file"
        case .project: return "project"
        case let .sortField(name):
            return "sort " + CompletionModel.sortFields(of: name).joined(separator: " ")
        case .choices: return "choices " + choices.joined(separator: " ")
        }
    }

    private func words(_ options: [OptionSpec]) -> String {
        options.flatMap(CompletionModel.spellings).joined(separator: " ")
    }
}
