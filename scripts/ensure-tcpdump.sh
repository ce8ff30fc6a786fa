#!/usr/bin/env bash
# Makes sure tcpdump is there for the packet-capture check of the wire meter
# (test/server/wire-capture.test.ts), which otherwise skips. Same pattern as ensure-chromium.sh.
set -euo pipefail
for candidate in /usr/bin/tcpdump /usr/sbin/tcpdump /sbin/tcpdump; do
  [ -x "$candidate" ] && exit 0
done
echo "tcpdump not found; installing Debian's tcpdump package..." >&2
# Capturing needs root anyway: without it the capture test skips, so there is nothing to install.
if [ "$(id -u)" -ne 0 ]; then
  echo "Not root: skipping the tcpdump install (the packet-capture test will skip)." >&2
  exit 0
fi
SUDO=""
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
$SUDO apt-get install -y -qq tcpdump >/dev/null
command -v tcpdump >/dev/null 2>&1 || [ -x /usr/sbin/tcpdump ] || { echo "tcpdump installed but not found" >&2; exit 1; }
