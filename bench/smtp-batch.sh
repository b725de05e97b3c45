#!/usr/bin/env bash
# SMTP batch (issue 5): messages per second on one session against Postfix's smtp-sink (peers port 2599), with
# 5 KiB bodies, side by side:
#   - netterm smtp send --count N --pipelining --quiet (body + "." + next MAIL/RCPT/DATA in one write: one round trip
#     a message);
#   - smtp-source -d -s 1 -m N -l 5120 (one session, no pipelining: four round trips a message);
#   - a loop of swaks runs (one process and one session per message), SWAKS_RUNS of them, extrapolated.
# Goals: netterm >= 1.5x smtp-source's msg/s; >= 20x the swaks loop. Needs the peers (tests/peers/start.sh),
# smtp-source and swaks (Debian postfix and swaks packages), bc. Usage: bench/smtp-batch.sh
set -euo pipefail
cd "$(dirname "$0")/.."
count="${BATCH_COUNT:-2000}"
runs="${SWAKS_RUNS:-100}"
host=127.0.0.1; port=2599
for tool in smtp-source swaks bc; do
  command -v "$tool" >/dev/null || { echo "smtp-batch.sh: $tool is missing" >&2; exit 2; }
done
nt=bench/out/netterm-aot/netterm
[[ -x $nt ]] || dotnet publish src/NetTerm.Cli -c Release -r linux-x64 -p:PublishAot=true -o bench/out/netterm-aot >/dev/null
body=$(mktemp /tmp/netterm-batch.XXXXXX)
trap 'rm -f "$body"' EXIT
# 5,120 bytes of body: 64 lines of 78 characters + CRLF, as text.
python3 -c 'import sys; sys.stdout.write(("x" * 78 + "\n") * 64)' > "$body"

now() { date +%s.%N; }
echo "load: $(uptime | sed 's/.*load average: //')"

t0=$(now)
$nt smtp send --server $host --port $port --helo bench.test --from a@bench.test --to b@bench.test \
  --body-file "$body" --count "$count" --pipelining --quiet
t1=$(now)
nt_s=$(echo "$t1 - $t0" | bc -l); nt_rate=$(echo "$count / $nt_s" | bc -l)

t0=$(now)
smtp-source -d -s 1 -m "$count" -l 5120 -M bench.test -f a@bench.test -t b@bench.test $host:$port
t1=$(now)
ss_s=$(echo "$t1 - $t0" | bc -l); ss_rate=$(echo "$count / $ss_s" | bc -l)

t0=$(now)
for _ in $(seq "$runs"); do
  swaks --server $host --port $port --helo bench.test --from a@bench.test --to b@bench.test --body "@$body" --silent 1 >/dev/null 2>&1
done
t1=$(now)
sw_s=$(echo "$t1 - $t0" | bc -l); sw_rate=$(echo "$runs / $sw_s" | bc -l)

printf '%-44s %8s %10s %10s\n' client messages seconds msg/s
printf '%-44s %8d %10.2f %10.0f\n' "netterm smtp send --pipelining (AOT)" "$count" "$nt_s" "$nt_rate"
printf '%-44s %8d %10.2f %10.0f\n' "smtp-source -d -s 1 -m $count -l 5120" "$count" "$ss_s" "$ss_rate"
printf '%-44s %8d %10.2f %10.1f\n' "swaks loop (one process per message)" "$runs" "$sw_s" "$sw_rate"
printf 'netterm / smtp-source: %.2fx (goal >= 1.5x)\n' "$(echo "$nt_rate / $ss_rate" | bc -l)"
printf 'netterm / swaks loop:  %.1fx (goal >= 20x)\n' "$(echo "$nt_rate / $sw_rate" | bc -l)"
