#!/usr/bin/env bash
# Makes sure tcpdump is there for the packet-capture check of the wire meter
# (test/server/wire-capture.test.ts), which otherwise skips. Same pattern as ensure-chromium.sh.
set -euo pipefail
for candidate in /usr/bin/tcpdump /usr/sbin/tcpdump /sbin/tcpdump; do
  [ -x "$candidate" ] && exit 0
done
echo "tcpdump not found; installing Debian's tcpdump package..." >&2
if [ "$(id -u)" -eq 0 ]; then
  SUDO=""
elif command -v sudo >/dev/null 2>&1; then
  SUDO="sudo"
else
  echo "Cannot install tcpdump: run as root or install sudo (the capture test will skip)." >&2
  exit 1
fi
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
$SUDO apt-get install -y -qq tcpdump >/dev/null
command -v tcpdump >/dev/null 2>&1 || [ -x /usr/sbin/tcpdump ] || { echo "tcpdump installed but not found" >&2; exit 1; }
