#!/usr/bin/env bash
# Regenerates the PNG screenshots in docs/images/ from real tmux captures of the real TUI, so they can be redone
# after any UI change. Needs tmux, Debian's python3-pil and fonts-dejavu-core (installed here if missing), and the
# peers (tests/peers/start.sh) for the telnet scene. Usage: tools/screenshots/make.sh [scene ...]
set -euo pipefail
cd "$(dirname "$0")/../.."
out=docs/images
mkdir -p "$out"
if ! /usr/bin/python3 -c 'import PIL' 2>/dev/null || [ ! -f /usr/share/fonts/truetype/dejavu/DejaVuSansMono.ttf ]; then
  apt-get install -y -qq python3-pil fonts-dejavu-core >/dev/null
fi
command -v tmux >/dev/null || apt-get install -y -qq tmux >/dev/null
dotnet build src/NetTerm.Cli -c Release -o /tmp/netterm-shots >/dev/null
nt="dotnet /tmp/netterm-shots/netterm.dll"
export NETTERM_CONFIG_DIR; NETTERM_CONFIG_DIR=$(mktemp -d)

# shot NAME: capture the running scene with colours and render it.
shot() {
  tmux capture-pane -t shots -e -p > "/tmp/shot-$1.txt"
  /usr/bin/python3 tools/screenshots/ansi2png.py "/tmp/shot-$1.txt" "$out/$1.png"
  echo "wrote $out/$1.png"
}
start() { tmux kill-session -t shots 2>/dev/null || true; tmux new-session -d -s shots -x 110 -y 30 "$1"; sleep "${2:-3}"; }
keys() { tmux send-keys -t shots "$@"; sleep 1.2; }
stop() { tmux kill-session -t shots 2>/dev/null || true; }

scene_telnet() {
  start "$nt 127.0.0.1 2323"
  keys alice Enter; keys wonderland Enter; keys 'uname -a; ls / | head -5' Enter
  shot telnet-session; stop
}
scene_connect() {
  start "$nt"
  shot connect-dialog; stop
}
scene_hex() {
  start "$nt --mode raw 127.0.0.1 2700"
  keys 'EHLO hex.example' Enter; keys 'héllo wörld' Enter; keys F2
  shot hex-view; stop
}

# The SMTP profile against the Postfix peer: STARTTLS, AUTH (typed PLAIN line, masked), a relay denial, the panel.
scene_smtp() {
  start "$nt smtp --ca ${PEERS_STATE:-/tmp/peers-state}/tls/cert.pem localhost 2525" 4
  keys 'EHLO client.example' Enter; keys STARTTLS Enter; sleep 1
  keys "AUTH PLAIN $(printf '\0alice\0wonderland' | base64)" Enter
  keys 'MAIL FROM:<alice@peers.test>' Enter; keys 'RCPT TO:<postmaster@localhost>' Enter
  keys 'RSET' Enter
  shot smtp-session
  # View > Certificate… shows the server's certificate and the session's TLS parameters.
  keys F10; keys Right; keys e
  shot certificate; stop
}

scenes=("$@")
[ ${#scenes[@]} -gt 0 ] || scenes=(telnet connect hex smtp)
for s in "${scenes[@]}"; do "scene_$s"; done
rm -rf "$NETTERM_CONFIG_DIR"
