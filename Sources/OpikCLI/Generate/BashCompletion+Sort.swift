import OpikCore

/// The parts of the bash script for `--sort FIELD[:asc|desc]` values, present only when some
/// option completes them.
extension BashCompletion {
    /// `--sort` values: the fields, or after `FIELD:` the field with each direction. Bash
    /// splits words at `:` (COMP_WORDBREAKS), so `_join_colons` joins them back first, and
    /// the replies drop what bash no longer counts as the current word.
    var sortKind: String {
        guard model.usesSortField else { return "" }
        let p = model.program
        return """
                    sort\\ *)
                        if [[ $cur == *:* ]]; then
                            local field="${cur%%:*}"
                            _\(p)_read_reply < <(compgen -W "\(SortSpec.directions.map { "$field:\($0)" }.joined(separator: " "))" -- "$cur")
                        else
                            _\(p)_read_reply < <(compgen -W "${1#sort }" -- "$cur")
                        fi
                        if [[ $cur == *:* && $COMP_WORDBREAKS == *:* ]]; then
                            COMPREPLY=("${COMPREPLY[@]#"${cur%"${cur##*:}"}"}")
                        fi
                        ;;

            """
    }

    /// Joins words that bash split at `:` but that were typed without spaces (`name:desc`),
    /// by finding each word in COMP_LINE; `words` and `cword` then hold the line as typed.
    var joinColons: String {
        guard model.usesSortField else { return "" }
        let p = model.program
        return """
            # bash splits words at ':' (COMP_WORDBREAKS); joins "name" ":" "desc" typed without
            # spaces back into one word in the caller's words and cword.
            _\(p)_join_colons() {
                [[ -n $COMP_LINE ]] || return 0
                local -a joined=()
                local i j=0 pos=0 gap rest word
                for ((i = 0; i < ${#COMP_WORDS[@]}; i++)); do
                    word="${COMP_WORDS[i]}"
                    rest="${COMP_LINE:pos}"
                    gap="${rest%%"$word"*}"
                    pos=$((pos + ${#gap} + ${#word}))
                    if ((j > 0)) && [[ -n $word && -z $gap && ( $word == : || ${joined[j - 1]} == *: ) ]]; then
                        joined[j - 1]+="$word"
                    else
                        joined[j]="$word"
                        ((j++))
                    fi
                    ((i == COMP_CWORD)) && cword=$((j - 1))
                done
                words=("${joined[@]}")
            }


            """
    }
}
