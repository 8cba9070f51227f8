#!/usr/bin/env bash
# Trace read benchmark: prints figures, asserts nothing.
#  1. `opik traces list --all --format ndjson` of N seeded traces (default 100000) beside curl
#     fetching the same search-stream pages: wall time and peak memory; then the same export
#     at N/10 traces, to show that memory does not grow with N.
#  2. `opik traces get ID` of a trace with M spans (default 10000), drawn as a tree on a
#     terminal (a pseudo-terminal made by script(1)), beside curl fetching the trace and all
#     its span pages with the same requests. Both run under the same script(1) harness (curl's
#     JSON goes to /dev/null), so the harness's own start-up counts on both sides.
# Needs: /usr/bin/time (Debian package "time"), script (bsdutils).
set -euo pipefail
cd "$(dirname "$0")/.."
traces=${1:-100000}
tree=${2:-10000}
. bench/read_lib.sh
list_members='"project_name":"bench","truncate":false,"strip_attachments":true,"filters":[{"field":"visibility_mode","operator":"=","key":"","value":"default"}]'

start_server list --seed-spans 0 --seed-traces "$traces"
export HOME="$work" OPIK_URL_OVERRIDE="$url"
lines=$("$bin/opik" traces list -p bench --all --format ndjson | wc -l)
echo "export of $lines traces (best of $runs):"
printf '  opik traces list --all --format ndjson  %s\n' "$(best_of "$bin/opik" traces list -p bench --all --format ndjson)"
printf '  curl, same pages                        %s\n' "$(best_of "$work/curl-stream.sh" "$url" /v1/private/traces/search "$list_members")"
printf '  opik ... (table, pipe)                  %s\n' "$(best_of "$bin/opik" traces list -p bench --all)"

small=$((traces / 10))
start_server small --seed-spans 0 --seed-traces "$small"
printf 'peak memory at %d traces: %s\n' "$small" \
  "$(OPIK_URL_OVERRIDE=$url best_of "$bin/opik" traces list -p bench --all --format ndjson | awk '{print $3, $4}')"

start_server tree --seed-spans 0 --seed-tree "$tree"
export OPIK_URL_OVERRIDE="$url"
id=$("$bin/opik" traces list -p bench -f 'name = "big-tree"' --fields id -n 1)
project=$("$bin/opik" traces get "$id" --format json --fields project_id | sed -n 's/.*"project_id": *"\([^"]*\)".*/\1/p')
# The tree asks for the span list's table cells only: the same `exclude` as a default table.
exclude=$("$bin/opik" spans list -p bench --trace-id "$id" --explain | tr -d ' \n' | sed -n 's/.*"exclude":\(\[[^]]*\]\).*/\1/p')
cat >"$work/curl-tree.sh" <<SH
#!/usr/bin/env bash
curl -sS -H 'Comet-Workspace: default' "$url/v1/private/traces/$id?strip_attachments=true"
"$work/curl-stream.sh" "$url" /v1/private/spans/search '"project_id":"$project","trace_id":"$id","truncate":true,"exclude":$exclude'
SH
chmod +x "$work/curl-tree.sh"
rows=$(script -qec "stty cols 200; $bin/opik traces get $id" /dev/null | wc -l)
echo "trace with $tree spans, drawn as a tree on a 200-column terminal ($rows lines; best of $runs):"
printf '  opik traces get ID (terminal)           %s\n' "$(best_of script -qec "stty cols 200; $bin/opik traces get $id" /dev/null)"
printf '  curl, trace and span pages              %s\n' "$(best_of script -qec "$work/curl-tree.sh > /dev/null" /dev/null)"
