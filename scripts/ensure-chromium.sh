#!/usr/bin/env bash
# Makes sure Debian's Chromium is there for the e2e tests. Playwright cannot download its own
# browser on a machine without general network access, so we use the distribution's package.
set -euo pipefail
CHROMIUM="${CHROMIUM_PATH:-/usr/bin/chromium}"
if [ -x "$CHROMIUM" ]; then
  exit 0
fi
echo "Chromium not found at $CHROMIUM; installing Debian's chromium package..." >&2
if [ "$(id -u)" -eq 0 ]; then
  SUDO=""
elif command -v sudo >/dev/null 2>&1; then
  SUDO="sudo"
else
  echo "Cannot install chromium: run as root, install sudo, or set CHROMIUM_PATH to a Chromium binary." >&2
  exit 1
fi
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
$SUDO apt-get install -y -qq chromium >/dev/null
[ -x "$CHROMIUM" ] || { echo "chromium installed but $CHROMIUM is missing; set CHROMIUM_PATH" >&2; exit 1; }
