#!/usr/bin/env bash
# Flood: a loopback server (bench/floodserver.py) sends FLOOD_LINES (1,250,000) numbered lines of 78 characters
# + CRLF = 100,000,000 bytes as fast as the socket takes them, then "FLOOD-DONE <n>", and keeps the connection open.
# The full-screen client (`netterm --mode raw`) and GNU telnet (inetutils-telnet) each run in a 120x40 tmux pane,
# one after the other, against the same source. Printed: time from the server's accept() to the marker being
# visible in `tmux capture-pane` (polled every ~20 ms), the ratio (goal: netterm >= 10x faster than telnet),
# netterm's peak RSS (VmHWM), and the checks that no line was dropped:
#   - the screen shows "line <n>" directly above the marker;
#   - Ctrl+S (save scrollback) writes the kept 100,000 lines, which must be lines n-99,998 .. n and the marker;
#   - a second netterm run with --log FILE: the transcript must hold every line 1..n in order.
# Needs: dotnet SDK, tmux, telnet (apt-get install tmux inetutils-telnet), python3. Usage: bench/flood.sh
set -euo pipefail
cd "$(dirname "$0")/.."
source bench/lib.sh
port="${FLOOD_PORT:-27990}"
lines="${FLOOD_LINES:-1250000}"
timeout_s="${FLOOD_TIMEOUT:-900}"

need_tools tmux telnet python3 bc
netterm_aot

bench_workspace flood
start_floodserver --port "$port" --lines "$lines" --width 78
payload=$(awk '/^ready/ {print $3}' "$events")

now() { date +%s.%N; }

# run_client NAME CMD...: runs CMD in a fresh 120x40 tmux session (cwd $work), waits for the marker on screen.
# Sets: elapsed (accept -> marker visible), launch_elapsed (process start -> marker), pid, polls.
run_client() {
  local name=$1; shift
  local accepts_before launch seen accept
  accepts_before=$(grep -c '^accept' "$events" || true)
  stop_client
  launch=$(now)
  tmux new-session -d -s "$session" -x 120 -y 40 -c "$work" "exec $*"
  pid=$(tmux display-message -p -t "$session" '#{pane_pid}')
  polls=0
  while :; do
    if tmux capture-pane -p -t "$session" | grep -q "FLOOD-DONE $lines"; then seen=$(now); break; fi
    polls=$((polls + 1))
    if [[ $(echo "$(now) - $launch > $timeout_s" | bc) == 1 ]]; then
      echo "flood.sh: $name: no marker after ${timeout_s}s" >&2; tmux capture-pane -p -t "$session" | tail -5 >&2; exit 1
    fi
    sleep 0.02
  done
  accept=$(awk '/^accept/ {print $2}' "$events" | sed -n "$((accepts_before + 1))p")
  elapsed=$(echo "$seen - $accept" | bc -l)
  launch_elapsed=$(echo "$seen - $launch" | bc -l)
  tmux capture-pane -p -t "$session" >"$work/$name.screen"
}

# The line shown directly above the marker must be the last numbered line.
screen_check() {
  local prev
  prev=$(grep -B1 "FLOOD-DONE $lines" "$1" | head -1 | grep -o 'line [0-9]\{7\}' || true)
  [[ $prev == "line $(printf %07d "$lines")" ]] && echo ok || echo "FAIL (above marker: '${prev:-nothing}')"
}

# check_sequence FILE: the "line NNNNNNN" numbers in FILE run consecutively, each once, up to $lines.
check_sequence() {
  grep -o 'line [0-9]\{7\}' "$1" | awk -v last="$lines" '
    NR == 1 { first = $2 + 0 }
    { n = $2 + 0; if (n != first + count) { bad++; if (bad <= 3) printf "gap/out of order at #%d: got %d, expected %d; ", count, n, first + count } count++ }
    END { printf "%d numbered lines, %d..%d, %s", count, first, first + count - 1, (bad == 0 && first + count - 1 == last) ? "consecutive, none missing" : "INCOMPLETE (" bad+0 " bad)" }'
}

echo "flood: $lines lines, $payload bytes from 127.0.0.1:$port; tmux 120x40; poll ~20 ms"
echo "load before: $(uptime)"

# 1. netterm, timed (no log).
run_client netterm "$nt" --mode raw 127.0.0.1 "$port"
t_nt=$elapsed; l_nt=$launch_elapsed; p_nt=$polls
hwm=$(awk '/^VmHWM/ {print $2}' "/proc/$pid/status")
rss=$(awk '/^VmRSS/ {print $2}' "/proc/$pid/status")
scr_nt=$(screen_check "$work/netterm.screen")
# Ctrl+S saves the scrollback; the dialog proposes netterm-<date>.txt in the cwd ($work): accept it with Enter.
tmux send-keys -t "$session" C-s; sleep 1; tmux send-keys -t "$session" Enter
saved=
for _ in $(seq 100); do
  saved=$(ls "$work"/netterm-*.txt 2>/dev/null | head -1 || true)
  [[ -n $saved ]] && tmux capture-pane -p -t "$session" | grep -q 'saved [0-9]* lines' && break
  sleep 0.2
done
stop_client

# 2. GNU telnet, timed. Not port 23, so it negotiates nothing and just prints the stream.
run_client telnet telnet 127.0.0.1 "$port"
t_tn=$elapsed; l_tn=$launch_elapsed; p_tn=$polls
scr_tn=$(screen_check "$work/telnet.screen")
stop_client

# 3. netterm with --log: every received line must reach the transcript.
run_client netterm-log "$nt" --mode raw --log "$work/transcript.log" 127.0.0.1 "$port"
t_log=$elapsed
hwm_log=$(awk '/^VmHWM/ {print $2}' "/proc/$pid/status")
sleep 0.5
stop_client

printf '\n%-22s %9s s  (from process start %s s, %d polls)  screen: %s\n' "netterm --mode raw" "$t_nt" "$l_nt" "$p_nt" "$scr_nt"
printf '%-22s %9s s  (from process start %s s, %d polls)  screen: %s\n' "telnet" "$t_tn" "$l_tn" "$p_tn" "$scr_tn"
printf 'speed-up telnet/netterm: %.1fx (goal >= 10x)\n' "$(echo "$t_tn / $t_nt" | bc -l)"
printf 'netterm RSS: peak (VmHWM) %.1f MiB, at the end (VmRSS) %.1f MiB\n' "$(echo "$hwm / 1024" | bc -l)" "$(echo "$rss / 1024" | bc -l)"
if [[ -n $saved ]]; then
  echo "Ctrl+S scrollback ($(wc -l <"$saved") lines in the file): $(check_sequence "$saved")" \
    "; marker last: $(grep -c "FLOOD-DONE $lines" "$saved")"
else
  echo "Ctrl+S scrollback: no file was saved"
fi
printf 'netterm --log run: %s s to the marker, peak RSS %.1f MiB\n' "$t_log" "$(echo "$hwm_log / 1024" | bc -l)"
echo "transcript: $(check_sequence "$work/transcript.log"); marker: $(grep -c "FLOOD-DONE $lines" "$work/transcript.log")"
echo "load after: $(uptime)"
echo "(files in $work)"
