/**
 * Lab nodes as separate processes (each its own port, no shared history file), and HAProxy
 * instances in front of them, everything stopped together by `stop()` even when a start failed.
 */
import { execFileSync } from 'node:child_process';
import { renderHaproxyConfig } from '../../scripts/cluster/haproxy-config';
import { haproxyBinary, startHaproxy, type HaproxyProcess } from '../../scripts/cluster/haproxy-process';
import { freePort, startLabProcess, terminate, type LabProcess } from '../support/server-process';

/** Running nodes and proxies. */
export interface LabCluster {
  nodes: LabProcess[];
  /** A new HAProxy over every node, on its own free port. */
  proxy(sticky: boolean): Promise<HaproxyProcess>;
  /** Stops every proxy, then every node; never throws. */
  stop(): Promise<void>;
}

/** What `haproxy -v` says it is, e.g. "HAProxy version 2.6.12-1+deb12u4". */
export function haproxyVersion(): string {
  const first = execFileSync(haproxyBinary(), ['-v'], { encoding: 'utf8' }).split('\n')[0].trim();
  return /^HAProxy version \S+/.exec(first)?.[0] ?? first;
}

/**
 * Starts `count` Lab nodes side by side.
 * @param env more environment for every node (REDIS_URL makes them one chat)
 * @throws after stopping whatever did start, when one node does not
 */
export async function startLabCluster(count: number, env: Record<string, string> = {}): Promise<LabCluster> {
  const nodes: LabProcess[] = [];
  const proxies: HaproxyProcess[] = [];
  // Should the test process die before `stop()` (a runner's timeout), the nodes go with it.
  const orphanGuard = () => nodes.forEach((node) => node.signal('SIGKILL'));
  process.once('exit', orphanGuard);
  const stop = async () => {
    process.off('exit', orphanGuard);
    await Promise.allSettled(proxies.splice(0).map((p) => p.stop()));
    await Promise.allSettled(
      nodes.splice(0).map(async (node) => {
        // A node that hangs in its shutdown must not hang the suite's `after`.
        const timer = setTimeout(() => node.signal('SIGKILL'), 8000);
        await terminate(node);
        clearTimeout(timer);
      }),
    );
  };
  const starts = Array.from({ length: count }, async () => {
    const node = await startLabProcess(await freePort(), { HISTORY_FILE: '', POLL_INTERVAL_MS: '50', ...env });
    nodes.push(node);
  });
  const started = await Promise.allSettled(starts);
  const failed = started.find((s): s is PromiseRejectedResult => s.status === 'rejected');
  if (failed) {
    await stop();
    throw failed.reason;
  }
  return {
    nodes,
    async proxy(sticky) {
      const frontPort = await freePort();
      const backends = nodes.map((node, i) => ({ name: `node${i + 1}`, port: Number(new URL(node.url).port) }));
      const proxy = await startHaproxy(renderHaproxyConfig({ frontPort, backends, sticky }), { host: '127.0.0.1', port: frontPort });
      proxies.push(proxy);
      return proxy;
    },
    stop,
  };
}
