#!/usr/bin/env bash
# Makes sure HAProxy is there for the cluster tests (test/cluster/sticky-matrix.test.ts puts a real
# HAProxy in front of two Lab nodes). Same pattern as ensure-tcpdump.sh: Debian's package, as root.
set -euo pipefail
for candidate in /usr/sbin/haproxy /usr/bin/haproxy /usr/local/sbin/haproxy; do
  [ -x "$candidate" ] && exit 0
done
echo "haproxy not found; installing Debian's haproxy package..." >&2
# Without root there is nothing we can install: the cluster tests then fail and name the binary.
if [ "$(id -u)" -ne 0 ]; then
  echo "Not root: skipping the haproxy install." >&2
  exit 0
fi
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
apt-get install -y -qq --no-install-recommends haproxy >/dev/null
# The package starts a system-wide instance on port 80 where an init system runs: the tests start their own.
command -v haproxy >/dev/null 2>&1 || [ -x /usr/sbin/haproxy ] || { echo "haproxy installed but not found" >&2; exit 1; }
