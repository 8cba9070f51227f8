# Shared by scripts/demo, scripts/sdk-check and bench/lib.sh (sourced, not run): starting the
# bundled test server in the background and waiting until it listens.

# LOG COMMAND...: runs the server command in the background with its output in LOG and waits
# (up to a minute: a debug build on a busy machine may take a while to make its sample data)
# for its "listening on URL" line. Sets $server (its pid) and $url; returns 1, with $url empty,
# when the server ends or the minute passes first.
spawn_server() {
  local log=$1
  shift
  # The server keeps no descriptor of ours (such as a pipe the caller reads to its end).
  (
    for fd in $(ls "/proc/$BASHPID/fd"); do
      if [ "$fd" -gt 2 ]; then eval "exec $fd>&-"; fi
    done
    exec "$@"
  ) >"$log" 2>&1 </dev/null &
  server=$!
  url=
  for _ in $(seq 1200); do
    url=$(sed -n 's/^listening on //p' "$log" 2>/dev/null)
    [ -n "$url" ] && return 0
    kill -0 "$server" 2>/dev/null || break
    sleep 0.05
  done
  return 1
}
