/**
 * A whole cluster on this machine: a redis-server, N Lab nodes on it, and Debian's HAProxy in
 * front with the config the project ships (deploy/haproxy.cfg.template), sticky or round robin.
 * What `npm run cluster` starts; everything stops together, and a start that fails half way
 * stops what did start.
 */
import { createServer } from 'node:net';
import { freePort } from '../compare/production-server';
import { renderHaproxyConfig } from './haproxy-config';
import { startHaproxy, type HaproxyProcess } from './haproxy-process';
import { startNodeProcess, type NodeProcess } from './node-process';
import { startRedis, type RedisProcess } from './redis-process';

export interface LocalClusterOptions {
  nodes: number;
  /** HAProxy's front port (0: a free one). */
  frontPort: number;
  sticky: boolean;
  /** Nodes without Next.js (no pages), which need no build. */
  headless: boolean;
  /** More environment for every node. */
  env?: Record<string, string>;
  /** Redis's port (`--redis-port`); default a free one. */
  redisPort?: number;
  /**
   * Every Lab node and Redis in a process group of its own, so a terminal's Ctrl-C reaches only
   * the caller, which then stops them in order (`npm run cluster`). Off in tests: see RedisStartOptions.
   */
  detached?: boolean;
}

export interface LocalCluster {
  redis: RedisProcess;
  nodes: NodeProcess[];
  proxy: HaproxyProcess;
  /** Stops HAProxy, then the nodes, then Redis; never throws. */
  stop(): Promise<void>;
}

/** Starts Redis, the nodes (one after another, so each finds the epoch), then HAProxy. */
export async function startLocalCluster(options: LocalClusterOptions): Promise<LocalCluster> {
  let redis: RedisProcess | undefined;
  let proxy: HaproxyProcess | undefined;
  const nodes: NodeProcess[] = [];
  const stop = async () => {
    await proxy?.stop().catch(() => undefined);
    await Promise.allSettled(nodes.map((node) => node.stop()));
    await redis?.stop().catch(() => undefined);
  };
  try {
    // Before anything starts: a taken front port would otherwise pass startHaproxy's readiness
    // check (someone else's listener accepts) while HAProxy itself fails to bind.
    if (options.frontPort !== 0) await assertPortFree(options.frontPort);
    redis = await startRedis(undefined, { port: options.redisPort, detached: options.detached });
    for (let i = 1; i <= options.nodes; i += 1) {
      // Behind our HAProxy (option forwardfor): count clients by the address it saw, not its own.
      nodes.push(
        await startNodeProcess(`node${i}`, await freePort(), { TRUST_PROXY: 'on', ...options.env, REDIS_URL: redis.url }, { headless: options.headless, detached: options.detached }),
      );
    }
    const frontPort = options.frontPort === 0 ? await freePort() : options.frontPort;
    const backends = nodes.map((node) => ({ name: node.name, port: Number(new URL(node.url).port) }));
    proxy = await startHaproxy(renderHaproxyConfig({ frontPort, backends, sticky: options.sticky }), { host: '127.0.0.1', port: frontPort });
  } catch (err) {
    await stop();
    throw err;
  }
  return { redis, nodes, proxy, stop };
}

/** Resolves when 127.0.0.1:`port` can be bound now; rejects naming the port otherwise. */
function assertPortFree(port: number): Promise<void> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', (err: NodeJS.ErrnoException) =>
      reject(new Error(`front port ${port} is not free (${err.code ?? err.message}): pick another --port, or --port 0 for any free one`)),
    );
    probe.listen(port, '127.0.0.1', () => probe.close(() => resolve()));
  });
}
