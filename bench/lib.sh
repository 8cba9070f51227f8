# Shared by bench/read_lib.sh and bench/write_lib.sh (sourced, not run): the release binaries,
# and a loopback test server started and waited for (scripts/lib/test-server.sh).
. scripts/lib/test-server.sh

# Builds opik and opik-test-server for release; sets $bin to the folder holding them.
build_release() {
  swift build -c release --static-swift-stdlib --product opik >&2
  swift build -c release --static-swift-stdlib --product opik-test-server >&2
  bin=$(swift build -c release --static-swift-stdlib --show-bin-path)
}

# LOG SERVER-OPTIONS...: starts "$bin/opik-test-server" in the background with its output in
# LOG and waits for it to listen; sets $server_pid and $url, or stops the benchmark.
start_test_server() {
  local log=$1
  shift
  if ! spawn_server "$log" "$bin/opik-test-server" "$@"; then
    echo "bench: the test server did not start: $(cat "$log")" >&2
    exit 1
  fi
  server_pid=$server
}
