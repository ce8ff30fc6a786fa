/**
 * A load target of several Lab nodes on one Redis (`npm run load -- --nodes 2`): a real
 * redis-server and N headless server processes with REDIS_URL. It looks like one server to the
 * load run: its `url` names the nodes in turn (so clients spread evenly and every room spans
 * nodes), and a sample adds up every node's memory and CPU and Redis's own, because Redis does
 * work for the cluster that one process does not need.
 */
import { startRedis } from '../cluster/redis-process';
import { sampleProcess, startServerProcess, type ServerProcess } from './server-process';

/**
 * Starts Redis and `nodes` server processes with `env`.
 * @throws after stopping what did start, when a part does not start
 */
export async function startClusterTarget(nodes: number, env: Record<string, string>): Promise<ServerProcess & { nodeUrls: string[] }> {
  const redis = await startRedis();
  const servers: ServerProcess[] = [];
  const stop = async () => {
    await Promise.allSettled(servers.map((s) => s.stop()));
    await redis.stop();
  };
  try {
    for (let i = 0; i < nodes; i += 1) servers.push(await startServerProcess({ ...env, REDIS_URL: redis.url }));
  } catch (err) {
    await stop();
    throw err;
  }
  let turn = 0;
  return {
    nodeUrls: servers.map((s) => s.url),
    get url() {
      const url = servers[turn % servers.length].url;
      turn += 1;
      return url;
    },
    pid: servers[0].pid,
    sample() {
      const parts = [...servers.map((s) => s.sample()), sampleProcess(redis.pid)];
      return { rssBytes: parts.reduce((sum, p) => sum + p.rssBytes, 0), cpuMs: parts.reduce((sum, p) => sum + p.cpuMs, 0) };
    },
    stop,
  };
}
