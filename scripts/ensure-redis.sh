#!/usr/bin/env bash
# Makes sure redis-server is there for the tests that start their own Redis per test
# (test/support/redis-process.ts). Same pattern as ensure-tcpdump.sh: Debian's package, as root.
set -euo pipefail
for candidate in /usr/bin/redis-server /usr/sbin/redis-server /usr/local/bin/redis-server; do
  [ -x "$candidate" ] && exit 0
done
echo "redis-server not found; installing Debian's redis-server package..." >&2
# Without root there is nothing we can install: the Redis tests then fail and name the binary.
if [ "$(id -u)" -ne 0 ]; then
  echo "Not root: skipping the redis-server install." >&2
  exit 0
fi
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
apt-get install -y -qq --no-install-recommends redis-server >/dev/null
command -v redis-server >/dev/null 2>&1 || [ -x /usr/bin/redis-server ] || { echo "redis-server installed but not found" >&2; exit 1; }
