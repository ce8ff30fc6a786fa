/**
 * `npm run cluster`'s parts: its options, and a real local cluster (redis-server, two headless
 * nodes, HAProxy round robin) whose front answers from both nodes, which hear each other.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { parseClusterArgs } from '../../scripts/cluster';
import { freePort } from '../../scripts/compare/production-server';
import { startLocalCluster, type LocalCluster } from '../../scripts/cluster/local-cluster';

describe('npm run cluster', () => {
  test('options: defaults, and bad ones named', () => {
    assert.deepEqual(parseClusterArgs([]), { nodes: 2, frontPort: 3000, sticky: true, headless: false });
    assert.deepEqual(parseClusterArgs(['--nodes', '3', '--sticky', 'off', '--port', '0', '--headless']), { nodes: 3, frontPort: 0, sticky: false, headless: true });
    assert.throws(() => parseClusterArgs(['--sticky', 'maybe']), /--sticky wants on or off/);
    assert.throws(() => parseClusterArgs(['--nodes', '9']), /--nodes/);
    assert.throws(() => parseClusterArgs(['--bogus']), /bogus/);
    assert.equal((parseClusterArgs(['--redis-port', '6390']) as { redisPort?: number }).redisPort, 6390);
    assert.throws(() => parseClusterArgs(['--redis-port', '0']), /--redis-port must be within 1-65535/);
  });

  describe('a local cluster of two nodes, round robin', () => {
    let cluster: LocalCluster;
    let redisPort: number;
    before(async () => {
      redisPort = await freePort();
      cluster = await startLocalCluster({ nodes: 2, frontPort: 0, sticky: false, headless: true, redisPort });
    });

    test('Redis on the port asked for, both nodes alive, /healthz 200 through HAProxy', async () => {
      assert.equal(cluster.redis.url, `redis://127.0.0.1:${redisPort}`);
      for (const node of cluster.nodes) assert.doesNotThrow(() => process.kill(node.pid, 0), `${node.name} (pid ${node.pid}) is alive`);
      const res = await fetch(`${cluster.proxy.url}/healthz`);
      assert.equal(res.status, 200);
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

    test('a node killed with SIGKILL: its exit (the signal) is seen, and the front keeps answering from the other', async () => {
      const [victim, survivor] = cluster.nodes;
      process.kill(victim.pid, 'SIGKILL');
      assert.deepEqual(await victim.exited, { code: null, signal: 'SIGKILL' });
      // Round robin still names the dead node until its health check fails; `option redispatch`
      // sends those requests to the survivor, so every answer comes from it.
      const nodeOf = async (base: string) => {
        const res = await fetch(`${base}/api/cluster`);
        assert.equal(res.status, 200);
        return ((await res.json()) as { node: string }).node;
      };
      const survivorId = await nodeOf(survivor.url);
      for (let i = 0; i < 4; i += 1) assert.equal(await nodeOf(cluster.proxy.url), survivorId);
    });

    test('stop() leaves no process behind', async () => {
      const pids = [cluster.redis.pid, cluster.proxy.pid, ...cluster.nodes.map((n) => n.pid)];
      await cluster.stop();
      for (const pid of pids) assert.throws(() => process.kill(pid, 0), /ESRCH/, `pid ${pid} is gone`);
    });
  });
});
