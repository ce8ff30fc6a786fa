/**
 * `npm run cluster`: a Lab cluster on this machine — redis-server, N nodes on it, HAProxy in
 * front — for demos of what a load balancer does to each transport and of failover (kill -9 a
 * node's pid and watch its clients come back on another). Ctrl-C stops everything.
 */
import { parseArgs } from 'node:util';
import { EXIT, readOptions, wholeNumber } from './cli-numbers';
import { appIsBuilt } from './cluster/node-process';
import { startLocalCluster, type LocalClusterOptions } from './cluster/local-cluster';

const HELP = `npm run cluster -- [options]

Starts redis-server, N Lab nodes on it (one chat: REDIS_URL) and HAProxy in front.
  --nodes N          Lab nodes                                   default 2 (1..8)
  --port P           HAProxy's front port (0 = any free one)     default 3000
  --sticky on|off    sticky sessions (source hash + cookie) or round robin  default on
  --redis-port P     redis-server's port                         default a free one
  --headless         nodes without pages (no build needed)
  --help
Full-app nodes run the build: run \`npm run build\` first.
Exit codes: ${EXIT.ok} stopped by Ctrl-C/SIGTERM; ${EXIT.error} error (bad options or a part that did not start).`;

/**
 * Parses argv (without node and script).
 * @throws Error naming the bad option
 */
export function parseClusterArgs(argv: string[]): LocalClusterOptions | 'help' {
  const { values } = parseArgs({
    args: argv,
    strict: true,
    options: {
      nodes: { type: 'string', default: '2' },
      port: { type: 'string', default: '3000' },
      sticky: { type: 'string', default: 'on' },
      'redis-port': { type: 'string' },
      headless: { type: 'boolean', default: false },
      help: { type: 'boolean', default: false },
    },
  });
  if (values.help) return 'help';
  if (values.sticky !== 'on' && values.sticky !== 'off') throw new Error(`--sticky wants on or off, got "${values.sticky}"`);
  return {
    nodes: wholeNumber(values.nodes, 'nodes', { min: 1, max: 8 }, 2),
    frontPort: wholeNumber(values.port, 'port', { min: 0, max: 65_535 }, 3000),
    sticky: values.sticky === 'on',
    headless: values.headless,
    ...(values['redis-port'] === undefined ? {} : { redisPort: wholeNumber(values['redis-port'], 'redis-port', { min: 1, max: 65_535 }, 0) }),
  };
}

async function main(): Promise<number> {
  const options = readOptions('cluster', HELP, parseClusterArgs);
  if (typeof options === 'number') return options;
  if (!options.headless && !appIsBuilt()) {
    console.error('cluster: the app is not built. Run `npm run build` first (or add --headless for nodes without pages).');
    return EXIT.error;
  }
  // Listening from the start: the parts run in process groups of their own (detached), so a
  // Ctrl-C while they start must not kill this process and leave them behind; it stops them
  // once the start is over instead.
  let stopRequested = false;
  let firstSignalAt = 0;
  const stopSignal = new Promise<void>((resolve) => {
    const onSignal = (name: NodeJS.Signals) => {
      if (stopRequested) {
        // One Ctrl-C can arrive twice: from the terminal, and relayed by tsx's parent process
        // when it cannot tell that we got it. Only a later one is the user pressing again.
        if (Date.now() - firstSignalAt > 500) console.log(`${name} again: still stopping (a node gets up to 8 s before SIGKILL)`);
        return;
      }
      stopRequested = true;
      firstSignalAt = Date.now();
      resolve();
    };
    for (const name of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) process.on(name, onSignal);
  });
  let cluster: Awaited<ReturnType<typeof startLocalCluster>>;
  try {
    cluster = await startLocalCluster({ ...options, detached: true });
  } catch (err) {
    // startLocalCluster has stopped whatever did start.
    const message = (err as Error).message;
    const missingTool = /ENOENT/.test(message) ? '\n(redis-server or haproxy missing? `bash scripts/ensure-test-tools.sh` installs both)' : '';
    console.error(`cluster: did not start: ${message}${missingTool}`);
    return EXIT.error;
  }
  if (stopRequested) {
    await cluster.stop();
    return EXIT.ok;
  }
  console.log(`Redis        ${cluster.redis.url} (pid ${cluster.redis.pid})`);
  for (const node of cluster.nodes) console.log(`${node.name.padEnd(12)} ${node.url} (pid ${node.pid})`);
  console.log(`HAProxy      ${cluster.proxy.url}  sticky ${options.sticky ? 'on' : 'off'}  ← open this`);
  console.log(`Each node says who it is at /api/cluster. Try: kill -9 ${cluster.nodes[0].pid}   Ctrl-C stops everything.`);
  // `kill <npm's pid>` would stop npm alone (it does not pass SIGTERM on): name the pid that works.
  console.log(`From another shell: kill ${process.pid} stops everything as Ctrl-C does.`);
  let stopping = false;
  for (const node of cluster.nodes) {
    void node.exited.then(({ code, signal }) => {
      // The failover demo: say it, keep the rest running.
      if (!stopping) console.log(`${node.name} (pid ${node.pid}) exited (${signal ?? `code ${code}`}); the others keep serving.`);
    });
  }
  await stopSignal;
  stopping = true;
  console.log('Stopping HAProxy, the nodes, then Redis…');
  await cluster.stop();
  return EXIT.ok;
}

if (require.main === module) {
  main().then(
    (code) => process.exit(code),
    (err) => {
      console.error(`cluster: ${(err as Error).message}`);
      process.exit(EXIT.error);
    },
  );
}
