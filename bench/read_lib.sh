# Shared by bench/read.sh and bench/traces.sh (sourced, not run): release binaries, test
# servers on loopback, best-of timing with peak memory, and curl paging through a search
# stream exactly as opik does. Sets bin, work; start_server sets url.
runs=${RUNS:-5}
. bench/lib.sh
build_release
work=$(mktemp -d)
pids=()
trap 'kill "${pids[@]}" 2>/dev/null; rm -rf "$work"' EXIT

start_server() { # NAME SERVER-OPTIONS...; project "bench", sets $url
  local name=$1
  shift
  start_test_server "$work/server-$name.log" --project bench "$@"
  pids+=("$server_pid")
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

# $work/curl-stream.sh URL PATH MEMBERS: the search stream at PATH, 2000 per page, id cursor;
# MEMBERS are the body's other members.
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
