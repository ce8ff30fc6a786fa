/**
 * `npm run cluster`'s parts: its options, and a real local cluster (redis-server, two headless
 * nodes, HAProxy round robin) whose front answers from both nodes, which hear each other.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { parseClusterArgs } from '../../scripts/cluster';
import { startLocalCluster, type LocalCluster } from '../../scripts/cluster/local-cluster';

describe('npm run cluster', () => {
  test('options: defaults, and bad ones named', () => {
    assert.deepEqual(parseClusterArgs([]), { nodes: 2, frontPort: 3000, sticky: true, headless: false });
    assert.deepEqual(parseClusterArgs(['--nodes', '3', '--sticky', 'off', '--port', '0', '--headless']), { nodes: 3, frontPort: 0, sticky: false, headless: true });
    assert.throws(() => parseClusterArgs(['--sticky', 'maybe']), /--sticky wants on or off/);
    assert.throws(() => parseClusterArgs(['--nodes', '9']), /--nodes/);
    assert.throws(() => parseClusterArgs(['--bogus']), /bogus/);
  });

  describe('a local cluster of two nodes, round robin', () => {
    let cluster: LocalCluster;
    before(async () => {
      cluster = await startLocalCluster({ nodes: 2, frontPort: 0, sticky: false, headless: true });
    });
    after(async () => {
      await cluster?.stop();
    });

    test('the front answers from both nodes, each hears the other, both on Redis', async () => {
      const seen = new Map<string, { peers: string[]; redis: string }>();
      const deadline = Date.now() + 10_000;
      // Round robin alternates; each node learns of the other from its first heartbeat.
      while (Date.now() < deadline && !(seen.size === 2 && [...seen.values()].every((info) => info.peers.length === 1))) {
        const info = (await (await fetch(`${cluster.proxy.url}/api/cluster`)).json()) as { node: string; peers: string[]; redis: string };
        seen.set(info.node, info);
        if (seen.size < 2 || [...seen.values()].some((i) => i.peers.length < 1)) await new Promise((resolve) => setTimeout(resolve, 50));
      }
      assert.equal(seen.size, 2, 'two distinct nodes answered');
      const [a, b] = [...seen.keys()];
      assert.deepEqual(seen.get(a)!.peers, [b]);
      assert.deepEqual(seen.get(b)!.peers, [a]);
      for (const info of seen.values()) assert.equal(info.redis, 'connected');
    });

    test('stop() leaves no process behind', async () => {
      const pids = [cluster.redis.pid, cluster.proxy.pid, ...cluster.nodes.map((n) => n.pid)];
      await cluster.stop();
      for (const pid of pids) assert.throws(() => process.kill(pid, 0), /ESRCH/, `pid ${pid} is gone`);
    });
  });
});
