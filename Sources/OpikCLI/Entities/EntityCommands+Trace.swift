import OpikCore

/// The selection options only traces have.
private enum TraceSelection {
    static let thread = OptionSpec("thread", value: "ID", help: "Only traces of this thread (a thread_id = ID filter).")
    static let includeHidden = OptionSpec(
        "include-hidden", help: "Also traces the server made for its own evaluators (visibility_mode hidden), which the Opik UI leaves out.")
}

extension EntityCommands {
    /// `opik traces`.
    static let traces = EntityCommands(
        entity: .trace,
        summary: "List, inspect, create, update, delete, score and comment on traces",
        discussion: """
            A trace is one run of an LLM application: a row of its own on the server, which its \
            spans point at by trace_id. Its usage, cost and span counts are sums over its spans \
            in the same project, computed when read.
            """,
        selectionOptions: [TraceSelection.thread, TraceSelection.includeHidden],
        narrow: { invocation, selection in
            if let thread = invocation.value(TraceSelection.thread) {
                selection.filters.append(["field": "thread_id", "operator": "=", "key": "", "value": .string(thread)])
            }
            // The UI shows only `visibility_mode = default` traces (see docs/SERVER.md#traces);
            // a filter on the field says what the user wants instead.
            if !invocation.flag(TraceSelection.includeHidden), !selection.filters(on: "visibility_mode") {
                selection.filters.append(["field": "visibility_mode", "operator": "=", "key": "", "value": "default"])
            }
        },
        searchFields: "id, name, input, output, metadata, error, tags, thread id",
        ownsSpans: true,
        statistics: """
            trace_count, duration percentiles, input/output/metadata counts, average tags, \
            thread_count, the average number of spans and of LLM spans per trace (span_count and \
            llm_span_count are averages, labelled "avg"), cost average and sum, usage averages \
            and sums, the average of each feedback score and of each span score, failed \
            guardrail checks, error_count
            """,
        examples: [
            "list": [
                Example("opik traces list -p my-app", "The latest 50 traces of my-app."),
                Example("opik traces list -p my-app --thread conversation-42", "The traces of one thread."),
                Example("opik traces list -p my-app -f 'feedback_scores.accuracy < 0.5' --since 24h",
                        "Traces of the last day that scored low."),
                Example("opik traces list -p my-app --all --format ndjson > traces.ndjson", "Export every trace."),
                Example("opik traces list -p my-app --sort duration:desc -n 10 --fields id,name,duration", "The ten slowest traces."),
            ],
            "get": [
                Example("opik traces get 0190b5d2-7c1e-7a3b-8f00-5b9a1c2d3e4f", "A trace and its span tree."),
                Example("opik traces get ID --format json --spans > run.json", "The trace and every span, as one JSON object."),
                Example("opik traces list -p my-app --fields id -n 5 | opik traces get - --format ndjson", "Five traces in full."),
            ],
            "stats": [
                Example("opik traces stats -p my-app --since 24h", "Statistics of the last day."),
                Example("opik traces stats -p my-app --format json | jq .duration.p99", "p99 duration of the runs."),
            ],
            "delete": [
                Example("opik traces delete 0190b5d2-7c1e-7a3b-8f00-5b9a1c2d3e4f", "Delete a trace with its spans, scores and comments, after confirming."),
                Example("opik traces delete -p my-app -f 'tags contains \"load-test\"' --dry-run",
                        "Show which traces of my-app would go, and the requests, without sending them."),
                Example("opik traces delete -p my-app -f 'name = \"smoke\"' -f 'start_time < \"2026-01-01T00:00:00Z\"' --yes",
                        "Delete old smoke-test traces without asking."),
                Example("opik traces list -p my-app --thread conversation-42 --fields id --all | opik traces delete - --yes -p my-app",
                        "Delete every trace of a thread."),
            ],
            "score add": [
                Example("opik traces score add ID accuracy=0.92 relevance=1 --reason 'matches the reference'", "Score a trace twice."),
                Example("opik traces score add ID hallucination=0 --category judge --dry-run", "Show the request without sending it."),
            ],
            "score delete": [
                Example("opik traces score delete ID accuracy relevance", "Remove two scores from a trace."),
                Example("opik traces score delete ID accuracy --author alice", "Remove only alice's accuracy score."),
            ],
            "score names": [
                Example("opik traces score names -p my-app", "Score names used on the traces of my-app."),
                Example("opik traces score names --format json", "Names used on traces in the whole workspace."),
            ],
            "score upload": [
                Example("opik traces score upload -p my-app scores.csv", "Upload the scores of an evaluation run."),
                Example("opik traces list -p my-app -f 'tags contains \"run-7\"' --fields id,output --format ndjson | ./judge | opik traces score upload -p my-app -",
                        "Judge the traces of a run and upload the scores."),
                Example("opik -q -p my-app traces score upload scores.csv --failed rejected.csv || { cat rejected.csv >&2; exit 1; }",
                        "In CI: fail the build when any row is invalid (status \(ExitStatus.usage.code), nothing sent) or rejected (status \(ExitStatus.partialFailure.code))."),
            ],
            "comment add": [
                Example("opik traces comment add ID 'wrong refund amount'", "Comment on a trace."),
                Example("git log -1 --format=%B | opik traces comment add ID -", "Use text from another command."),
            ],
            "comment list": [
                Example("opik traces comment list ID", "Comments of a trace."),
                Example("opik traces comment list ID --format json | jq -r '.[].text'", "Just the texts."),
            ],
            "comment get": [
                Example("opik traces comment get TRACE_ID COMMENT_ID", "Show a comment."),
                Example("opik traces comment get TRACE_ID COMMENT_ID --format json | jq -r .text", "Just its text."),
            ],
            "comment update": [Example("opik traces comment update COMMENT_ID 'fixed in v2'", "Change a comment.")],
            "comment delete": [
                Example("opik traces comment delete COMMENT_ID", "Delete one comment."),
                Example("opik traces comment list TRACE_ID --fields id | opik traces comment delete -", "Delete every comment of a trace."),
            ],
        ])
}
