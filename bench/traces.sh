#!/usr/bin/env bash
# Trace read benchmark: prints figures, asserts nothing.
#  1. `opik traces list --all --format ndjson` of N seeded traces (default 100000) beside curl
#     fetching the same search-stream pages: wall time and peak memory; then the same export
#     at N/10 traces, to show that memory does not grow with N.
#  2. `opik traces get ID` of a trace with M spans (default 10000), drawn as a tree on a
#     terminal (a pseudo-terminal made by script(1)), beside curl fetching the trace and all
#     its span pages.
# Needs: /usr/bin/time (Debian package "time"), script (bsdutils).
set -euo pipefail
cd "$(dirname "$0")/.."
traces=${1:-100000}
tree=${2:-10000}
runs=${RUNS:-5}
swift build -c release --static-swift-stdlib --product opik >&2
swift build -c release --static-swift-stdlib --product opik-test-server >&2
bin=$(swift build -c release --static-swift-stdlib --show-bin-path)
work=$(mktemp -d)
pids=()
trap 'kill "${pids[@]}" 2>/dev/null; rm -rf "$work"' EXIT

start_server() { # $1 = name, then server options; sets $url
  local name=$1; shift
  "$bin/opik-test-server" --project bench --seed-spans 0 "$@" >"$work/server-$name.log" 2>&1 </dev/null &
  pids+=($!)
  for _ in $(seq 1200); do grep -q '^listening on ' "$work/server-$name.log" && break; sleep 0.05; done
  url=$(sed -n 's/^listening on //p' "$work/server-$name.log")
}

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

# curl pages through a search stream exactly like opik: 2000 per page, id cursor.
# $1 = URL, $2 = stream path, $3 = the body's other members.
cat >"$work/curl-stream.sh" <<'SH'
#!/usr/bin/env bash
url=$1; path=$2; members=$3; cursor=""
while :; do
  body="{$members,\"limit\":2000${cursor:+,\"last_retrieved_id\":\"$cursor\"}}"
  curl -sS -H 'Content-Type: application/json' -H 'Accept: */*' -H 'Comet-Workspace: default' \
    --data "$body" "$url$path" >"$0.page"
  count=$(grep -c . "$0.page" || true)
  cat "$0.page"
  [ "$count" -lt 2000 ] && break
  cursor=$(tail -n 1 "$0.page" | cut -c8-43)
done
SH
chmod +x "$work/curl-stream.sh"
list_members='"project_name":"bench","truncate":false,"strip_attachments":true,"filters":[{"field":"visibility_mode","operator":"=","key":"","value":"default"}]'

start_server list --seed-traces "$traces"
export HOME="$work" OPIK_URL_OVERRIDE="$url"
lines=$("$bin/opik" traces list -p bench --all --format ndjson | wc -l)
echo "export of $lines traces (best of $runs):"
printf '  opik traces list --all --format ndjson  %s\n' "$(best_of "$bin/opik" traces list -p bench --all --format ndjson)"
printf '  curl, same pages                        %s\n' "$(best_of "$work/curl-stream.sh" "$url" /v1/private/traces/search "$list_members")"
printf '  opik ... (table, pipe)                  %s\n' "$(best_of "$bin/opik" traces list -p bench --all)"

small=$((traces / 10))
start_server small --seed-traces "$small"
printf 'peak memory at %d traces: %s\n' "$small" \
  "$(OPIK_URL_OVERRIDE=$url best_of "$bin/opik" traces list -p bench --all --format ndjson | awk '{print $3, $4}')"

start_server tree --seed-tree "$tree"
export OPIK_URL_OVERRIDE="$url"
id=$("$bin/opik" traces list -p bench -f 'name = "big-tree"' --fields id -n 1)
project=$("$bin/opik" traces get "$id" --format json --fields project_id | sed -n 's/.*"project_id": *"\([^"]*\)".*/\1/p')
cat >"$work/curl-tree.sh" <<SH
#!/usr/bin/env bash
curl -sS -H 'Comet-Workspace: default' "$url/v1/private/traces/$id?strip_attachments=true"
"$work/curl-stream.sh" "$url" /v1/private/spans/search '"project_id":"$project","trace_id":"$id","truncate":true'
SH
chmod +x "$work/curl-tree.sh"
rows=$(COLUMNS=200 script -qec "$bin/opik traces get $id" /dev/null | wc -l)
echo "trace with $tree spans, drawn as a tree on a 200-column terminal ($rows lines; best of $runs):"
printf '  opik traces get ID (terminal)           %s\n' "$(best_of script -qec "stty cols 200; $bin/opik traces get $id" /dev/null)"
printf '  curl, trace and span pages              %s\n' "$(best_of "$work/curl-tree.sh")"
