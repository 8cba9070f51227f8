#!/usr/bin/env bash
# Wall time of `opik traces score upload` of N scores (default 100000, one per trace) beside
# curl doing the same work on the same loopback test server with the same parallelism (4):
# with the default check, each trace looked up (GET /traces/{id}) and then the batches sent
# (PUT /traces/feedback-scores); with --no-check, the batches alone. The traces are created
# untimed first (POST /traces/batch).
# Usage: bench/traces-score.sh [SCORES]
set -euo pipefail
cd "$(dirname "$0")/.."
COUNT=${1:-100000}
. bench/write_lib.sh

echo "preparing $COUNT traces and $COUNT scores in $WORK" >&2
python3 bench/write_prepare.py "$COUNT" "$WORK" --traces
python3 bench/write_prepare.py "$COUNT" "$WORK" --scores-for "$WORK/trace-ids.txt"

# A fresh server holding the traces (ids are fixed, so every run scores the same traces).
start_traces() {
    start_server
    run_curl traces POST /v1/private/traces/batch
}

opik_checked=; curl_checked=; opik_unchecked=; curl_unchecked=
# Best of $ROUNDS for each side: this machine is small and shared, single runs are noisy.
for _ in $(seq "${ROUNDS:-3}"); do
    start_traces
    t=$(now); "$BIN/opik" traces score upload -p bench "$WORK/scores.csv" -q; opik_checked=$(min "$opik_checked" "$(elapsed "$t")")
    t=$(now); "$BIN/opik" traces score upload -p bench "$WORK/scores.csv" -q --no-check; opik_unchecked=$(min "$opik_unchecked" "$(elapsed "$t")")

    start_traces
    t=$(now); run_curl_lookups "$WORK/trace-ids.txt" traces; run_curl scores PUT /v1/private/traces/feedback-scores; curl_checked=$(min "$curl_checked" "$(elapsed "$t")")
    t=$(now); run_curl scores PUT /v1/private/traces/feedback-scores; curl_unchecked=$(min "$curl_unchecked" "$(elapsed "$t")")
done

printf '%-40s %10s %10s %8s\n' "$COUNT scores, parallel $PARALLEL, best of ${ROUNDS:-3}" "opik (s)" "curl (s)" "ratio"
printf '%-40s %10.2f %10.2f %8.2f\n' "traces score upload, checked (CSV)" "$opik_checked" "$curl_checked" "$(echo "$opik_checked / $curl_checked" | bc -l)"
printf '%-40s %10.2f %10.2f %8.2f\n' "traces score upload --no-check (CSV)" "$opik_unchecked" "$curl_unchecked" "$(echo "$opik_unchecked / $curl_unchecked" | bc -l)"
