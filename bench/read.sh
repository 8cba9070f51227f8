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
. bench/read_lib.sh

start_server all --seed-spans "$spans"
export HOME="$work" OPIK_URL_OVERRIDE="$url"
lines=$("$bin/opik" spans list -p bench --all --format ndjson | wc -l)
echo "export of $lines spans (best of $runs):"
printf '  opik spans list --all --format ndjson  %s\n' "$(best_of "$bin/opik" spans list -p bench --all --format ndjson)"
printf '  curl, same pages                       %s\n' "$(best_of "$work/curl-stream.sh" "$url" /v1/private/spans/search '"project_name":"bench","truncate":false')"
printf '  opik ... --format json                 %s\n' "$(best_of "$bin/opik" spans list -p bench --all --format json)"
printf '  opik ... (table, pipe)                 %s\n' "$(best_of "$bin/opik" spans list -p bench --all)"

small=$((spans / 10))
start_server small --seed-spans "$small"
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
