/**
 * A Lab cluster inside the test process: a real redis-server on a free port and `count` Lab
 * servers on it, each on its own free port with its own RedisChatBus. Its `url` names the nodes
 * in turn, so a suite's first client lands on node 1, its second on node 2, and so on: the
 * contract suite runs unchanged with its clients spread over the nodes.
 */
import type { LabConfig } from '../../server/config';
import { RedisChatBus } from '../../server/cluster/redis-chat-bus';
import { startLab, testConfig, type RunningLab } from './lab-fixture';
import { startRedis, type RedisProcess } from './redis-process';

export interface RunningCluster extends RunningLab {
  nodes: RunningLab[];
  buses: RedisChatBus[];
  redis: RedisProcess;
}

/**
 * Starts Redis and `count` nodes on it (default 2).
 * @param overrides config for every node
 */
export async function startLabNodes(overrides: Partial<LabConfig> = {}, count = 2): Promise<RunningCluster> {
  const redis = await startRedis();
  const nodes: RunningLab[] = [];
  const buses: RedisChatBus[] = [];
  try {
    const config = testConfig(overrides);
    for (let i = 0; i < count; i += 1) {
      // One after the other: the second node must find the first one's epoch in Redis.
      const bus = await RedisChatBus.connect({ url: redis.url, historySize: config.historySize, heartbeatMs: 250 });
      buses.push(bus);
      nodes.push(await startLab(overrides, { bus }));
    }
  } catch (err) {
    await Promise.allSettled(nodes.map((n) => n.close()));
    await Promise.allSettled(buses.map((b) => b.close()));
    await redis.stop();
    throw err;
  }
  let turn = 0;
  return {
    nodes,
    buses,
    redis,
    lab: nodes[0].lab,
    config: nodes[0].config,
    get url() {
      const node = nodes[turn % nodes.length];
      turn += 1;
      return node.url;
    },
    dropAll: (transport, reason) => nodes.forEach((n) => n.dropAll(transport, reason)),
    async close() {
      await Promise.allSettled(nodes.map((n) => n.close()));
      await redis.stop();
    },
  };
}

/** A LabStarter for the contract suites: two nodes on one Redis. */
export const twoNodes = (overrides?: Partial<LabConfig>) => startLabNodes(overrides, 2);
