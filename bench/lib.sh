# Shared by bench/flood.sh and bench/scrollback-memory.sh: tool checks, the Native AOT build, and a tmux client
# against bench/floodserver.py with its cleanup. Source it from the repository root, after `set -euo pipefail`.
root=$PWD
bench_name=${0##*/}

# need_tools TOOL...: exits 2 naming the first missing tool and its package.
need_tools() {
  local tool package
  for tool in "$@"; do
    package=$tool
    [[ $tool == telnet ]] && package=inetutils-telnet
    command -v "$tool" >/dev/null || { echo "$bench_name: $tool is missing (apt-get install $package)" >&2; exit 2; }
  done
}

# netterm_aot: sets nt to the shipped linux-x64 build (Native AOT, as in bench/throughput.sh), reusing it if it is
# already there.
netterm_aot() {
  nt=$root/bench/out/netterm-aot/netterm
  [[ -x $nt ]] || dotnet publish src/NetTerm.Cli -c Release -r linux-x64 -p:PublishAot=true -o bench/out/netterm-aot >/dev/null
}

# bench_workspace NAME: sets work (a fresh /tmp/netterm-NAME.XXXXXX), events (the server's event file there) and
# session (the tmux session's name); the client and server are stopped on exit.
bench_workspace() {
  work=$(mktemp -d "/tmp/netterm-$1.XXXXXX")
  events=$work/events
  session=netterm-$1-$$
  server_pid=
  pid=
  trap bench_cleanup EXIT
}

# Each client is ended by pid as well (TERM, then KILL): netterm now exits on its own when its pane goes away
# (SIGHUP), but a benchmark must never leave a client behind if that breaks again.
stop_client() {
  tmux kill-session -t "$session" 2>/dev/null || true
  [[ -n ${pid:-} ]] || return 0
  kill "$pid" 2>/dev/null || true
  for _ in $(seq 50); do [[ -d /proc/$pid ]] && ! grep -q '^State:.*Z' "/proc/$pid/status" 2>/dev/null || break; sleep 0.1; done
  [[ -d /proc/$pid ]] && ! grep -q '^State:.*Z' "/proc/$pid/status" 2>/dev/null && kill -9 "$pid" 2>/dev/null || true
  pid=
}

bench_cleanup() {
  stop_client
  [[ -n $server_pid ]] && kill "$server_pid" 2>/dev/null || true
}

# start_floodserver ARG...: starts bench/floodserver.py ARG... --events $events and waits until it listens.
start_floodserver() {
  python3 bench/floodserver.py "$@" --events "$events" &
  server_pid=$!
  for _ in $(seq 600); do grep -q '^ready' "$events" 2>/dev/null && break; sleep 0.1; done
  grep -q '^ready' "$events" || { echo "$bench_name: the server did not start" >&2; exit 1; }
}
