#!/usr/bin/env bash
# Scrollback memory, two ways. Goal: with 1,000,000 lines of 80 characters in the scrollback, the RSS growth is
# <= 1.6x the text's size (80,000,000 bytes -> <= 128 MB).
#  (a) in-process: bench/ScrollbackMemory (a console project on src/NetTerm.Core, not in NetTerm.sln) appends the
#      lines through TerminalTextProcessor into Scrollback(maxLines: 1_000_000); RSS and managed heap after a full GC.
#  (b) the real full-screen client: `netterm --mode raw --scrollback 1000000` in a 120x40 tmux pane receives
#      1,000,000 lines of 80 characters + CRLF from bench/floodserver.py; VmRSS idle after connect (the server waits
#      MEM_DELAY seconds before sending) and after the marker is on screen and the client has settled.
# MEM_ENV="DOTNET_X=y ..." sets GC variables for the client in (b); MEM_SKIP_A=1 skips (a).
# Needs: dotnet SDK, tmux, python3, bc. Usage: bench/scrollback-memory.sh
set -euo pipefail
cd "$(dirname "$0")/.."
source bench/lib.sh
port="${MEM_PORT:-27992}"
lines="${MEM_LINES:-1000000}"
width=80
delay="${MEM_DELAY:-6}"
text_bytes=$((lines * width))

need_tools tmux python3 bc

echo "== (a) in-process: Scrollback + TerminalTextProcessor, $lines x $width chars"
[[ -n ${MEM_SKIP_A:-} ]] || dotnet run -c Release --project bench/ScrollbackMemory -- "$lines" "$width" || true

netterm_aot

bench_workspace mem
start_floodserver --port "$port" --lines "$lines" --width "$width" --delay "$delay"

kib() { awk -v k="$1" '$1 == k":" {print $2}' "/proc/$pid/status"; }
mib() { echo "scale=1; $1 / 1024" | bc -l; }

echo
echo "== (b) netterm --mode raw --scrollback $lines (AOT, tmux 120x40), $lines x $width chars + CRLF"
echo "load before: $(uptime)"
tmux new-session -d -s "$session" -x 120 -y 40 -c "$work" "exec env ${MEM_ENV:-} $nt --mode raw --scrollback $lines 127.0.0.1 $port"
pid=$(tmux display-message -p -t "$session" '#{pane_pid}')
for _ in $(seq 300); do grep -q '^accept' "$events" && break; sleep 0.05; done
sleep "$(echo "$delay - 1.5" | bc)"
grep -q '^start' "$events" && { echo "the flood started before the idle sample (raise MEM_DELAY)" >&2; exit 1; }
before=$(kib VmRSS)
for _ in $(seq 30000); do
  tmux capture-pane -p -t "$session" | grep -q "FLOOD-DONE $lines" && break
  sleep 0.02
done
tmux capture-pane -p -t "$session" | grep -q "FLOOD-DONE $lines" || { echo "no marker on screen" >&2; exit 1; }
start=$(awk '/^start/ {print $2}' "$events"); seen=$(date +%s.%N)
at_marker=$(kib VmRSS)
sleep 5   # let the client settle (a GC may give memory back)
after=$(kib VmRSS); hwm=$(kib VmHWM)

# Ctrl+S: every line must still be in the scrollback (the dialog proposes a file in the cwd, $work).
tmux send-keys -t "$session" C-s; sleep 1; tmux send-keys -t "$session" Enter
saved=
for _ in $(seq 300); do
  saved=$(ls "$work"/netterm-*.txt 2>/dev/null | head -1 || true)
  [[ -n $saved ]] && tmux capture-pane -p -t "$session" | grep -q 'saved [0-9]* lines' && break
  sleep 0.2
done
kept=$( [[ -n $saved ]] && grep -c '^line [0-9]\{7\} ' "$saved" || echo "?")
stop_client

printf 'flood to marker on screen: %.2f s\n' "$(echo "$seen - $start" | bc -l)"
printf 'VmRSS idle after connect %s MiB, at the marker %s MiB, 5 s later %s MiB; peak VmHWM %s MiB\n' \
  "$(mib "$before")" "$(mib "$at_marker")" "$(mib "$after")" "$(mib "$hwm")"
printf 'growth %s MiB = %.3fx the %d bytes of text (goal <= 1.6x); peak growth %.3fx\n' "$(mib $((after - before)))" \
  "$(echo "($after - $before) * 1024 / $text_bytes" | bc -l)" "$text_bytes" "$(echo "($hwm - $before) * 1024 / $text_bytes" | bc -l)"
echo "numbered lines in the Ctrl+S scrollback file: $kept (of $lines)"
echo "load after: $(uptime)"
echo "(files in $work)"
