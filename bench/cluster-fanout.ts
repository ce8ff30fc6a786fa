/**
 * The bench's cluster row: fan-out to `fanoutClients` receivers spread over two Lab nodes on one
 * Redis, against the same receivers all on one node (the default, in memory), interleaved
 * broadcast by broadcast like every other bench workload. Both sides are headless server
 * processes started the same way, so the ratio is what spreading a room over two nodes costs
 * (the Redis round trip, the second node's work), not a difference in how they were built.
 */
import type { TransportId } from '../protocol';
import { startRedis } from '../scripts/cluster/redis-process';
import { startServerProcess, type ServerProcess } from '../scripts/load/server-process';
import type { Target } from './clients';
import { median } from './stats';
import { fanOut } from './workloads';

/** One transport's figures: median time to the last receiver, ms, per round. */
export interface ClusterFanOutRow {
  oneNodeMs: number[];
  twoNodesMs: number[];
  /** Per round, two nodes ÷ one node. */
  ratios: number[];
}

/** Per-client limits lifted, as for the other bench servers (bench/lab-config.ts). */
const SERVER_ENV = {
  RATE_LIMIT_PER_SEC: '100000',
  RATE_LIMIT_BURST: '100000',
  MAX_CONNECTIONS_PER_ADDRESS: '100000',
  MAX_CLIENTS_PER_ROOM: '100000',
  POLL_QUEUE_LIMIT: '100000',
};

/**
 * Measures the row.
 * @param progress told what is about to run
 */
export async function measureClusterFanOut(
  options: { transports: TransportId[]; fanoutClients: number; broadcasts: number; rounds: number; pollIntervalMs: number },
  progress: (line: string) => void,
): Promise<Record<string, ClusterFanOutRow>> {
  const redis = await startRedis();
  const servers: ServerProcess[] = [];
  try {
    const env = { ...SERVER_ENV, POLL_INTERVAL_MS: String(options.pollIntervalMs) };
    const single = await startServerProcess(env);
    servers.push(single);
    for (let i = 0; i < 2; i += 1) servers.push(await startServerProcess({ ...env, REDIS_URL: redis.url }));
    const [, nodeA, nodeB] = servers;
    const rows: Record<string, ClusterFanOutRow> = {};
    for (const transport of options.transports) {
      const row: ClusterFanOutRow = { oneNodeMs: [], twoNodesMs: [], ratios: [] };
      for (let round = 0; round < options.rounds; round += 1) {
        progress(`round ${round + 1}/${options.rounds} ${transport}: fan-out to ${options.fanoutClients} spread over 2 nodes vs all on 1, taking turns`);
        const one: Target = { transport, url: single.url, pollIntervalMs: options.pollIntervalMs };
        // Each connection reads `url` once: the sender lands on node A, receivers alternate A, B, A…
        let turn = 0;
        const spread: Target = {
          transport,
          pollIntervalMs: options.pollIntervalMs,
          get url() {
            turn += 1;
            return (turn % 2 === 1 ? nodeA : nodeB).url;
          },
        };
        const [oneTimes, twoTimes] = await fanOut([one, spread], options.fanoutClients, options.broadcasts);
        const a = median(oneTimes);
        const b = median(twoTimes);
        row.oneNodeMs.push(a);
        row.twoNodesMs.push(b);
        row.ratios.push(b / a);
      }
      rows[transport] = row;
    }
    return rows;
  } finally {
    await Promise.allSettled(servers.map((s) => s.stop()));
    await redis.stop();
  }
}
