# bash completion for opik, generated from its command tree by 'opik __generate'.
# Do not edit; run 'make generate' after changing commands or options.

# Prints the subcommands of a command path ("" is the program itself).
_opik_subcommands() {
    local cmdpath="$1"
    if [[ $cmdpath == help || $cmdpath == "help "* ]]; then
        cmdpath="${cmdpath#help}"
        cmdpath="${cmdpath# }"
    fi
    case "$cmdpath" in
        '') echo 'spans traces config completion help' ;;
        'spans') echo 'list get create update delete score comment stats' ;;
        'spans score') echo 'add upload delete names' ;;
        'spans comment') echo 'add list get update delete' ;;
        'traces') echo 'list get create update delete score comment stats' ;;
        'traces score') echo 'add upload delete names' ;;
        'traces comment') echo 'add list get update delete' ;;
        'config') echo 'show set' ;;
    esac
}

# Prints the options accepted at a command path, global ones included.
_opik_options() {
    case "$1" in
        'spans list') echo '--project-id --trace-id --type -f --filter --search --since --until --sort -n --limit --all --page --truncate --after --no-header --follow --explain' ;;
        'spans create') echo '--name --type --trace-id --parent-span-id --start-time --end-time --input --output --metadata --tags --model --provider --usage --cost --environment --error-type --error-message --file --parallel --failed --dry-run' ;;
        'spans update') echo '--name --type --end-time --input --output --metadata --tags --add-tag --remove-tag --model --provider --usage --cost --environment --trace-id --parent-span-id --dry-run' ;;
        'spans delete') echo '--trace -y --yes --project-id --dry-run' ;;
        'spans score add') echo '--reason --category --source --dry-run' ;;
        'spans score upload') echo '--input-format --no-check --parallel --failed --dry-run' ;;
        'spans score delete') echo '--author --dry-run' ;;
        'spans score names') echo '--project-id --type' ;;
        'spans comment add') echo '--dry-run' ;;
        'spans comment update') echo '--dry-run' ;;
        'spans comment delete') echo '--dry-run' ;;
        'spans stats') echo '--project-id --trace-id --type -f --filter --search --since --until --explain' ;;
        'traces list') echo '--project-id --thread --include-hidden -f --filter --search --since --until --sort -n --limit --all --page --truncate --after --no-header --follow --explain' ;;
        'traces get') echo '--spans' ;;
        'traces create') echo '--name --start-time --end-time --input --output --metadata --tags --thread-id --environment --error-type --error-message --file --parallel --failed --dry-run' ;;
        'traces update') echo '--name --end-time --input --output --metadata --tags --add-tag --remove-tag --thread-id --environment --dry-run' ;;
        'traces delete') echo '-f --filter -y --yes --project-id --dry-run' ;;
        'traces score add') echo '--reason --category --source --dry-run' ;;
        'traces score upload') echo '--input-format --no-check --parallel --failed --dry-run' ;;
        'traces score delete') echo '--author --dry-run' ;;
        'traces score names') echo '--project-id' ;;
        'traces comment add') echo '--dry-run' ;;
        'traces comment update') echo '--dry-run' ;;
        'traces comment delete') echo '--dry-run' ;;
        'traces stats') echo '--project-id --thread --include-hidden -f --filter --search --since --until --explain' ;;
    esac
    echo '--url --workspace -p --project --config --format --fields --timeout --retries --cacert --insecure -v --verbose -q --quiet --no-color -h --help --version'
}

# Prints how the value of option $2 at command path $1 completes: "none", "file",
# "project" or "choices WORD...". Fails when the option takes no value.
_opik_value_kind() {
    case "$1" in
        'spans list')
            case "$2" in
                --project-id) echo 'none'; return 0 ;;
                --trace-id) echo 'none'; return 0 ;;
                --type) echo 'choices general tool llm guardrail'; return 0 ;;
                -f|--filter) echo 'none'; return 0 ;;
                --search) echo 'none'; return 0 ;;
                --since) echo 'none'; return 0 ;;
                --until) echo 'none'; return 0 ;;
                --sort) echo 'sort id name type trace_id parent_span_id input output metadata start_time end_time duration ttft tags created_at last_updated_at model provider total_estimated_cost error_info created_by environment usage.total_tokens usage.prompt_tokens usage.completion_tokens'; return 0 ;;
                -n|--limit) echo 'none'; return 0 ;;
                --page) echo 'none'; return 0 ;;
                --after) echo 'none'; return 0 ;;
            esac
            ;;
        'spans create')
            case "$2" in
                --name) echo 'none'; return 0 ;;
                --type) echo 'choices general tool llm guardrail'; return 0 ;;
                --trace-id) echo 'none'; return 0 ;;
                --parent-span-id) echo 'none'; return 0 ;;
                --start-time) echo 'none'; return 0 ;;
                --end-time) echo 'none'; return 0 ;;
                --input) echo 'file'; return 0 ;;
                --output) echo 'file'; return 0 ;;
                --metadata) echo 'file'; return 0 ;;
                --tags) echo 'none'; return 0 ;;
                --model) echo 'none'; return 0 ;;
                --provider) echo 'none'; return 0 ;;
                --usage) echo 'none'; return 0 ;;
                --cost) echo 'none'; return 0 ;;
                --environment) echo 'none'; return 0 ;;
                --error-type) echo 'none'; return 0 ;;
                --error-message) echo 'none'; return 0 ;;
                --file) echo 'file'; return 0 ;;
                --parallel) echo 'none'; return 0 ;;
                --failed) echo 'file'; return 0 ;;
            esac
            ;;
        'spans update')
            case "$2" in
                --name) echo 'none'; return 0 ;;
                --type) echo 'choices general tool llm guardrail'; return 0 ;;
                --end-time) echo 'none'; return 0 ;;
                --input) echo 'file'; return 0 ;;
                --output) echo 'file'; return 0 ;;
                --metadata) echo 'file'; return 0 ;;
                --tags) echo 'none'; return 0 ;;
                --add-tag) echo 'none'; return 0 ;;
                --remove-tag) echo 'none'; return 0 ;;
                --model) echo 'none'; return 0 ;;
                --provider) echo 'none'; return 0 ;;
                --usage) echo 'none'; return 0 ;;
                --cost) echo 'none'; return 0 ;;
                --environment) echo 'none'; return 0 ;;
                --trace-id) echo 'none'; return 0 ;;
                --parent-span-id) echo 'none'; return 0 ;;
            esac
            ;;
        'spans delete')
            case "$2" in
                --project-id) echo 'none'; return 0 ;;
            esac
            ;;
        'spans score add')
            case "$2" in
                --reason) echo 'none'; return 0 ;;
                --category) echo 'none'; return 0 ;;
                --source) echo 'choices ui sdk online_scoring'; return 0 ;;
            esac
            ;;
        'spans score upload')
            case "$2" in
                --input-format) echo 'choices json csv'; return 0 ;;
                --parallel) echo 'none'; return 0 ;;
                --failed) echo 'file'; return 0 ;;
            esac
            ;;
        'spans score delete')
            case "$2" in
                --author) echo 'none'; return 0 ;;
            esac
            ;;
        'spans score names')
            case "$2" in
                --project-id) echo 'none'; return 0 ;;
                --type) echo 'choices general tool llm guardrail'; return 0 ;;
            esac
            ;;
        'spans stats')
            case "$2" in
                --project-id) echo 'none'; return 0 ;;
                --trace-id) echo 'none'; return 0 ;;
                --type) echo 'choices general tool llm guardrail'; return 0 ;;
                -f|--filter) echo 'none'; return 0 ;;
                --search) echo 'none'; return 0 ;;
                --since) echo 'none'; return 0 ;;
                --until) echo 'none'; return 0 ;;
            esac
            ;;
        'traces list')
            case "$2" in
                --project-id) echo 'none'; return 0 ;;
                --thread) echo 'none'; return 0 ;;
                -f|--filter) echo 'none'; return 0 ;;
                --search) echo 'none'; return 0 ;;
                --since) echo 'none'; return 0 ;;
                --until) echo 'none'; return 0 ;;
                --sort) echo 'sort id name input output start_time end_time duration ttft metadata thread_id span_count llm_span_count total_estimated_cost tags error_info created_by environment usage.total_tokens usage.prompt_tokens usage.completion_tokens'; return 0 ;;
                -n|--limit) echo 'none'; return 0 ;;
                --page) echo 'none'; return 0 ;;
                --after) echo 'none'; return 0 ;;
            esac
            ;;
        'traces create')
            case "$2" in
                --name) echo 'none'; return 0 ;;
                --start-time) echo 'none'; return 0 ;;
                --end-time) echo 'none'; return 0 ;;
                --input) echo 'file'; return 0 ;;
                --output) echo 'file'; return 0 ;;
                --metadata) echo 'file'; return 0 ;;
                --tags) echo 'none'; return 0 ;;
                --thread-id) echo 'none'; return 0 ;;
                --environment) echo 'none'; return 0 ;;
                --error-type) echo 'none'; return 0 ;;
                --error-message) echo 'none'; return 0 ;;
                --file) echo 'file'; return 0 ;;
                --parallel) echo 'none'; return 0 ;;
                --failed) echo 'file'; return 0 ;;
            esac
            ;;
        'traces update')
            case "$2" in
                --name) echo 'none'; return 0 ;;
                --end-time) echo 'none'; return 0 ;;
                --input) echo 'file'; return 0 ;;
                --output) echo 'file'; return 0 ;;
                --metadata) echo 'file'; return 0 ;;
                --tags) echo 'none'; return 0 ;;
                --add-tag) echo 'none'; return 0 ;;
                --remove-tag) echo 'none'; return 0 ;;
                --thread-id) echo 'none'; return 0 ;;
                --environment) echo 'none'; return 0 ;;
            esac
            ;;
        'traces delete')
            case "$2" in
                -f|--filter) echo 'none'; return 0 ;;
                --project-id) echo 'none'; return 0 ;;
            esac
            ;;
        'traces score add')
            case "$2" in
                --reason) echo 'none'; return 0 ;;
                --category) echo 'none'; return 0 ;;
                --source) echo 'choices ui sdk online_scoring'; return 0 ;;
            esac
            ;;
        'traces score upload')
            case "$2" in
                --input-format) echo 'choices json csv'; return 0 ;;
                --parallel) echo 'none'; return 0 ;;
                --failed) echo 'file'; return 0 ;;
            esac
            ;;
        'traces score delete')
            case "$2" in
                --author) echo 'none'; return 0 ;;
            esac
            ;;
        'traces score names')
            case "$2" in
                --project-id) echo 'none'; return 0 ;;
            esac
            ;;
        'traces stats')
            case "$2" in
                --project-id) echo 'none'; return 0 ;;
                --thread) echo 'none'; return 0 ;;
                -f|--filter) echo 'none'; return 0 ;;
                --search) echo 'none'; return 0 ;;
                --since) echo 'none'; return 0 ;;
                --until) echo 'none'; return 0 ;;
            esac
            ;;
    esac
    case "$2" in
        --url) echo 'none'; return 0 ;;
        --workspace) echo 'none'; return 0 ;;
        -p|--project) echo 'project'; return 0 ;;
        --config) echo 'file'; return 0 ;;
        --format) echo 'choices table json ndjson csv'; return 0 ;;
        --fields) echo 'none'; return 0 ;;
        --timeout) echo 'none'; return 0 ;;
        --retries) echo 'none'; return 0 ;;
        --cacert) echo 'file'; return 0 ;;
    esac
    return 1
}

# Prints how operand number $2 (from 0) of the command at path $1 completes.
_opik_operand_kind() {
    case "$1" in
        'spans score upload')
            case "$2" in
                0) echo 'file' ;;
            esac
            ;;
        'traces score upload')
            case "$2" in
                0) echo 'file' ;;
            esac
            ;;
        'config set')
            case "$2" in
                0) echo 'choices url_override api_key workspace project_name check_tls_certificate' ;;
            esac
            ;;
        'completion')
            case "$2" in
                0) echo 'choices bash zsh fish' ;;
            esac
            ;;
    esac
}

_opik_is_subcommand() {
    local name
    for name in $(_opik_subcommands "$1"); do
        [[ $name == "$2" ]] && return 0
    done
    return 1
}

# Sets COMPREPLY to the lines read from standard input.
_opik_read_reply() {
    local line
    COMPREPLY=()
    while IFS= read -r line; do
        [[ -n $line ]] && COMPREPLY+=("$line")
    done
}

_opik_complete_kind() {
    case "$1" in
        choices\ *) _opik_read_reply < <(compgen -W "${1#choices }" -- "$cur") ;;
        file)
            compopt -o filenames 2>/dev/null
            _opik_read_reply < <(compgen -f -- "$cur")
            ;;
        project) _opik_projects ;;
        sort\ *)
            if [[ $cur == *:* ]]; then
                local field="${cur%%:*}"
                _opik_read_reply < <(compgen -W "$field:asc $field:desc" -- "$cur")
            else
                _opik_read_reply < <(compgen -W "${1#sort }" -- "$cur")
            fi
            if [[ $cur == *:* && $COMP_WORDBREAKS == *:* ]]; then
                COMPREPLY=("${COMPREPLY[@]#"${cur%"${cur##*:}"}"}")
            fi
            ;;
    esac
}

# Project names come from the server through a hidden command that prints nothing
# on any error or after a short timeout.
_opik_projects() {
    local name typed="${cur//\\/}"
    typed="${typed#[\"\']}"
    COMPREPLY=()
    while IFS= read -r name; do
        [[ -z $name ]] && continue
        if [[ $cur == [\"\']* ]]; then
            COMPREPLY+=("$name")
        else
            COMPREPLY+=("$(printf '%q' "$name")")
        fi
    done < <(command opik __complete projects "$typed" 2>/dev/null)
}

# bash splits words at ':' (COMP_WORDBREAKS); joins "name" ":" "desc" typed without
# spaces back into one word in the caller's words and cword.
_opik_join_colons() {
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

_opik() {
    local -a words=("${COMP_WORDS[@]}")
    local cword=$COMP_CWORD
    _opik_join_colons
    local cur="${words[cword]}" cmdpath="" pending="" word kind letters k
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
                if _opik_value_kind "$cmdpath" "$word" >/dev/null; then
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
                    if _opik_value_kind "$cmdpath" "-${letters:k:1}" >/dev/null; then
                        if ((k == ${#letters} - 1)); then
                            pending="-${letters:k:1}"
                            skip=1
                        fi
                        break
                    fi
                done
                ;;
            *)
                if ((operands == 0)) && _opik_is_subcommand "$cmdpath" "$word"; then
                    cmdpath="${cmdpath:+$cmdpath }$word"
                else
                    ((operands++))
                fi
                ;;
        esac
    done

    if ((skip > 0)); then
        [[ $cur == "=" ]] && cur=""
        _opik_complete_kind "$(_opik_value_kind "$cmdpath" "$pending")"
        return 0
    fi
    if ((!ended)) && [[ $cur == --*=* ]]; then
        local option="${cur%%=*}"
        cur="${cur#*=}"
        kind="$(_opik_value_kind "$cmdpath" "$option")" || return 0
        _opik_complete_kind "$kind"
        COMPREPLY=("${COMPREPLY[@]/#/$option=}")
        return 0
    fi
    if ((!ended)) && [[ $cur == -* ]]; then
        _opik_read_reply < <(compgen -W "$(_opik_options "$cmdpath")" -- "$cur")
        return 0
    fi
    if ((operands == 0)) && [[ -n $(_opik_subcommands "$cmdpath") ]]; then
        _opik_read_reply < <(compgen -W "$(_opik_subcommands "$cmdpath")$([[ $cmdpath == help ]] && echo " environment filters formats exit-codes")" -- "$cur")
        return 0
    fi
    _opik_complete_kind "$(_opik_operand_kind "$cmdpath" "$operands")"
    return 0
}

complete -F _opik opik
