import OpikCore

/// The selection options only spans have.
private enum SpanSelection {
    static let traceId = OptionSpec("trace-id", value: "UUID", help: "Only spans of this trace.")
    static let type = OptionSpec("type", value: "TYPE", help: "Only spans of this type.", choices: Entity.span.values(of: "type"))
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
        ownsSpans: false,
        statistics: """
            span_count, duration percentiles, input/output/metadata counts, average tags, cost \
            average and sum, usage averages and sums, the average of each feedback score, error_count
            """,
        examples: [
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
