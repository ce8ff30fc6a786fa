#!/usr/bin/env bash
# Makes sure the real tools the node:test suites drive are there, from Debian's packages:
#   tcpdump       the packet-capture check of the wire meter (test/support/packet-capture.ts; skips without it)
#   haproxy       the sticky-session matrix (test/cluster/sticky-matrix.test.ts)
#   redis-server  the tests that start their own Redis (test/support/redis-process.ts)
# One `apt-get update` for whatever is missing, not one per tool. Chromium, for e2e only, has its
# own script (ensure-chromium.sh), because it may also come from CHROMIUM_PATH.
set -euo pipefail
missing=()
# "binary package": each binary is looked for in the usual places, installed by its package if absent.
for pair in "tcpdump tcpdump" "haproxy haproxy" "redis-server redis-server"; do
  read -r binary package <<<"$pair"
  found=""
  for dir in /usr/bin /usr/sbin /sbin /usr/local/bin /usr/local/sbin; do
    [ -x "$dir/$binary" ] && found=1 && break
  done
  [ -n "$found" ] || missing+=("$package")
done
[ ${#missing[@]} -eq 0 ] && exit 0
echo "Not found: ${missing[*]}; installing Debian's packages..." >&2
# Without root there is nothing we can install: the capture test then skips, and the cluster and
# Redis tests fail naming the binary they looked for.
if [ "$(id -u)" -ne 0 ]; then
  echo "Not root: skipping the install of ${missing[*]}." >&2
  exit 0
fi
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
# haproxy and redis-server start system-wide instances where an init system runs: the tests start their own.
apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
