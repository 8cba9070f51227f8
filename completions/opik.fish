# fish completion for opik, generated from its command tree by 'opik __generate'.
# Do not edit; run 'make generate' after changing commands or options.

# Prints "name<TAB>summary" for each subcommand of a command path ("" is opik itself).
function __opik_subcommands --argument-names cmdpath
    # Under help, operands name commands.
    set cmdpath (string replace -r '^help ?' '' -- $cmdpath)
    switch "$cmdpath"
        case ''
            printf '%s\t%s\n' 'spans' 'List, inspect, create, update, delete, score and comment on spans'
            printf '%s\t%s\n' 'traces' 'List, inspect, create, update, delete, score and comment on traces'
            printf '%s\t%s\n' 'config' 'Show or change the configuration'
            printf '%s\t%s\n' 'completion' 'Print the shell completion script'
            printf '%s\t%s\n' 'help' 'Help on a command or a topic'
        case 'spans'
            printf '%s\t%s\n' 'list' 'List spans of a project'
            printf '%s\t%s\n' 'get' 'Show spans by id'
            printf '%s\t%s\n' 'create' 'Create spans from flags or a file'
            printf '%s\t%s\n' 'update' 'Change fields of spans'
            printf '%s\t%s\n' 'delete' 'Delete spans (by deleting their traces)'
            printf '%s\t%s\n' 'score' 'Add, upload and delete feedback scores; list score names'
            printf '%s\t%s\n' 'comment' 'Add, list, show, change and delete comments'
            printf '%s\t%s\n' 'stats' 'Statistics of the selected spans'
        case 'spans score'
            printf '%s\t%s\n' 'add' 'Add or replace feedback scores on a span'
            printf '%s\t%s\n' 'upload' 'Upload feedback scores in bulk from NDJSON, JSON or CSV'
            printf '%s\t%s\n' 'delete' 'Remove feedback scores from a span'
            printf '%s\t%s\n' 'names' 'List the score names used in a project'
        case 'spans comment'
            printf '%s\t%s\n' 'add' 'Add a comment to a span'
            printf '%s\t%s\n' 'list' 'List the comments of a span'
            printf '%s\t%s\n' 'get' 'Show one comment'
            printf '%s\t%s\n' 'update' 'Change the text of a comment'
            printf '%s\t%s\n' 'delete' 'Delete comments'
        case 'traces'
            printf '%s\t%s\n' 'list' 'List traces of a project'
            printf '%s\t%s\n' 'get' 'Show traces by id'
            printf '%s\t%s\n' 'create' 'Create traces from flags or a file'
            printf '%s\t%s\n' 'update' 'Change fields of traces'
            printf '%s\t%s\n' 'delete' 'Delete traces with all their spans, scores and comments'
            printf '%s\t%s\n' 'score' 'Add, upload and delete feedback scores; list score names'
            printf '%s\t%s\n' 'comment' 'Add, list, show, change and delete comments'
            printf '%s\t%s\n' 'stats' 'Statistics of the selected traces'
        case 'traces score'
            printf '%s\t%s\n' 'add' 'Add or replace feedback scores on a trace'
            printf '%s\t%s\n' 'upload' 'Upload feedback scores in bulk from NDJSON, JSON or CSV'
            printf '%s\t%s\n' 'delete' 'Remove feedback scores from a trace'
            printf '%s\t%s\n' 'names' 'List the score names used in a project'
        case 'traces comment'
            printf '%s\t%s\n' 'add' 'Add a comment to a trace'
            printf '%s\t%s\n' 'list' 'List the comments of a trace'
            printf '%s\t%s\n' 'get' 'Show one comment'
            printf '%s\t%s\n' 'update' 'Change the text of a comment'
            printf '%s\t%s\n' 'delete' 'Delete comments'
        case 'config'
            printf '%s\t%s\n' 'show' 'Print every setting, its value and where it came from'
            printf '%s\t%s\n' 'set' 'Write a setting to the config file'
    end
end

# Succeeds when option $argv[2] takes a value at command path $argv[1].
function __opik_takes_value --argument-names cmdpath option
    switch "$cmdpath"
        case 'spans list'
            contains -- $option --project-id --trace-id --type -f --filter --search --since --until --sort -n --limit --page --after; and return 0
        case 'spans create'
            contains -- $option --name --type --trace-id --parent-span-id --start-time --end-time --input --output --metadata --tags --model --provider --usage --cost --environment --error-type --error-message --file --parallel --failed; and return 0
        case 'spans update'
            contains -- $option --name --type --end-time --input --output --metadata --tags --add-tag --remove-tag --model --provider --usage --cost --environment --trace-id --parent-span-id; and return 0
        case 'spans delete'
            contains -- $option --project-id; and return 0
        case 'spans score add'
            contains -- $option --reason --category --source; and return 0
        case 'spans score upload'
            contains -- $option --input-format --parallel --failed; and return 0
        case 'spans score delete'
            contains -- $option --author; and return 0
        case 'spans score names'
            contains -- $option --project-id --type; and return 0
        case 'spans stats'
            contains -- $option --project-id --trace-id --type -f --filter --search --since --until; and return 0
        case 'traces list'
            contains -- $option --project-id --thread -f --filter --search --since --until --sort -n --limit --page --after; and return 0
        case 'traces create'
            contains -- $option --name --start-time --end-time --input --output --metadata --tags --thread-id --environment --error-type --error-message --file --parallel --failed; and return 0
        case 'traces update'
            contains -- $option --name --end-time --input --output --metadata --tags --add-tag --remove-tag --thread-id --environment; and return 0
        case 'traces delete'
            contains -- $option -f --filter --project-id; and return 0
        case 'traces score add'
            contains -- $option --reason --category --source; and return 0
        case 'traces score upload'
            contains -- $option --input-format --parallel --failed; and return 0
        case 'traces score delete'
            contains -- $option --author; and return 0
        case 'traces score names'
            contains -- $option --project-id; and return 0
        case 'traces stats'
            contains -- $option --project-id --thread -f --filter --search --since --until; and return 0
    end
    contains -- $option --url --workspace -p --project --config --format --fields --timeout --retries --cacert
end

# Prints the number of operands typed after the command, then the command path.
# Options that take a value consume the next word.
function __opik_state
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
                    __opik_takes_value "$cmdpath" $token; and set skip 1
                case '-?*'
                    # In a cluster like -qp, the first letter that takes a value
                    # takes the rest of the word, or the next word when it is last.
                    set -l letters (string split '' -- (string sub -s 2 -- $token))
                    for k in (seq (count $letters))
                        if __opik_takes_value "$cmdpath" -$letters[$k]
                            test $k -eq (count $letters); and set skip 1
                            break
                        end
                    end
                case '*'
                    set -l names (__opik_subcommands "$cmdpath" | string replace -r '\t.*' '')
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
function __opik_at --argument-names want position
    set -l state (__opik_state)
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
function __opik_projects
    set -l typed (string replace -r -- '^--?[^=]*=' '' (commandline -ct))
    command opik __complete projects "$typed" 2>/dev/null
end

# --sort values: the fields of the entity named first, or after FIELD: the field
# with each direction.
function __opik_sort_fields
    set -l typed (string replace -r -- '^--?[^=]*=' '' (commandline -ct))
    if string match -q -- '*:*' $typed
        set -l field (string replace -r -- ':.*' '' $typed)
        printf '%s\n' $field:asc $field:desc
    else
        switch $argv[1]
            case spans
                printf '%s\n' id name type trace_id parent_span_id input output metadata start_time end_time duration ttft tags created_at last_updated_at model provider total_estimated_cost error_info created_by environment usage.total_tokens usage.prompt_tokens usage.completion_tokens
            case traces
                printf '%s\n' id name input output start_time end_time duration ttft metadata thread_id span_count llm_span_count total_estimated_cost tags error_info created_by environment usage.total_tokens usage.prompt_tokens usage.completion_tokens
        end
    end
end

function __opik_in_help
    set -l state (__opik_state)
    test $state[1] -eq 0; and string match -q -r '^help( |$)' -- "$state[2]"
end

# Commands below the path typed after help; topics too right after help.
function __opik_help_targets
    set -l state (__opik_state)
    __opik_subcommands "$state[2]"
    test "$state[2]" = help; or return 0
    printf '%s\t%s\n' 'environment' 'Environment variables opik reads'
    printf '%s\t%s\n' 'filters' 'The filter language of --filter: fields, operators, examples'
    printf '%s\t%s\n' 'formats' 'Output formats of --format and the --fields selection'
    printf '%s\t%s\n' 'exit-codes' 'What each exit status means'
end

# Files only where a value or operand is a file.
complete -c opik -f

# opik
complete -c opik -n '__opik_at "" 0' -a 'spans' -d 'List, inspect, create, update, delete, score and comment on spans'
complete -c opik -n '__opik_at "" 0' -a 'traces' -d 'List, inspect, create, update, delete, score and comment on traces'
complete -c opik -n '__opik_at "" 0' -a 'config' -d 'Show or change the configuration'
complete -c opik -n '__opik_at "" 0' -a 'completion' -d 'Print the shell completion script'
complete -c opik -n '__opik_at "" 0' -a 'help' -d 'Help on a command or a topic'

# opik spans
complete -c opik -n '__opik_at "spans" 0' -a 'list' -d 'List spans of a project'
complete -c opik -n '__opik_at "spans" 0' -a 'get' -d 'Show spans by id'
complete -c opik -n '__opik_at "spans" 0' -a 'create' -d 'Create spans from flags or a file'
complete -c opik -n '__opik_at "spans" 0' -a 'update' -d 'Change fields of spans'
complete -c opik -n '__opik_at "spans" 0' -a 'delete' -d 'Delete spans (by deleting their traces)'
complete -c opik -n '__opik_at "spans" 0' -a 'score' -d 'Add, upload and delete feedback scores; list score names'
complete -c opik -n '__opik_at "spans" 0' -a 'comment' -d 'Add, list, show, change and delete comments'
complete -c opik -n '__opik_at "spans" 0' -a 'stats' -d 'Statistics of the selected spans'

# opik spans score
complete -c opik -n '__opik_at "spans score" 0' -a 'add' -d 'Add or replace feedback scores on a span'
complete -c opik -n '__opik_at "spans score" 0' -a 'upload' -d 'Upload feedback scores in bulk from NDJSON, JSON or CSV'
complete -c opik -n '__opik_at "spans score" 0' -a 'delete' -d 'Remove feedback scores from a span'
complete -c opik -n '__opik_at "spans score" 0' -a 'names' -d 'List the score names used in a project'

# opik spans comment
complete -c opik -n '__opik_at "spans comment" 0' -a 'add' -d 'Add a comment to a span'
complete -c opik -n '__opik_at "spans comment" 0' -a 'list' -d 'List the comments of a span'
complete -c opik -n '__opik_at "spans comment" 0' -a 'get' -d 'Show one comment'
complete -c opik -n '__opik_at "spans comment" 0' -a 'update' -d 'Change the text of a comment'
complete -c opik -n '__opik_at "spans comment" 0' -a 'delete' -d 'Delete comments'

# opik traces
complete -c opik -n '__opik_at "traces" 0' -a 'list' -d 'List traces of a project'
complete -c opik -n '__opik_at "traces" 0' -a 'get' -d 'Show traces by id'
complete -c opik -n '__opik_at "traces" 0' -a 'create' -d 'Create traces from flags or a file'
complete -c opik -n '__opik_at "traces" 0' -a 'update' -d 'Change fields of traces'
complete -c opik -n '__opik_at "traces" 0' -a 'delete' -d 'Delete traces with all their spans, scores and comments'
complete -c opik -n '__opik_at "traces" 0' -a 'score' -d 'Add, upload and delete feedback scores; list score names'
complete -c opik -n '__opik_at "traces" 0' -a 'comment' -d 'Add, list, show, change and delete comments'
complete -c opik -n '__opik_at "traces" 0' -a 'stats' -d 'Statistics of the selected traces'

# opik traces score
complete -c opik -n '__opik_at "traces score" 0' -a 'add' -d 'Add or replace feedback scores on a trace'
complete -c opik -n '__opik_at "traces score" 0' -a 'upload' -d 'Upload feedback scores in bulk from NDJSON, JSON or CSV'
complete -c opik -n '__opik_at "traces score" 0' -a 'delete' -d 'Remove feedback scores from a trace'
complete -c opik -n '__opik_at "traces score" 0' -a 'names' -d 'List the score names used in a project'

# opik traces comment
complete -c opik -n '__opik_at "traces comment" 0' -a 'add' -d 'Add a comment to a trace'
complete -c opik -n '__opik_at "traces comment" 0' -a 'list' -d 'List the comments of a trace'
complete -c opik -n '__opik_at "traces comment" 0' -a 'get' -d 'Show one comment'
complete -c opik -n '__opik_at "traces comment" 0' -a 'update' -d 'Change the text of a comment'
complete -c opik -n '__opik_at "traces comment" 0' -a 'delete' -d 'Delete comments'

# opik config
complete -c opik -n '__opik_at "config" 0' -a 'show' -d 'Print every setting, its value and where it came from'
complete -c opik -n '__opik_at "config" 0' -a 'set' -d 'Write a setting to the config file'

# Global options
complete -c opik -l url -x -d 'Base URL of the Opik API: http://HOST:5173/api behind the frontend of a full install, http://HOST:8080 for the backend alone; a 404 that is not Opik\'s means a wrong URL (status 5).'
complete -c opik -l workspace -x -d 'Workspace name (default "default").'
complete -c opik -s p -l project -x -a '(__opik_projects)' -d 'Project name (default "Default Project").'
complete -c opik -l config -r -F -d 'Config file to read (default ~/.opik.config).'
complete -c opik -l format -x -a 'table json ndjson csv' -d 'Output format. [table|json|ndjson|csv]'
complete -c opik -l fields -x -d 'Comma-separated fields to show; dotted paths reach into objects, feedback_scores.NAME is a score\'s value.'
complete -c opik -l timeout -x -d 'Time limit of each request (default 60).'
complete -c opik -l retries -x -d 'Retries of a failed request that is safe to repeat (default 4).'
complete -c opik -l cacert -r -F -d 'CA certificates to trust instead of the system\'s.'
complete -c opik -l insecure -d 'Do not verify TLS certificates (prints a warning).'
complete -c opik -s v -l verbose -d 'Log each HTTP exchange on stderr (the API key is masked).'
complete -c opik -s q -l quiet -d 'No progress, notices or summaries on stderr.'
complete -c opik -l no-color -d 'No colour in output (also NO_COLOR).'
complete -c opik -s h -l help -d 'Show help for the command.'
complete -c opik -l version -d 'Print the version of opik and libcurl.'

# opik spans list
complete -c opik -n '__opik_at "spans list"' -l project-id -x -d 'Project by id instead of name.'
complete -c opik -n '__opik_at "spans list"' -l trace-id -x -d 'Only spans of this trace.'
complete -c opik -n '__opik_at "spans list"' -l type -x -a 'general tool llm guardrail' -d 'Only spans of this type. [general|tool|llm|guardrail]'
complete -c opik -n '__opik_at "spans list"' -s f -l filter -x -d 'Filter in the Opik query language, e.g. \'name contains "retriev"\'; repeatable, all must hold. See \'opik help filters\'.'
complete -c opik -n '__opik_at "spans list"' -l search -x -d 'Free-text search over id, name, input, output, metadata, tags, model (server-side).'
complete -c opik -n '__opik_at "spans list"' -l since -x -d 'Spans that started at or after WHEN: RFC 3339, or relative (30s, 15m, 24h, 7d).'
complete -c opik -n '__opik_at "spans list"' -l until -x -d 'Spans that started at or before WHEN: RFC 3339, or relative.'
complete -c opik -n '__opik_at "spans list"' -l sort -x -a '(__opik_sort_fields spans)' -d 'Server-side order, e.g. start_time:desc, duration, feedback_scores.accuracy:desc.'
complete -c opik -n '__opik_at "spans list"' -s n -l limit -x -d 'How many spans (default 50).'
complete -c opik -n '__opik_at "spans list"' -l all -d 'Every matching span, streamed.'
complete -c opik -n '__opik_at "spans list"' -l page -x -d 'One page of --limit spans; the table footer shows the page count and total.'
complete -c opik -n '__opik_at "spans list"' -l truncate -d 'Let the server shorten large input and output (they may then arrive as strings).'
complete -c opik -n '__opik_at "spans list"' -l after -x -d 'Continue after this span id (exclusive): resumes an interrupted --all export.'
complete -c opik -n '__opik_at "spans list"' -l no-header -d 'With --format csv, leave out the header row: the command that resumes a CSV export adds it.'
complete -c opik -n '__opik_at "spans list"' -l follow -d 'After the current matches, keep printing new spans as they arrive, until Ctrl-C.'
complete -c opik -n '__opik_at "spans list"' -l explain -d 'Print the request that would be sent, and send nothing.'

# opik spans create
complete -c opik -n '__opik_at "spans create"' -l name -x -d 'Span name.'
complete -c opik -n '__opik_at "spans create"' -l type -x -a 'general tool llm guardrail' -d 'Span type (default general). [general|tool|llm|guardrail]'
complete -c opik -n '__opik_at "spans create"' -l trace-id -x -d 'Trace the span belongs to (a new one is made, created and reported when absent).'
complete -c opik -n '__opik_at "spans create"' -l parent-span-id -x -d 'Parent span.'
complete -c opik -n '__opik_at "spans create"' -l start-time -x -d 'Start: RFC 3339, or relative such as 5m (default now).'
complete -c opik -n '__opik_at "spans create"' -l end-time -x -d 'End: RFC 3339, or relative.'
complete -c opik -n '__opik_at "spans create"' -l input -r -F -d 'Input: JSON text, @FILE, or - for standard input.'
complete -c opik -n '__opik_at "spans create"' -l output -r -F -d 'Output: JSON text, @FILE, or - for standard input.'
complete -c opik -n '__opik_at "spans create"' -l metadata -r -F -d 'Metadata: JSON text, @FILE, or - for standard input.'
complete -c opik -n '__opik_at "spans create"' -l tags -x -d 'Comma-separated tags.'
complete -c opik -n '__opik_at "spans create"' -l model -x -d 'Model name, e.g. gpt-4o.'
complete -c opik -n '__opik_at "spans create"' -l provider -x -d 'Model provider, e.g. openai.'
complete -c opik -n '__opik_at "spans create"' -l usage -x -d 'Token counts, e.g. prompt_tokens=10,completion_tokens=5.'
complete -c opik -n '__opik_at "spans create"' -l cost -x -d 'Total estimated cost in USD (kept exactly as written).'
complete -c opik -n '__opik_at "spans create"' -l environment -x -d 'Environment, e.g. production.'
complete -c opik -n '__opik_at "spans create"' -l error-type -x -d 'Exception type of an error the span ended with.'
complete -c opik -n '__opik_at "spans create"' -l error-message -x -d 'Message of the error the span ended with.'
complete -c opik -n '__opik_at "spans create"' -l file -r -F -d 'Create the spans of a JSON array or NDJSON file (- for standard input).'
complete -c opik -n '__opik_at "spans create"' -l parallel -x -d 'Batches in flight at once, 1 to 16 (default 4).'
complete -c opik -n '__opik_at "spans create"' -l failed -r -F -d 'Write the records the server did not accept to FILE, ready to send again (emptied before the first request; empty when all were accepted; printed on stderr if FILE cannot be written).'
complete -c opik -n '__opik_at "spans create"' -l dry-run -d 'Check every record and show the batches that would be sent; send nothing.'

# opik spans update
complete -c opik -n '__opik_at "spans update"' -l name -x -d 'New name.'
complete -c opik -n '__opik_at "spans update"' -l type -x -a 'general tool llm guardrail' -d 'New type. [general|tool|llm|guardrail]'
complete -c opik -n '__opik_at "spans update"' -l end-time -x -d 'New end time: RFC 3339, or a duration meaning that long ago (30s, 15m).'
complete -c opik -n '__opik_at "spans update"' -l input -r -F -d 'New input, replaced as a whole: JSON text, @FILE, or - for standard input.'
complete -c opik -n '__opik_at "spans update"' -l output -r -F -d 'New output, replaced as a whole: JSON text, @FILE, or - for standard input.'
complete -c opik -n '__opik_at "spans update"' -l metadata -r -F -d 'New metadata, replaced as a whole: JSON text, @FILE, or - for standard input.'
complete -c opik -n '__opik_at "spans update"' -l tags -x -d 'Replace the tags with this comma-separated list.'
complete -c opik -n '__opik_at "spans update"' -l add-tag -x -d 'Add a tag. (repeatable)'
complete -c opik -n '__opik_at "spans update"' -l remove-tag -x -d 'Remove a tag. (repeatable)'
complete -c opik -n '__opik_at "spans update"' -l model -x -d 'New model name.'
complete -c opik -n '__opik_at "spans update"' -l provider -x -d 'New provider name.'
complete -c opik -n '__opik_at "spans update"' -l usage -x -d 'New token usage, e.g. prompt_tokens=10,completion_tokens=5.'
complete -c opik -n '__opik_at "spans update"' -l cost -x -d 'New total estimated cost in USD (at least 0).'
complete -c opik -n '__opik_at "spans update"' -l environment -x -d 'New environment (at most 150 characters).'
complete -c opik -n '__opik_at "spans update"' -l trace-id -x -d 'The span\'s trace (looked up when not given).'
complete -c opik -n '__opik_at "spans update"' -l parent-span-id -x -d 'The span\'s parent, or none for a root span (looked up when not given).'
complete -c opik -n '__opik_at "spans update"' -l dry-run -d 'Do every check and lookup, print the requests that would be sent (method, URL, body), and send nothing.'

# opik spans delete
complete -c opik -n '__opik_at "spans delete"' -l trace -d 'The ids are trace ids: delete those traces with all their spans (as \'opik traces delete\').'
complete -c opik -n '__opik_at "spans delete"' -s y -l yes -d 'Delete without asking (required when standard input is not a terminal).'
complete -c opik -n '__opik_at "spans delete"' -l project-id -x -d 'Project by id instead of name.'
complete -c opik -n '__opik_at "spans delete"' -l dry-run -d 'Do every check and lookup, print the requests that would be sent (method, URL, body), and send nothing.'

# opik spans score add
complete -c opik -n '__opik_at "spans score add"' -l reason -x -d 'Why the scores were given.'
complete -c opik -n '__opik_at "spans score add"' -l category -x -d 'Category name of the scores.'
complete -c opik -n '__opik_at "spans score add"' -l source -x -a 'ui sdk online_scoring' -d 'Who scored (default sdk). [ui|sdk|online_scoring]'
complete -c opik -n '__opik_at "spans score add"' -l dry-run -d 'Do every check and lookup, print the requests that would be sent (method, URL, body), and send nothing.'

# opik spans score upload
complete -c opik -n '__opik_at "spans score upload"' -l input-format -x -a 'json csv' -d 'Format of the input (default: csv for a .csv file, json otherwise). [json|csv]'
complete -c opik -n '__opik_at "spans score upload"' -l no-check -d 'Send without looking up each span first: unknown span ids and scores under another project than the span\'s are then accepted by the server and never show.'
complete -c opik -n '__opik_at "spans score upload"' -l parallel -x -d 'Batches in flight at once, 1 to 16 (default 4).'
complete -c opik -n '__opik_at "spans score upload"' -l failed -r -F -d 'Write the records the server did not accept to FILE, ready to send again (emptied before the first request; empty when all were accepted; printed on stderr if FILE cannot be written).'
complete -c opik -n '__opik_at "spans score upload"' -l dry-run -d 'Check every record and show the batches that would be sent; send nothing.'
complete -c opik -n '__opik_at "spans score upload" 0' -F -d 'FILE'

# opik spans score delete
complete -c opik -n '__opik_at "spans score delete"' -l author -x -d 'Remove only this author\'s value.'
complete -c opik -n '__opik_at "spans score delete"' -l dry-run -d 'Do every check and lookup, print the requests that would be sent (method, URL, body), and send nothing.'

# opik spans score names
complete -c opik -n '__opik_at "spans score names"' -l project-id -x -d 'Project by id instead of name.'
complete -c opik -n '__opik_at "spans score names"' -l type -x -a 'general tool llm guardrail' -d 'Only names used on spans of this type. [general|tool|llm|guardrail]'

# opik spans comment add
complete -c opik -n '__opik_at "spans comment add"' -l dry-run -d 'Do every check and lookup, print the requests that would be sent (method, URL, body), and send nothing.'

# opik spans comment update
complete -c opik -n '__opik_at "spans comment update"' -l dry-run -d 'Do every check and lookup, print the requests that would be sent (method, URL, body), and send nothing.'

# opik spans comment delete
complete -c opik -n '__opik_at "spans comment delete"' -l dry-run -d 'Do every check and lookup, print the requests that would be sent (method, URL, body), and send nothing.'

# opik spans stats
complete -c opik -n '__opik_at "spans stats"' -l project-id -x -d 'Project by id instead of name.'
complete -c opik -n '__opik_at "spans stats"' -l trace-id -x -d 'Only spans of this trace.'
complete -c opik -n '__opik_at "spans stats"' -l type -x -a 'general tool llm guardrail' -d 'Only spans of this type. [general|tool|llm|guardrail]'
complete -c opik -n '__opik_at "spans stats"' -s f -l filter -x -d 'Filter in the Opik query language, e.g. \'name contains "retriev"\'; repeatable, all must hold. See \'opik help filters\'.'
complete -c opik -n '__opik_at "spans stats"' -l search -x -d 'Free-text search over id, name, input, output, metadata, tags, model (server-side).'
complete -c opik -n '__opik_at "spans stats"' -l since -x -d 'Spans that started at or after WHEN: RFC 3339, or relative (30s, 15m, 24h, 7d).'
complete -c opik -n '__opik_at "spans stats"' -l until -x -d 'Spans that started at or before WHEN: RFC 3339, or relative.'
complete -c opik -n '__opik_at "spans stats"' -l explain -d 'Print the request that would be sent, and send nothing.'

# opik traces list
complete -c opik -n '__opik_at "traces list"' -l project-id -x -d 'Project by id instead of name.'
complete -c opik -n '__opik_at "traces list"' -l thread -x -d 'Only traces of this thread (a thread_id = ID filter).'
complete -c opik -n '__opik_at "traces list"' -l include-hidden -d 'Also traces the server made for its own evaluators (visibility_mode hidden), which the Opik UI leaves out.'
complete -c opik -n '__opik_at "traces list"' -s f -l filter -x -d 'Filter in the Opik query language, e.g. \'name contains "retriev"\'; repeatable, all must hold. See \'opik help filters\'.'
complete -c opik -n '__opik_at "traces list"' -l search -x -d 'Free-text search over id, name, input, output, metadata, error, tags, thread id (server-side).'
complete -c opik -n '__opik_at "traces list"' -l since -x -d 'Traces that started at or after WHEN: RFC 3339, or relative (30s, 15m, 24h, 7d).'
complete -c opik -n '__opik_at "traces list"' -l until -x -d 'Traces that started at or before WHEN: RFC 3339, or relative.'
complete -c opik -n '__opik_at "traces list"' -l sort -x -a '(__opik_sort_fields traces)' -d 'Server-side order, e.g. start_time:desc, duration, feedback_scores.accuracy:desc.'
complete -c opik -n '__opik_at "traces list"' -s n -l limit -x -d 'How many traces (default 50).'
complete -c opik -n '__opik_at "traces list"' -l all -d 'Every matching trace, streamed.'
complete -c opik -n '__opik_at "traces list"' -l page -x -d 'One page of --limit traces; the table footer shows the page count and total.'
complete -c opik -n '__opik_at "traces list"' -l truncate -d 'Let the server shorten large input and output (they may then arrive as strings).'
complete -c opik -n '__opik_at "traces list"' -l after -x -d 'Continue after this trace id (exclusive): resumes an interrupted --all export.'
complete -c opik -n '__opik_at "traces list"' -l no-header -d 'With --format csv, leave out the header row: the command that resumes a CSV export adds it.'
complete -c opik -n '__opik_at "traces list"' -l follow -d 'After the current matches, keep printing new traces as they arrive, until Ctrl-C.'
complete -c opik -n '__opik_at "traces list"' -l explain -d 'Print the request that would be sent, and send nothing.'

# opik traces get
complete -c opik -n '__opik_at "traces get"' -l spans -d 'With --format json or ndjson, print each trace with every span of it: {"trace": ..., "spans": [...]}.'

# opik traces create
complete -c opik -n '__opik_at "traces create"' -l name -x -d 'Trace name.'
complete -c opik -n '__opik_at "traces create"' -l start-time -x -d 'Start: RFC 3339, or relative such as 5m (default now).'
complete -c opik -n '__opik_at "traces create"' -l end-time -x -d 'End: RFC 3339, or relative.'
complete -c opik -n '__opik_at "traces create"' -l input -r -F -d 'Input: JSON text, @FILE, or - for standard input.'
complete -c opik -n '__opik_at "traces create"' -l output -r -F -d 'Output: JSON text, @FILE, or - for standard input.'
complete -c opik -n '__opik_at "traces create"' -l metadata -r -F -d 'Metadata: JSON text, @FILE, or - for standard input.'
complete -c opik -n '__opik_at "traces create"' -l tags -x -d 'Comma-separated tags.'
complete -c opik -n '__opik_at "traces create"' -l thread-id -x -d 'Thread (conversation) the trace belongs to.'
complete -c opik -n '__opik_at "traces create"' -l environment -x -d 'Environment, e.g. production.'
complete -c opik -n '__opik_at "traces create"' -l error-type -x -d 'Exception type of an error the trace ended with.'
complete -c opik -n '__opik_at "traces create"' -l error-message -x -d 'Message of the error the trace ended with.'
complete -c opik -n '__opik_at "traces create"' -l file -r -F -d 'Create the traces of a JSON array or NDJSON file (- for standard input).'
complete -c opik -n '__opik_at "traces create"' -l parallel -x -d 'Batches in flight at once, 1 to 16 (default 4).'
complete -c opik -n '__opik_at "traces create"' -l failed -r -F -d 'Write the records the server did not accept to FILE, ready to send again (emptied before the first request; empty when all were accepted; printed on stderr if FILE cannot be written).'
complete -c opik -n '__opik_at "traces create"' -l dry-run -d 'Check every record and show the batches that would be sent; send nothing.'

# opik traces update
complete -c opik -n '__opik_at "traces update"' -l name -x -d 'New name.'
complete -c opik -n '__opik_at "traces update"' -l end-time -x -d 'New end time: RFC 3339, or a duration meaning that long ago (30s, 15m).'
complete -c opik -n '__opik_at "traces update"' -l input -r -F -d 'New input, replaced as a whole: JSON text, @FILE, or - for standard input.'
complete -c opik -n '__opik_at "traces update"' -l output -r -F -d 'New output, replaced as a whole: JSON text, @FILE, or - for standard input.'
complete -c opik -n '__opik_at "traces update"' -l metadata -r -F -d 'New metadata, replaced as a whole: JSON text, @FILE, or - for standard input.'
complete -c opik -n '__opik_at "traces update"' -l tags -x -d 'Replace the tags with this comma-separated list.'
complete -c opik -n '__opik_at "traces update"' -l add-tag -x -d 'Add a tag. (repeatable)'
complete -c opik -n '__opik_at "traces update"' -l remove-tag -x -d 'Remove a tag. (repeatable)'
complete -c opik -n '__opik_at "traces update"' -l thread-id -x -d 'New thread (conversation) id.'
complete -c opik -n '__opik_at "traces update"' -l environment -x -d 'New environment (at most 150 characters).'
complete -c opik -n '__opik_at "traces update"' -l dry-run -d 'Do every check and lookup, print the requests that would be sent (method, URL, body), and send nothing.'

# opik traces delete
complete -c opik -n '__opik_at "traces delete"' -s f -l filter -x -d 'Delete the traces of the project that match EXPR instead of given ids; repeatable, all must hold. See \'opik help filters\'.'
complete -c opik -n '__opik_at "traces delete"' -s y -l yes -d 'Delete without asking (required when standard input is not a terminal).'
complete -c opik -n '__opik_at "traces delete"' -l project-id -x -d 'Project by id instead of name.'
complete -c opik -n '__opik_at "traces delete"' -l dry-run -d 'Do every check and lookup, print the requests that would be sent (method, URL, body), and send nothing.'

# opik traces score add
complete -c opik -n '__opik_at "traces score add"' -l reason -x -d 'Why the scores were given.'
complete -c opik -n '__opik_at "traces score add"' -l category -x -d 'Category name of the scores.'
complete -c opik -n '__opik_at "traces score add"' -l source -x -a 'ui sdk online_scoring' -d 'Who scored (default sdk). [ui|sdk|online_scoring]'
complete -c opik -n '__opik_at "traces score add"' -l dry-run -d 'Do every check and lookup, print the requests that would be sent (method, URL, body), and send nothing.'

# opik traces score upload
complete -c opik -n '__opik_at "traces score upload"' -l input-format -x -a 'json csv' -d 'Format of the input (default: csv for a .csv file, json otherwise). [json|csv]'
complete -c opik -n '__opik_at "traces score upload"' -l no-check -d 'Send without looking up each trace first: unknown trace ids and scores under another project than the trace\'s are then accepted by the server and never show.'
complete -c opik -n '__opik_at "traces score upload"' -l parallel -x -d 'Batches in flight at once, 1 to 16 (default 4).'
complete -c opik -n '__opik_at "traces score upload"' -l failed -r -F -d 'Write the records the server did not accept to FILE, ready to send again (emptied before the first request; empty when all were accepted; printed on stderr if FILE cannot be written).'
complete -c opik -n '__opik_at "traces score upload"' -l dry-run -d 'Check every record and show the batches that would be sent; send nothing.'
complete -c opik -n '__opik_at "traces score upload" 0' -F -d 'FILE'

# opik traces score delete
complete -c opik -n '__opik_at "traces score delete"' -l author -x -d 'Remove only this author\'s value.'
complete -c opik -n '__opik_at "traces score delete"' -l dry-run -d 'Do every check and lookup, print the requests that would be sent (method, URL, body), and send nothing.'

# opik traces score names
complete -c opik -n '__opik_at "traces score names"' -l project-id -x -d 'Project by id instead of name.'

# opik traces comment add
complete -c opik -n '__opik_at "traces comment add"' -l dry-run -d 'Do every check and lookup, print the requests that would be sent (method, URL, body), and send nothing.'

# opik traces comment update
complete -c opik -n '__opik_at "traces comment update"' -l dry-run -d 'Do every check and lookup, print the requests that would be sent (method, URL, body), and send nothing.'

# opik traces comment delete
complete -c opik -n '__opik_at "traces comment delete"' -l dry-run -d 'Do every check and lookup, print the requests that would be sent (method, URL, body), and send nothing.'

# opik traces stats
complete -c opik -n '__opik_at "traces stats"' -l project-id -x -d 'Project by id instead of name.'
complete -c opik -n '__opik_at "traces stats"' -l thread -x -d 'Only traces of this thread (a thread_id = ID filter).'
complete -c opik -n '__opik_at "traces stats"' -l include-hidden -d 'Also traces the server made for its own evaluators (visibility_mode hidden), which the Opik UI leaves out.'
complete -c opik -n '__opik_at "traces stats"' -s f -l filter -x -d 'Filter in the Opik query language, e.g. \'name contains "retriev"\'; repeatable, all must hold. See \'opik help filters\'.'
complete -c opik -n '__opik_at "traces stats"' -l search -x -d 'Free-text search over id, name, input, output, metadata, error, tags, thread id (server-side).'
complete -c opik -n '__opik_at "traces stats"' -l since -x -d 'Traces that started at or after WHEN: RFC 3339, or relative (30s, 15m, 24h, 7d).'
complete -c opik -n '__opik_at "traces stats"' -l until -x -d 'Traces that started at or before WHEN: RFC 3339, or relative.'
complete -c opik -n '__opik_at "traces stats"' -l explain -d 'Print the request that would be sent, and send nothing.'

# opik config set
complete -c opik -n '__opik_at "config set" 0' -a 'url_override api_key workspace project_name check_tls_certificate' -d 'KEY'

# opik completion
complete -c opik -n '__opik_at "completion" 0' -a 'bash zsh fish' -d 'SHELL'

# help TOPIC|COMMAND...
complete -c opik -n '__opik_in_help' -a '(__opik_help_targets)'
