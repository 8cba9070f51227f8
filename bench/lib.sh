# Shared by bench/read_lib.sh and bench/write_lib.sh (sourced, not run): the release binaries,
# and a loopback test server started and waited for.

# Builds opik and opik-test-server for release; sets $bin to the folder holding them.
build_release() {
  swift build -c release --static-swift-stdlib --product opik >&2
  swift build -c release --static-swift-stdlib --product opik-test-server >&2
  bin=$(swift build -c release --static-swift-stdlib --show-bin-path)
}

# LOG SERVER-OPTIONS...: starts "$bin/opik-test-server" in the background with its output in
# LOG and waits (up to a minute) for its "listening on URL" line; sets $server_pid and $url.
start_test_server() {
  local log=$1
  shift
  "$bin/opik-test-server" "$@" >"$log" 2>&1 </dev/null &
  server_pid=$!
  for _ in $(seq 1200); do grep -q '^listening on ' "$log" 2>/dev/null && break; sleep 0.05; done
  url=$(sed -n 's/^listening on //p' "$log")
}
