#!/usr/bin/env bash
# Read-path benchmark: prints figures, asserts nothing.
#  1. `opik spans list --all --format ndjson` of N seeded spans (default 100000) beside curl
#     fetching the same search-stream pages from the same server: wall time and peak memory.
#  2. Peak memory of the same export at N/10 spans, to show it does not grow with N.
#  3. Cold start of `opik --version` beside `curl --version`.
# Needs: /usr/bin/time (Debian package "time"); hyperfine is used when installed.
set -euo pipefail
cd "$(dirname "$0")/.."
spans=${1:-100000}
runs=${RUNS:-5}
swift build -c release --static-swift-stdlib --product opik >&2
swift build -c release --static-swift-stdlib --product opik-test-server >&2
bin=$(swift build -c release --static-swift-stdlib --show-bin-path)
work=$(mktemp -d)
pids=()
trap 'kill "${pids[@]}" 2>/dev/null; rm -rf "$work"' EXIT

start_server() { # $1 = spans; sets $url
  "$bin/opik-test-server" --seed-spans "$1" --project bench >"$work/server-$1.log" 2>&1 </dev/null &
  pids+=($!)
  for _ in $(seq 600); do grep -q '^listening on ' "$work/server-$1.log" && break; sleep 0.05; done
  url=$(sed -n 's/^listening on //p' "$work/server-$1.log")
}

# curl pages through the search stream exactly like opik: 2000 per page, id cursor.
cat >"$work/curl-export.sh" <<'SH'
#!/usr/bin/env bash
url=$1; cursor=""
while :; do
  body="{\"project_name\":\"bench\",\"truncate\":false,\"limit\":2000${cursor:+,\"last_retrieved_id\":\"$cursor\"}}"
  curl -sS -H 'Content-Type: application/json' -H 'Accept: */*' -H 'Comet-Workspace: default' \
    --data "$body" "$url/v1/private/spans/search" >"$0.page"
  count=$(grep -c . "$0.page" || true)
  cat "$0.page"
  [ "$count" -lt 2000 ] && break
  cursor=$(tail -n 1 "$0.page" | cut -c8-43)
done
SH
chmod +x "$work/curl-export.sh"

best_of() { # runs "$@" $runs times, prints the best wall seconds and the peak RSS in MB
  local best=999999 rss=0
  for _ in $(seq "$runs"); do
    /usr/bin/time -f '%e %M' -o "$work/time" "$@" >/dev/null
    read -r secs kb <"$work/time"
    best=$(awk -v a="$best" -v b="$secs" 'BEGIN{print (b<a)?b:a}')
    rss=$(awk -v a="$rss" -v b="$kb" 'BEGIN{print (b>a)?b:a}')
  done
  printf '%8.2f s %8.1f MB' "$best" "$(awk -v k="$rss" 'BEGIN{print k/1024}')"
}

start_server "$spans"
export HOME="$work" OPIK_URL_OVERRIDE="$url"
lines=$("$bin/opik" spans list -p bench --all --format ndjson | wc -l)
echo "export of $lines spans (best of $runs):"
printf '  opik spans list --all --format ndjson  %s\n' "$(best_of "$bin/opik" spans list -p bench --all --format ndjson)"
printf '  curl, same pages                       %s\n' "$(best_of "$work/curl-export.sh" "$url")"
printf '  opik ... --format json                 %s\n' "$(best_of "$bin/opik" spans list -p bench --all --format json)"
printf '  opik ... (table, pipe)                 %s\n' "$(best_of "$bin/opik" spans list -p bench --all)"

small=$((spans / 10))
start_server "$small"
printf 'peak memory at %d spans: %s\n' "$small" \
  "$(OPIK_URL_OVERRIDE=$url best_of "$bin/opik" spans list -p bench --all --format ndjson | awk '{print $3, $4}')"

echo "cold start:"
if command -v hyperfine >/dev/null; then
  hyperfine -N --warmup 5 --runs 200 "$bin/opik --version" "curl --version" 2>/dev/null \
    | grep -E 'Time|Benchmark' | sed 's/^/  /'
else
  for cmd in "$bin/opik --version" "curl --version"; do
    s=$(date +%s%N); for _ in $(seq 200); do $cmd >/dev/null; done; e=$(date +%s%N)
    printf '  %-40s %6.2f ms\n' "$cmd" "$(awk -v d=$((e - s)) 'BEGIN{print d/200/1e6}')"
  done
fi
