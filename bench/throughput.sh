#!/usr/bin/env bash
# Throughput: read PEERS_SOURCE_BYTES (1 GiB) from the peers' source (127.0.0.1:2701) with netterm and with socat,
# in one run, and print MB/s and the ratios. Goals (issue 2): raw >= 0.9x socat, telnet >= 0.7x socat.
# Needs the peers running (tests/peers/start.sh). Usage: bench/throughput.sh [runs]
set -euo pipefail
cd "$(dirname "$0")/.."
runs="${1:-3}"
host=127.0.0.1 port=2701
bytes="${PEERS_SOURCE_BYTES:-1073741824}"

# The shipped linux-x64 build is Native AOT; a JIT build would be measured mostly on its start-up.
dotnet publish src/NetTerm.Cli -c Release -r linux-x64 -p:PublishAot=true -o bench/out/netterm-aot >/dev/null
nt=bench/out/netterm-aot/netterm

# Seconds for one transfer; stdin is kept open (sleep) so that netterm ends when the server closes, as socat -u does.
time_it() {
  local start end
  start=$(date +%s.%N)
  # The source peer never reads, so the telnet run's own announcements make it reset at the end: ignore the code.
  "$@" >/dev/null 2>&1 || true
  end=$(date +%s.%N)
  echo "$end - $start" | bc -l
}
exec 3< <(sleep 3600)
netterm_raw()    { "$nt" --no-tui --binary --quiet --mode raw "$host" "$port" <&3; }
netterm_telnet() { "$nt" --no-tui --binary --quiet --mode telnet "$host" "$port" <&3; }
socat_read()     { socat -b 131072 -u "TCP:$host:$port" -; }

best() { sort -n | head -1; }
declare -A t
for tool in socat_read netterm_raw netterm_telnet; do
  t[$tool]=$(for _ in $(seq "$runs"); do time_it "$tool"; done | best)
done

mbps() { echo "scale=1; $bytes / 1048576 / $1" | bc -l; }
printf '%-16s %8s s  %8s MiB/s\n' socat "${t[socat_read]}" "$(mbps "${t[socat_read]}")"
printf '%-16s %8s s  %8s MiB/s  ratio %.2f (goal >= 0.90)\n' "netterm raw" "${t[netterm_raw]}" "$(mbps "${t[netterm_raw]}")" \
  "$(echo "${t[socat_read]} / ${t[netterm_raw]}" | bc -l)"
printf '%-16s %8s s  %8s MiB/s  ratio %.2f (goal >= 0.70)\n' "netterm telnet" "${t[netterm_telnet]}" "$(mbps "${t[netterm_telnet]}")" \
  "$(echo "${t[socat_read]} / ${t[netterm_telnet]}" | bc -l)"
