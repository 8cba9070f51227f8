import OpikCore

/// The selection options only spans have.
private enum SpanSelection {
    static let traceId = RecordOptions.traceId.help("Only spans of this trace.")
    static let type = RecordOptions.type.help("Only spans of this type.")
}

extension EntityCommands {
    /// `opik spans`.
    static let spans = EntityCommands(
        entity: .span,
        summary: "List, inspect, create, update, delete, score and comment on spans",
        discussion: "A span is one step of a traced LLM application: an LLM call, a tool call, a retrieval.",
        selectionOptions: [SpanSelection.traceId, SpanSelection.type],
        narrow: { invocation, selection in
            if let id = invocation.value(SpanSelection.traceId) {
                try Selection.checkUUID(id, option: "--trace-id")
                selection.members.append(("trace_id", id))
            }
            if let type = invocation.value(SpanSelection.type) { selection.members.append(("type", type)) }
        },
        searchFields: "id, name, input, output, metadata, tags, model",
        scoreNamesAcrossProjects: false,
        ownsSpans: false,
        createsTraces: true,
        statistics: """
            span_count, duration percentiles, input/output/metadata counts, average tags, cost \
            average and sum, usage averages and sums, the average of each feedback score, error_count
            """,
        updateOptions: SpanIdentity.options,
        updateTargets: { invocation, ids, changes, session, context in
            try SpanIdentity.targets(invocation, ids: ids, changes: changes, session: session, context: context)
        },
        batchUpdateMembers: [],
        updateConflictHint: "the span's stored trace, parent or project differ from what was sent; leave out --trace-id, --parent-span-id and -p to look them up",
        discussions: [
            "create": """
            With flags, creates one span and prints its id. Its id is a UUIDv7 made from the \
            start time; without --trace-id a new trace is made too, reported on stderr and \
            created first (POST /traces, with the span's project, name, times, input and \
            output; a 409 there means an earlier attempt created it). The span goes through \
            the batch endpoint with a fixed id and last_updated_at, so a request retried after \
            a lost answer cannot create it twice.

            With --file, reads a JSON array or NDJSON of span objects in the API's field names \
            (FILE - reads standard input). Every record is checked before the first request: \
            JSON syntax, UUIDs (id must be version 7), start_time present and RFC 3339, type, \
            source, cost and ttft at least 0, usage whole numbers, tags strings, environment \
            of at most 150 characters, no id given twice (the server would keep one). An \
            error names the file, line and field (for a syntax error, the line its record \
            starts on); the exit status is then \(ExitStatus.usage.code) and nothing is sent. A record without id \
            gets a UUIDv7 derived from its start time, content and project, the same on \
            every run, and likewise a trace_id, whose trace is created before the spans (one \
            trace per such span, with its project, name, times, input and output) unless it \
            exists already (each is looked up first, so a rerun overwrites no trace; if one \
            is refused no span is sent); a span that names its trace_id never creates or \
            changes a trace; \
            project_name defaults to --project, and last_updated_at to the time of the run. \
            Running the same command again after an interruption or a failure therefore never \
            duplicates a span. A record may hold at most 20 MiB, on standard input too, \
            which may hold at most 1 GiB in all (larger inputs: pass a file). Spans go out in batches of at most 1000 spans and 16 MiB, \
            --parallel batches at a time. stdout gets the id of every accepted span in input \
            order (json and ndjson: {"id", "trace_id"} objects); on a terminal stderr shows \
            progress, and at the end a one-line summary unless -q. If some batches fail for \
            good the exit status is \(ExitStatus.partialFailure.code), and --failed FILE receives exactly the records that \
            were not accepted, as NDJSON with their ids, ready to send again.
            """,
            "update": """
            Changes the given fields and leaves the others as they are; --input, --output and \
            --metadata replace those values as a whole. --tags replaces the tags, --add-tag and \
            --remove-tag edit them.

            The server demands the span's trace, parent span and project on every update and \
            refuses the update (409) when they differ from what it stored. opik looks each span \
            up to learn them (GET /spans/ID). With one id, --trace-id and --parent-span-id \
            (none for a root span) skip the lookup and the project is taken from -p; the server \
            then also accepts an id it does not know yet and keeps the fields for a span created \
            later with that id. Otherwise identity flags that are given must match the stored \
            span, or nothing is sent.

            Several ids go out as one batch request per 1000 ids. The batch endpoint checks \
            neither trace nor project and skips ids it does not know, so opik first looks up \
            every id: unknown ids are reported on stderr and left out (exit status \(ExitStatus.notFound.code)), and only \
            spans that exist are changed. --add-tag and --remove-tag go through the batch \
            request even for one id, because the single-span update of released servers ignores \
            them; so the span is then always looked up. Updating the same fields again gives the \
            same result, so failed requests are retried. Standard input may hold at most \
            1000000 ids.
            """,
        ],
        examples: [
            "create": [
                Example("opik spans create -p my-app --name retrieve --type tool --input '{\"query\": \"refund policy\"}'",
                        "One span in a new trace; prints its id."),
                Example("opik spans create --name answer --type llm --trace-id $TRACE --parent-span-id $PARENT --model gpt-4o --usage prompt_tokens=812,completion_tokens=64 --cost 0.0042 --start-time 2026-07-01T10:00:00Z --end-time 2026-07-01T10:00:01.5Z",
                        "An LLM call inside an existing trace."),
                Example("opik spans create -p my-app --file spans.ndjson --failed failed.ndjson", "Bulk upload; rejected records go to failed.ndjson."),
                Example("opik spans create --file spans.json --dry-run", "Check a file and show the batches without sending."),
            ],
            "update": [
                Example("opik spans update ID --name rerank --add-tag reviewed", "Rename a span and tag it."),
                Example("opik spans update ID --output @answer.json --usage prompt_tokens=812,completion_tokens=64",
                        "Replace the output and the token usage."),
                Example("opik spans list -p my-app -f 'name = \"retrieve\"' --fields id --all | opik spans update - --remove-tag draft",
                        "Remove a tag from every matching span, in batches."),
                Example("opik spans update ID --environment staging --dry-run", "Show the request without sending it."),
            ],
            "list": [
                Example("opik spans list -p my-app", "The latest 50 spans of my-app."),
                Example("opik spans list -p my-app --type llm -f 'usage.total_tokens > 1000' --since 24h",
                        "LLM spans of the last day that used over 1000 tokens."),
                Example("opik spans list -p my-app --all --format ndjson > spans.ndjson", "Export every span."),
                Example("opik spans list -p my-app --sort duration:desc -n 10 --fields id,name,duration", "The ten slowest spans."),
                Example("opik spans list -p my-app --format json | jq '.[] | select(.total_estimated_cost > 0.01) | .id'",
                        "Ids of expensive spans."),
            ],
            "get": [
                Example("opik spans get 0190b5d2-7c1e-7a3b-8f00-5b9a1c2d3e4f", "One span in detail."),
                Example("opik spans get ID --format json | jq .output", "The output of a span."),
                Example("opik spans list -p my-app --fields id -n 5 | opik spans get - --format ndjson", "Five spans in full."),
            ],
            "stats": [
                Example("opik spans stats -p my-app --since 24h", "Statistics of the last day."),
                Example("opik spans stats -p my-app --type llm --format json | jq .duration.p99", "p99 latency of LLM calls."),
            ],
            "score add": [
                Example("opik spans score add ID accuracy=0.92 relevance=1 --reason 'matches the reference'", "Score a span twice."),
                Example("opik spans score add ID hallucination=0 --category judge --dry-run", "Show the request without sending it."),
            ],
            "score delete": [
                Example("opik spans score delete ID accuracy relevance", "Remove two scores from a span."),
                Example("opik spans score delete ID accuracy --author alice", "Remove only alice's accuracy score."),
            ],
            "score names": [
                Example("opik spans score names -p my-app", "Score names used in my-app."),
                Example("opik spans score names -p my-app --type llm --format json", "Names used on LLM spans, as JSON."),
            ],
            "score upload": [
                Example("opik spans score upload -p my-app scores.csv", "Upload the scores of an evaluation run."),
                Example("jq -c '{id: .span_id, name: \"accuracy\", value: .score}' results.ndjson | opik spans score upload -p my-app -",
                        "Scores computed by a script, from standard input."),
                Example("opik spans score upload scores.csv --failed failed.csv", "Rows the server refused go to failed.csv."),
                Example("opik -q -p my-app spans score upload scores.csv --failed rejected.csv || { cat rejected.csv >&2; exit 1; }",
                        "In CI: fail the build when any row is invalid (status \(ExitStatus.usage.code), nothing sent) or rejected (status \(ExitStatus.partialFailure.code))."),
            ],
            "comment add": [
                Example("opik spans comment add ID 'retrieval missed the pricing page'", "Comment on a span."),
                Example("git log -1 --format=%B | opik spans comment add ID -", "Use text from another command."),
            ],
            "comment list": [
                Example("opik spans comment list ID", "Comments of a span."),
                Example("opik spans comment list ID --format json | jq -r '.[].text'", "Just the texts."),
            ],
            "comment get": [
                Example("opik spans comment get SPAN_ID COMMENT_ID", "Show a comment."),
                Example("opik spans comment get SPAN_ID COMMENT_ID --format json | jq -r .text", "Just its text."),
            ],
            "comment update": [Example("opik spans comment update COMMENT_ID 'fixed in v2'", "Change a comment.")],
            "comment delete": [
                Example("opik spans comment delete COMMENT_ID", "Delete one comment."),
                Example("opik spans comment list SPAN_ID --fields id | opik spans comment delete -", "Delete every comment of a span."),
            ],
        ])
}
