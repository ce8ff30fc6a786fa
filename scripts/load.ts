/**
 * `npm run load -- --clients 1000 --rate 50 --duration 600 --json load.json`
 *
 * N Node clients spread across the four transports send M messages per second into rooms for a
 * fixed duration against the Lab server in its own process; prints delivered / missed /
 * duplicated, latency percentiles and the server's RSS and CPU over time, as a table and JSON.
 * With several client counts (`--clients 250,500,1000`) it runs each in turn and reports the
 * first that breaks (missed or duplicated messages, failed connections).
 */
import { writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { parseArgs } from 'node:util';
import { PRESENCE_SCOPES, TRANSPORT_IDS, isTransportId, type PresenceScope, type TransportId } from '../protocol';
import { EXIT, exitCodesHelp, readOptions, wholeNumber } from './cli-numbers';
import { runLoad, type LoadResult } from './load/load-run';
import { startClusterTarget } from './load/cluster-target';
import { startServerProcess } from './load/server-process';

const HELP = `Usage: npm run load -- [options]
  --clients N[,N...]   clients (a list runs a sweep)            default 100
  --rate M             messages per second, all clients          default 20
  --duration S         seconds of sending per run                default 30
  --room-size K        clients per room                          default 20
  --transports LIST    comma-separated subset of ${TRANSPORT_IDS.join(',')}
  --poll-interval MS   polling clients' period                   default 1000
  --warmup S           seconds counted as warm-up for RSS growth default 20% of duration
  --connect-batch N    connections being opened at once (a window) default 50
  --presence SCOPE     whose presence each client hears: rooms (room-mates only,
                       as a large chat would) or namespace (everyone's: N²)  default rooms
  --nodes N            Lab nodes on one Redis (started here; clients
                       spread over them in turn); CPU and RSS then
                       add up every node and redis-server     default 1
  --max-seconds S      hard limit for the whole command          default duration×runs + 300
  --json FILE          also write the results as JSON to FILE
  --help

${exitCodesHelp('done but some messages were missed or duplicated, or connections failed')}`;

/** Everything one `npm run load` is told, checked. */
export interface LoadOptions {
  counts: number[];
  rate: number;
  duration: number;
  roomSize: number;
  transports: TransportId[];
  pollIntervalMs: number;
  warmupSec: number;
  connectBatch: number;
  presence: PresenceScope;
  /** Lab nodes on one Redis (1 = one process, no Redis). */
  nodes: number;
  maxSeconds: number;
  json?: string;
}

/**
 * Parses argv (without node and script); every number is a whole number in its bounds.
 * @returns the options, or 'help'
 * @throws Error naming the bad option
 */
export function parseLoadArgs(argv: string[]): LoadOptions | 'help' {
  const { values } = parseArgs({
    args: argv,
    strict: true,
    options: {
      clients: { type: 'string', default: '100' },
      rate: { type: 'string', default: '20' },
      duration: { type: 'string', default: '30' },
      'room-size': { type: 'string', default: '20' },
      transports: { type: 'string', default: TRANSPORT_IDS.join(',') },
      'poll-interval': { type: 'string', default: '1000' },
      warmup: { type: 'string' },
      'max-seconds': { type: 'string' },
      'connect-batch': { type: 'string', default: '50' },
      presence: { type: 'string', default: 'rooms' },
      nodes: { type: 'string', default: '1' },
      json: { type: 'string' },
      help: { type: 'boolean', default: false },
    },
  });
  if (values.help) return 'help';
  const counts = values.clients.split(',').map((n) => wholeNumber(n.trim(), 'clients', { min: 1, max: 100_000 }, 0));
  const transports = values.transports.split(',').map((t) => t.trim());
  const unknown = transports.filter((t) => !isTransportId(t));
  if (unknown.length > 0) throw new Error(`--transports: unknown "${unknown.join(',')}"; pick from ${TRANSPORT_IDS.join(',')}`);
  const duration = wholeNumber(values.duration, 'duration', { min: 1, max: 86_400 }, 30);
  const presence = values.presence as PresenceScope;
  if (!PRESENCE_SCOPES.includes(presence)) throw new Error(`--presence: unknown "${values.presence}"; pick from ${PRESENCE_SCOPES.join(',')}`);
  return {
    counts,
    rate: wholeNumber(values.rate, 'rate', { min: 1, max: 1_000_000 }, 20),
    duration,
    roomSize: wholeNumber(values['room-size'], 'room-size', { min: 1, max: 100_000 }, 20),
    transports: transports as TransportId[],
    pollIntervalMs: wholeNumber(values['poll-interval'], 'poll-interval', { min: 10, max: 60_000 }, 1000),
    warmupSec: wholeNumber(values.warmup, 'warmup', { min: 0, max: duration }, Math.max(1, Math.round(duration * 0.2))),
    connectBatch: wholeNumber(values['connect-batch'], 'connect-batch', { min: 1, max: 10_000 }, 50),
    presence,
    nodes: wholeNumber(values.nodes, 'nodes', { min: 1, max: 8 }, 1),
    maxSeconds: wholeNumber(values['max-seconds'], 'max-seconds', { min: 1 }, (duration + 300) * counts.length),
    ...(values.json ? { json: values.json } : {}),
  };
}

async function main(): Promise<number> {
  const options = readOptions('load', HELP, parseLoadArgs);
  if (typeof options === 'number') return options;
  const { counts, rate, duration, roomSize, transports, pollIntervalMs, maxSeconds } = options;
  const hardStop = setTimeout(() => {
    console.error(`load: gave up after ${maxSeconds} s (--max-seconds)`);
    process.exit(EXIT.timeout);
  }, maxSeconds * 1000);
  hardStop.unref();

  const results: LoadResult[] = [];
  let firstBreak: number | null = null;
  for (const clients of counts) {
    const serverEnv = {
      // The load comes from one address: let it through, and keep per-client rate limits out of the way.
      MAX_CONNECTIONS_PER_ADDRESS: String(clients + 50),
      MAX_CLIENTS_PER_ROOM: String(Math.max(roomSize, 1000)),
      POLL_INTERVAL_MS: String(pollIntervalMs),
      POLL_SESSION_TTL_MS: String(Math.max(15_000, pollIntervalMs * 10)),
    };
    // Several nodes: one chat on a Redis of its own, clients spread over the nodes in turn.
    const server = options.nodes > 1 ? await startClusterTarget(options.nodes, serverEnv) : await startServerProcess(serverEnv);
    try {
      const where = options.nodes > 1 ? `${options.nodes} nodes on Redis` : `server pid ${server.pid}`;
      process.stderr.write(`\n== ${clients} clients, ${rate} msg/s, ${duration} s (${where})\n`);
      const result = await runLoad(
        server,
        {
          clients,
          ratePerSec: rate,
          durationSec: duration,
          roomSize,
          transports,
          pollIntervalMs,
          warmupSec: options.warmupSec,
          sampleEverySec: Math.max(1, Math.min(10, Math.round(duration / 20))),
          connectConcurrency: options.connectBatch,
          presence: options.presence,
        },
        (line) => process.stderr.write(`  ${line}\n`),
      );
      results.push(result);
      // Each run's summary as soon as it is known: a sweep can take long, and a later count may hang.
      printTable([result]);
      if (options.json) writeFileSync(options.json, JSON.stringify({ command: process.argv.slice(2).join(' '), partial: true, results }, null, 2));
      if (firstBreak === null && (result.missed > 0 || result.duplicated > 0 || result.connectFailures > 0)) firstBreak = clients;
    } finally {
      await server.stop();
    }
  }

  printTable(results);
  const report = { command: process.argv.slice(2).join(' '), machine: { cores: cpus().length, node: process.version }, firstBreakAtClients: firstBreak, results };
  if (options.json) writeFileSync(options.json, JSON.stringify(report, null, 2));
  console.log(JSON.stringify({ ...report, results: results.map(({ samples, ...rest }) => ({ ...rest, samples: samples.length })) }));
  return results.every((r) => r.missed === 0 && r.duplicated === 0 && r.connectFailures === 0) ? EXIT.ok : EXIT.incomplete;
}

function printTable(results: LoadResult[]): void {
  const rows = results.map((r) => ({
    clients: r.clients,
    connected: r.connected,
    sent: r.sent,
    expected: r.expected,
    delivered: r.delivered,
    missed: r.missed,
    duplicated: r.duplicated,
    'p50 ms': r.latencyMs.p50,
    'p99 ms': r.latencyMs.p99,
    'max ms': r.latencyMs.max,
    'rss MB (end)': r.samples.at(-1)?.rssMb ?? NaN,
    'rss growth %': r.rssGrowthAfterWarmupPct,
    'cpu % (mean)': Math.round((r.samples.reduce((s, x) => s + x.cpuPercent, 0) / Math.max(1, r.samples.length)) * 10) / 10,
  }));
  console.table(rows);
  for (const r of results) {
    console.table(Object.fromEntries(Object.entries(r.latencyMsByTransport).map(([t, l]) => [`${r.clients} clients → ${t}`, l])));
  }
}

if (require.main === module) {
  main().then(
    (code) => process.exit(code),
    (err) => {
      console.error(err);
      process.exit(EXIT.error);
    },
  );
}
