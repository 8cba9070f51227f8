#!/usr/bin/env bash
# Wall time of the bulk write commands beside curl sending the same batches to the same
# loopback test server, with the same parallelism (4). Score upload is measured twice: with
# --no-check beside curl sending the batches, and with its default check of every span
# (GET /spans/{id}) beside curl making the same lookups, then sending the batches.
# Usage: bench/write.sh [SPANS]
set -euo pipefail
cd "$(dirname "$0")/.."
COUNT=${1:-100000}
. bench/write_lib.sh

echo "preparing $COUNT spans and $COUNT scores in $WORK" >&2
python3 bench/write_prepare.py "$COUNT" "$WORK"
# The scores need the span ids opik gives: made once, after the first create (the ids are
# deterministic, so every round sends the same scores).
scores_made=

opik_create=; opik_scores=; curl_create=; curl_scores=; opik_checked=; curl_checked=
# Best of $ROUNDS for each side: this machine is small and shared, single runs are noisy.
for _ in $(seq "${ROUNDS:-3}"); do
    start_server
    t=$(now); "$BIN/opik" spans create -p bench --file "$WORK/spans.ndjson" -q > "$WORK/ids.txt"; opik_create=$(min "$opik_create" "$(elapsed "$t")")
    if [ -z "$scores_made" ]; then
        python3 bench/write_prepare.py "$COUNT" "$WORK" --scores-for "$WORK/ids.txt"
        scores_made=1
    fi
    t=$(now); "$BIN/opik" spans score upload -p bench "$WORK/scores.csv" -q --no-check; opik_scores=$(min "$opik_scores" "$(elapsed "$t")")
    t=$(now); "$BIN/opik" spans score upload -p bench "$WORK/scores.csv" -q; opik_checked=$(min "$opik_checked" "$(elapsed "$t")")

    start_server
    t=$(now); run_curl spans POST /v1/private/spans/batch; curl_create=$(min "$curl_create" "$(elapsed "$t")")
    # The scores must find their spans, as opik's did: create them untimed (ids are deterministic).
    "$BIN/opik" spans create -p bench --file "$WORK/spans.ndjson" -q > /dev/null
    t=$(now); run_curl scores PUT /v1/private/spans/feedback-scores; curl_scores=$(min "$curl_scores" "$(elapsed "$t")")
    t=$(now); run_curl_lookups "$WORK/ids.txt" spans; run_curl scores PUT /v1/private/spans/feedback-scores; curl_checked=$(min "$curl_checked" "$(elapsed "$t")")
done

printf '%-40s %10s %10s %8s\n' "$COUNT records, parallel $PARALLEL, best of ${ROUNDS:-3}" "opik (s)" "curl (s)" "ratio"
printf '%-40s %10.2f %10.2f %8.2f\n' "spans create --file" "$opik_create" "$curl_create" "$(echo "$opik_create / $curl_create" | bc -l)"
printf '%-40s %10.2f %10.2f %8.2f\n' "spans score upload --no-check (CSV)" "$opik_scores" "$curl_scores" "$(echo "$opik_scores / $curl_scores" | bc -l)"
printf '%-40s %10.2f %10.2f %8.2f\n' "spans score upload, checked (CSV)" "$opik_checked" "$curl_checked" "$(echo "$opik_checked / $curl_checked" | bc -l)"
