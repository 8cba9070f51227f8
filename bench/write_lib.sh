# Shared by bench/write.sh and bench/traces-score.sh (sourced, not run): release binaries, the
# loopback test server, timing, and curl sending prepared batch bodies or making lookups,
# $PARALLEL at once. Sets BIN, WORK, SERVER_PID, OPIK_URL_OVERRIDE.
PARALLEL=4
WORK=$(mktemp -d /tmp/opik-bench-write.XXXXXX)
SERVER_PID=
trap '[ -n "$SERVER_PID" ] && kill "$SERVER_PID" 2>/dev/null; rm -rf "$WORK"' EXIT

. bench/lib.sh
build_release
BIN=$bin
export HOME=$WORK OPIK_WORKSPACE=default

start_server() {
    [ -n "$SERVER_PID" ] && kill "$SERVER_PID" 2>/dev/null && wait "$SERVER_PID" 2>/dev/null || true
    start_test_server "$WORK/server.out" --port 0 --seed-spans 0
    SERVER_PID=$server_pid
    export OPIK_URL_OVERRIDE=$url
}

now() { date +%s.%N; }
elapsed() { echo "$(now) - $1" | bc; }
min() { awk -v a="$1" -v b="$2" 'BEGIN{print (a == "" || b < a) ? b : a}'; }

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

# curl: one GET per id, $PARALLEL at once: the lookups opik's default score check makes.
run_curl_lookups() { # IDS-FILE COLLECTION (spans, traces)
    local first=1
    while read -r id; do
        [ $first = 1 ] || echo next
        first=0
        printf 'url = "%s/v1/private/%s/%s"\noutput = "/dev/null"\nwrite-out = "%%{http_code}\\n"\n' "$OPIK_URL_OVERRIDE" "$2" "$id"
    done < "$1" > "$WORK/lookups.curl"
    local codes
    codes=$(curl -s --no-progress-meter --parallel --parallel-max "$PARALLEL" -K "$WORK/lookups.curl" | sort | uniq -c | tr -s ' ')
    echo "curl lookups:$codes" >&2
}
