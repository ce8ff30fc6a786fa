/**
 * The Lab server without Next.js, as its own process, for load runs: the load generator's clients
 * must not share a process (or a heap) with the server whose memory and CPU it reports.
 * Prints one JSON line `{"url": ...}` on stdout once listening. Also the restart tests' server
 * (test/support/server-process.ts): it shuts down exactly as server/index.ts does, minus Next.
 */
import { loadConfig } from '../../server/config';
import { connectNodeBus } from '../../server/cluster/node-bus';
import { createLabServer } from '../../server/lab-server';
import { exitOnShutdownSignals } from '../../server/shutdown-signals';

async function main(): Promise<void> {
  const config = loadConfig();
  const bus = await connectNodeBus(config);
  const lab = createLabServer(config, { bus });
  const url = await lab.listen();
  const node = bus ? { node: bus.nodeId } : {};
  process.stdout.write(`${JSON.stringify({ url, pid: process.pid, epoch: lab.hub.history.epoch, history: lab.historyLoad.status, ...node })}\n`);
  exitOnShutdownSignals({ timeoutMs: config.shutdownTimeoutMs, stop: () => lab.close() });
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
