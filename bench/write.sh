#!/usr/bin/env bash
# Wall time of the bulk write commands beside curl sending the same batches to the same
# loopback test server, with the same parallelism (4). Score upload is measured twice: with
# --no-check beside curl sending the batches, and with its default check of every span
# (GET /spans/{id}) beside curl making the same lookups, then sending the batches.
# Usage: bench/write.sh [SPANS]
set -euo pipefail
cd "$(dirname "$0")/.."
COUNT=${1:-100000}
PARALLEL=4
WORK=$(mktemp -d /tmp/opik-bench-write.XXXXXX)
SERVER_PID=
trap '[ -n "$SERVER_PID" ] && kill "$SERVER_PID" 2>/dev/null; rm -rf "$WORK"' EXIT

swift build -c release --static-swift-stdlib --product opik >&2
swift build -c release --static-swift-stdlib --product opik-test-server >&2
BIN=$(swift build -c release --static-swift-stdlib --show-bin-path)
export HOME=$WORK OPIK_WORKSPACE=default

start_server() {
    [ -n "$SERVER_PID" ] && kill "$SERVER_PID" 2>/dev/null && wait "$SERVER_PID" 2>/dev/null || true
    "$BIN/opik-test-server" --port 0 --seed-spans 0 > "$WORK/server.out" &
    SERVER_PID=$!
    for _ in $(seq 50); do grep -q listening "$WORK/server.out" 2>/dev/null && break; sleep 0.1; done
    URL=$(sed -n 's/^listening on //p' "$WORK/server.out")
    export OPIK_URL_OVERRIDE=$URL
}

now() { date +%s.%N; }
elapsed() { echo "$(now) - $1" | bc; }

echo "preparing $COUNT spans and $COUNT scores in $WORK" >&2
python3 bench/write_prepare.py "$COUNT" "$WORK"

# curl: one config file per run, one request per prepared batch body, $PARALLEL at once.
curl_config() { # PREFIX METHOD PATH
    local first=1
    for body in "$WORK/$1"-*.json; do
        [ $first = 1 ] || echo next
        first=0
        printf 'silent\nurl = "%s%s"\nrequest = "%s"\nheader = "Content-Type: application/json"\ndata-binary = "@%s"\noutput = "/dev/null"\nwrite-out = "%%{http_code}\\n"\n' \
            "$OPIK_URL_OVERRIDE" "$3" "$2" "$body"
    done
}
run_curl() { # PREFIX METHOD PATH
    curl_config "$@" > "$WORK/$1.curl"
    local codes
    codes=$(curl -s --no-progress-meter --parallel --parallel-max "$PARALLEL" -K "$WORK/$1.curl" | sort | uniq -c | tr -s ' ')
    echo "curl answers:$codes" >&2
}

# curl: one GET per span id, $PARALLEL at once: the lookups opik's default check makes.
run_curl_lookups() { # IDS-FILE
    local first=1
    while read -r id; do
        [ $first = 1 ] || echo next
        first=0
        printf 'url = "%s/v1/private/spans/%s"\noutput = "/dev/null"\nwrite-out = "%%{http_code}\\n"\n' "$OPIK_URL_OVERRIDE" "$id"
    done < "$1" > "$WORK/lookups.curl"
    local codes
    codes=$(curl -s --no-progress-meter --parallel --parallel-max "$PARALLEL" -K "$WORK/lookups.curl" | sort | uniq -c | tr -s ' ')
    echo "curl lookups:$codes" >&2
}

min() { awk -v a="$1" -v b="$2" 'BEGIN{print (a == "" || b < a) ? b : a}'; }
opik_create=; opik_scores=; curl_create=; curl_scores=; opik_checked=; curl_checked=
# Best of $ROUNDS for each side: this machine is small and shared, single runs are noisy.
for _ in $(seq "${ROUNDS:-3}"); do
    start_server
    t=$(now); "$BIN/opik" spans create -p bench --file "$WORK/spans.ndjson" -q > "$WORK/ids.txt"; opik_create=$(min "$opik_create" "$(elapsed "$t")")
    python3 bench/write_prepare.py "$COUNT" "$WORK" --scores-for "$WORK/ids.txt"
    t=$(now); "$BIN/opik" spans score upload -p bench "$WORK/scores.csv" -q --no-check; opik_scores=$(min "$opik_scores" "$(elapsed "$t")")
    t=$(now); "$BIN/opik" spans score upload -p bench "$WORK/scores.csv" -q; opik_checked=$(min "$opik_checked" "$(elapsed "$t")")

    start_server
    t=$(now); run_curl spans POST /v1/private/spans/batch; curl_create=$(min "$curl_create" "$(elapsed "$t")")
    # The scores must find their spans, as opik's did: create them untimed (ids are deterministic).
    "$BIN/opik" spans create -p bench --file "$WORK/spans.ndjson" -q > /dev/null
    t=$(now); run_curl scores PUT /v1/private/spans/feedback-scores; curl_scores=$(min "$curl_scores" "$(elapsed "$t")")
    t=$(now); run_curl_lookups "$WORK/ids.txt"; run_curl scores PUT /v1/private/spans/feedback-scores; curl_checked=$(min "$curl_checked" "$(elapsed "$t")")
done

printf '%-40s %10s %10s %8s\n' "$COUNT records, parallel $PARALLEL, best of ${ROUNDS:-3}" "opik (s)" "curl (s)" "ratio"
printf '%-40s %10.2f %10.2f %8.2f\n' "spans create --file" "$opik_create" "$curl_create" "$(echo "$opik_create / $curl_create" | bc -l)"
printf '%-40s %10.2f %10.2f %8.2f\n' "spans score upload --no-check (CSV)" "$opik_scores" "$curl_scores" "$(echo "$opik_scores / $curl_scores" | bc -l)"
printf '%-40s %10.2f %10.2f %8.2f\n' "spans score upload, checked (CSV)" "$opik_checked" "$curl_checked" "$(echo "$opik_checked / $curl_checked" | bc -l)"
