/**
 * Composition root: read the configuration, put Next.js behind the Lab server, listen, and shut
 * down in order on SIGTERM/SIGINT (see shutdown-signals.ts). Wiring only; behaviour lives in the modules it wires.
 */
import next from 'next';
import { networkInterfaces } from 'node:os';
import { reachableUrls } from './reachable-addresses';
import { loadConfig } from './config';
import { createLabServer } from './lab-server';
import { connectNodeBus } from './cluster/node-bus';
import { exitOnShutdownSignals } from './shutdown-signals';

async function main(): Promise<void> {
  const config = loadConfig();
  process.env.NEXT_TELEMETRY_DISABLED = '1';
  const app = next({ dev: config.dev, hostname: config.host, port: config.port, dir: process.cwd() });
  const handle = app.getRequestHandler();
  await app.prepare();

  // With REDIS_URL this node joins one chat with every other node on that Redis.
  const bus = await connectNodeBus(config);
  if (bus) console.log(`Cluster node ${bus.nodeId} on ${config.redisUrl} (epoch ${bus.restored.epoch})`);
  const lab = createLabServer(config, { pages: (req, res) => handle(req, res), bus });
  const url = await lab.listen();
  console.log(`Transport Lab (${config.env}) on ${url}`);
  // Students join from their own machines: say where (HOST=0.0.0.0 listens on every interface).
  for (const reachable of reachableUrls(config.host, config.port === 0 ? Number(new URL(url).port) : config.port, networkInterfaces())) {
    console.log(`  students join at ${reachable}/`);
  }

  if (lab.historyLoad.status === 'loaded') {
    const { snapshot, savedAt } = lab.historyLoad;
    console.log(`History restored: epoch ${snapshot.epoch}, ${snapshot.streams.length} streams, saved ${new Date(savedAt).toISOString()}`);
  } else if (lab.historyLoad.status === 'stale') {
    console.log(`History file older than ${config.historyMaxAgeMs} ms ignored: new epoch`);
  }

  // Order matters: the Lab first (stop accepting, bye, transports, save history), then Next.
  exitOnShutdownSignals({
    timeoutMs: config.shutdownTimeoutMs,
    log: (line) => console.log(line),
    stop: async () => {
      await lab.close();
      await app.close();
    },
  });
}

main().catch((err: Error & { code?: string }) => {
  console.error(err.code === 'EADDRINUSE' ? `Port in use: ${err.message}` : err);
  process.exit(1);
});
