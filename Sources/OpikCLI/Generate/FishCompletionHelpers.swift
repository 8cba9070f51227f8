import OpikCore

extension FishCompletion {
    /// Functions the `complete` lines call in their conditions and value lists.
    var helpers: String {
        let p = model.program
        var out = "# Prints \"name<TAB>summary\" for each subcommand of a command path (\"\" is \(p) itself).\n"
        out += "function __\(p)_subcommands --argument-names cmdpath\n"
        if model.hasHelpCommand {
            out += "    # Under help, operands name commands.\n"
            out += "    set cmdpath (string replace -r '^help ?' '' -- $cmdpath)\n"
        }
        out += "    switch \"$cmdpath\"\n"
        for node in model.groups {
            out += "        case \(FishQuote.single(node.key))\n"
            for child in node.command.visibleSubcommands {
                out += "            printf '%s\\t%s\\n' \(FishQuote.single(child.name)) \(FishQuote.single(child.summary))\n"
            }
        }
        out += "    end\nend\n\n"

        out += "# Succeeds when option $argv[2] takes a value at command path $argv[1].\n"
        out += "function __\(p)_takes_value --argument-names cmdpath option\n    switch \"$cmdpath\"\n"
        for node in model.nodes.dropFirst() {
            let spellings = node.localOptions.filter(\.takesValue).flatMap(CompletionModel.spellings)
            guard !spellings.isEmpty else { continue }
            out += "        case \(FishQuote.single(node.key))\n"
            out += "            contains -- $option \(spellings.joined(separator: " ")); and return 0\n"
        }
        let globals = model.globalOptions.filter(\.takesValue).flatMap(CompletionModel.spellings)
        out += "    end\n    contains -- $option \(globals.joined(separator: " "))\nend\n\n"

        out += """
            # Prints the number of operands typed after the command, then the command path.
            # Options that take a value consume the next word.
            function __\(p)_state
                set -l tokens (commandline -opc)
                set -e tokens[1]
                set -l cmdpath
                set -l operands 0
                set -l skip 0
                set -l ended 0
                for token in $tokens
                    if test $skip -eq 1
                        set skip 0
                    else if test $ended -eq 1
                        set operands (math $operands + 1)
                    else
                        switch $token
                            case --
                                set ended 1
                            case '--*=*'
                            case '--*'
                                __\(p)_takes_value "$cmdpath" $token; and set skip 1
                            case '-?*'
                                # In a cluster like -qp, the first letter that takes a value
                                # takes the rest of the word, or the next word when it is last.
                                set -l letters (string split '' -- (string sub -s 2 -- $token))
                                for k in (seq (count $letters))
                                    if __\(p)_takes_value "$cmdpath" -$letters[$k]
                                        test $k -eq (count $letters); and set skip 1
                                        break
                                    end
                                end
                            case '*'
                                set -l names (__\(p)_subcommands "$cmdpath" | string replace -r '\\t.*' '')
                                if test $operands -eq 0; and contains -- $token $names
                                    set -a cmdpath $token
                                else
                                    set operands (math $operands + 1)
                                end
                        end
                    end
                end
                echo $operands
                echo "$cmdpath"
            end

            # Succeeds when the command path is $argv[1] and, when given, the operand count is
            # $argv[2] (N exactly, or N+ for at least N).
            function __\(p)_at --argument-names want position
                set -l state (__\(p)_state)
                test "$state[2]" = "$want"; or return 1
                test -z "$position"; and return 0
                if string match -q -- '*+' $position
                    test $state[1] -ge (string trim -r -c + -- $position)
                else
                    test $state[1] -eq $position
                end
            end

            # Project names come from the server through a hidden command that prints nothing
            # on any error or after a short timeout.
            function __\(p)_projects
                set -l typed (string replace -r -- '^--?[^=]*=' '' (commandline -ct))
                command \(p) __complete projects "$typed" 2>/dev/null
            end
            \(sortFunction)
            """
        if model.hasHelpCommand {
            let topics = HelpTopic.allCases.map { "    printf '%s\\t%s\\n' \(FishQuote.single($0.rawValue)) \(FishQuote.single($0.summary))\n" }.joined()
            out += """

                function __\(p)_in_help
                    set -l state (__\(p)_state)
                    test $state[1] -eq 0; and string match -q -r '^help( |$)' -- "$state[2]"
                end

                # Commands below the path typed after help; topics too right after help.
                function __\(p)_help_targets
                    set -l state (__\(p)_state)
                    __\(p)_subcommands "$state[2]"
                    test "$state[2]" = help; or return 0

                """ + topics + "end\n"
        }
        return out
    }

    /// `--sort` values: the fields, or after `FIELD:` the field with each direction.
    private var sortFunction: String {
        guard model.usesSortField else { return "" }
        let p = model.program
        return """

            # --sort values: the fields of the entity named first, or after FIELD: the field
            # with each direction.
            function __\(p)_sort_fields
                set -l typed (string replace -r -- '^--?[^=]*=' '' (commandline -ct))
                if string match -q -- '*:*' $typed
                    set -l field (string replace -r -- ':.*' '' $typed)
                    printf '%s\\n' $field:\(SortSpec.directions.joined(separator: " $field:"))
                else
                    switch $argv[1]
            \(model.sortEntities.map { entity in "            case \(entity.name)\n                printf '%s\\n' \(entity.fields.map(FishQuote.word).joined(separator: " "))\n" }.joined())        end
                end
            end

            """
    }
}
