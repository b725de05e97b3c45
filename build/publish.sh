#!/usr/bin/env bash
# Release builds, all from Linux, into artifacts/<rid>/ (native symbols and .pdb files into artifacts/symbols/<rid>/):
#   linux-x64   Native AOT: one native executable (publish profile native-aot)
#   win-x64     self-contained single file, trimmed, ReadyToRun (publish profile single-file)
#   osx-arm64   the same
# and the .NET tool package, artifacts/netterm.<version>.nupkg.
# Usage: build/publish.sh [rid...] [--pack]    default: all three RIDs and the package
#   extra RIDs take a profile from NETTERM_PROFILE (native-aot or single-file; default single-file), e.g.
#   NETTERM_PROFILE=single-file build/publish.sh linux-x64   makes the JIT single-file build of linux-x64.
# On Windows or macOS the AOT build is the same dotnet publish command with -p:PublishProfile=native-aot run there
# (docs/packaging.md).
set -euo pipefail
cd "$(dirname "$0")/.."

project=src/NetTerm.Cli
out=artifacts
rids=(); pack=false
for arg in "$@"; do
  case "$arg" in
    --pack) pack=true ;;
    -*) echo "unknown option $arg" >&2; exit 2 ;;
    *) rids+=("$arg") ;;
  esac
done
if [ ${#rids[@]} -eq 0 ] && ! $pack; then rids=(linux-x64 win-x64 osx-arm64); pack=true; fi

profile_for() {
  if [ -n "${NETTERM_PROFILE:-}" ]; then echo "$NETTERM_PROFILE"; return; fi
  case "$1" in
    linux-x64|linux-arm64) echo native-aot ;;  # AOT needs the target's linker: only Linux targets build here
    *) echo single-file ;;
  esac
}

for rid in "${rids[@]}"; do
  profile=$(profile_for "$rid")
  dest="$out/$rid"; symbols="$out/symbols/$rid"
  rm -rf "$dest" "$symbols"
  echo "== $rid ($profile)"
  start=$(date +%s)
  dotnet publish "$project" -c Release -r "$rid" -p:PublishProfile="$profile" -o "$dest" -nologo -v:minimal
  mkdir -p "$symbols"
  find "$dest" -maxdepth 1 \( -name '*.pdb' -o -name '*.dbg' -o -name '*.dSYM' \) -exec mv {} "$symbols/" \;
  echo "   $(( $(date +%s) - start )) s"
done

if $pack; then
  echo "== tool package"
  rm -f "$out"/netterm.*.nupkg
  dotnet pack "$project" -c Release -o "$out" -nologo -v:minimal
fi

echo "== sizes"
for rid in "${rids[@]}"; do
  ls -l "$out/$rid" | awk -v rid="$rid" 'NR > 1 { printf "   %-10s %-22s %6.1f MB\n", rid, $9, $5 / 1048576 }'
done
if $pack; then ls -l "$out"/netterm.*.nupkg | awk '{ printf "   %-33s %6.1f MB\n", $9, $5 / 1048576 }'; fi
