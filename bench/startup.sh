#!/usr/bin/env bash
# Start-up: time to the SMTP banner without the TUI, and time to the first frame and to the banner in the TUI, for
# the three builds of netterm, beside openssl s_client and swaks against the same loopback Postfix (the peers:
# 127.0.0.1:2525 plain, 127.0.0.1:2465 implicit TLS, certificate $PEERS_STATE/tls/cert.pem).
#   JIT          dotnet publish, framework-dependent (what `dotnet tool install` runs)
#   single-file  publish profile single-file for linux-x64: self-contained, trimmed, ReadyToRun (as win-x64/osx-arm64)
#   AOT          publish profile native-aot (the shipped linux-x64 build)
# Usage: bench/startup.sh [runs]    (default 10 runs of each, interleaved; STARTUP_SKIP_BUILD=1 reuses bench/out)
# Needs: the peers running (tests/peers/start.sh), tmux, python3, openssl, swaks. Results: bench/RESULTS.md.
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-10}
out=bench/out/startup
cert=${PEERS_STATE:-/tmp/peers-state}/tls/cert.pem

for tool in tmux python3 openssl swaks; do
  command -v "$tool" >/dev/null || { echo "startup.sh: $tool is missing (apt-get install tmux openssl swaks)" >&2; exit 2; }
done
for port in 2525 2465; do
  (exec 3<>/dev/tcp/127.0.0.1/$port) 2>/dev/null || { echo "startup.sh: no peer on 127.0.0.1:$port (tests/peers/start.sh)" >&2; exit 2; }
done

if [[ ${STARTUP_SKIP_BUILD:-} != 1 || ! -x $out/aot/netterm ]]; then
  rm -rf "$out"
  dotnet publish src/NetTerm.Cli -c Release -o "$out/jit" -nologo -v:quiet
  dotnet publish src/NetTerm.Cli -c Release -r linux-x64 -p:PublishProfile=single-file -o "$out/single-file" -nologo -v:quiet
  dotnet publish src/NetTerm.Cli -c Release -r linux-x64 -p:PublishProfile=native-aot -o "$out/aot" -nologo -v:quiet
fi
jit=$PWD/$out/jit/netterm sf=$PWD/$out/single-file/netterm aot=$PWD/$out/aot/netterm

echo "## $(date -u '+%Y-%m-%d %H:%M') UTC, $runs runs each; uptime: $(uptime | sed 's/.*load/load/')"
echo "builds: JIT $(du -sh "$out/jit" | cut -f1) (folder), single-file $(du -h "$sf" | cut -f1), AOT $(du -h "$aot" | cut -f1)"
echo
python3 - "$runs" "$jit" "$sf" "$aot" "$cert" <<'PY' | python3 bench/startuptimer.py
import json, sys
runs, jit, sf, aot, cert = sys.argv[1:]
builds = [('AOT', aot), ('single-file', sf), ('JIT', jit)]
banner = []
for name, exe in builds:
    banner.append((f'netterm {name}: `netterm -n -q 127.0.0.1 2525`', [exe, '-n', '-q', '127.0.0.1', '2525']))
for name, exe in builds:
    banner.append((f'netterm {name}: `netterm -n -q --tls --ca CERT 127.0.0.1 2465`',
                   [exe, '-n', '-q', '--tls', '--ca', cert, '127.0.0.1', '2465']))
banner += [
    ('`openssl s_client -connect 127.0.0.1:2465 -quiet -CAfile CERT`',
     ['openssl', 's_client', '-connect', '127.0.0.1:2465', '-quiet', '-CAfile', cert]),
    ('`swaks --server 127.0.0.1:2525 --quit-after connect`',
     ['swaks', '--server', '127.0.0.1:2525', '--quit-after', 'connect']),
    ('`swaks --server 127.0.0.1:2465 --tls-on-connect --quit-after connect`',
     ['swaks', '--server', '127.0.0.1:2465', '--tls-on-connect', '--quit-after', 'connect']),
]
tui = [(f'netterm {name}: `netterm 127.0.0.1 2525`', f'{exe} 127.0.0.1 2525') for name, exe in builds]
tui.append(('baseline: `printf` of both markers (tmux + polling)', "sh -c 'printf \" File  View\\n220 x\\n\"; exec sleep 60'"))
json.dump({'runs': runs, 'banner': banner, 'tui': tui}, sys.stdout)
PY
