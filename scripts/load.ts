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
import { TRANSPORT_IDS, isTransportId, type TransportId } from '../protocol';
import { runLoad, type LoadResult } from './load/load-run';
import { startServerProcess } from './load/server-process';

const HELP = `Usage: npm run load -- [options]
  --clients N[,N...]   clients (a list runs a sweep)            default 100
  --rate M             messages per second, all clients          default 20
  --duration S         seconds of sending per run                default 30
  --room-size K        clients per room                          default 20
  --transports LIST    comma-separated subset of ${TRANSPORT_IDS.join(',')}
  --poll-interval MS   polling clients' period                   default 1000
  --warmup S           seconds counted as warm-up for RSS growth default 20% of duration
  --connect-batch N    connections opened at once while connecting default 50
  --max-seconds S      hard limit for the whole command          default duration×runs + 300
  --json FILE          also write the results as JSON to FILE
  --help`;

async function main(): Promise<number> {
  const { values } = parseArgs({
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
      json: { type: 'string' },
      help: { type: 'boolean', default: false },
    },
  });
  if (values.help) {
    console.log(HELP);
    return 0;
  }
  const counts = values.clients.split(',').map(Number);
  const transports = values.transports.split(',').map((t) => t.trim());
  const numbers = [values.rate, values.duration, values['room-size'], values['poll-interval']].map(Number);
  if (counts.some((n) => !Number.isInteger(n) || n < 1) || numbers.some((n) => !Number.isFinite(n) || n <= 0) || !transports.every(isTransportId)) {
    console.error(`Bad options.\n${HELP}`);
    return 2;
  }
  const [rate, duration, roomSize, pollIntervalMs] = numbers;
  const maxSeconds = Number(values['max-seconds'] ?? (duration + 300) * counts.length);
  const hardStop = setTimeout(() => {
    console.error(`load: gave up after ${maxSeconds} s (--max-seconds)`);
    process.exit(3);
  }, maxSeconds * 1000);
  hardStop.unref();

  const results: LoadResult[] = [];
  let firstBreak: number | null = null;
  for (const clients of counts) {
    const server = await startServerProcess({
      // The load comes from one address: let it through, and keep per-client rate limits out of the way.
      MAX_CONNECTIONS_PER_ADDRESS: String(clients + 50),
      MAX_CLIENTS_PER_ROOM: String(Math.max(roomSize, 1000)),
      POLL_INTERVAL_MS: String(pollIntervalMs),
      POLL_SESSION_TTL_MS: String(Math.max(15_000, pollIntervalMs * 10)),
    });
    try {
      process.stderr.write(`\n== ${clients} clients, ${rate} msg/s, ${duration} s (server pid ${server.pid})\n`);
      const result = await runLoad(
        server,
        {
          clients,
          ratePerSec: rate,
          durationSec: duration,
          roomSize,
          transports: transports as TransportId[],
          pollIntervalMs,
          warmupSec: Number(values.warmup ?? Math.max(1, duration * 0.2)),
          sampleEverySec: Math.max(1, Math.min(10, Math.round(duration / 20))),
          connectConcurrency: Math.max(1, Number(values['connect-batch'])),
        },
        (line) => process.stderr.write(`  ${line}\n`),
      );
      results.push(result);
      // Each run's summary as soon as it is known: a sweep can take long, and a later count may hang.
      printTable([result]);
      if (values.json) writeFileSync(values.json, JSON.stringify({ command: process.argv.slice(2).join(' '), partial: true, results }, null, 2));
      if (firstBreak === null && (result.missed > 0 || result.duplicated > 0 || result.connectFailures > 0)) firstBreak = clients;
    } finally {
      await server.stop();
    }
  }

  printTable(results);
  const report = { command: process.argv.slice(2).join(' '), machine: { cores: cpus().length, node: process.version }, firstBreakAtClients: firstBreak, results };
  if (values.json) writeFileSync(values.json, JSON.stringify(report, null, 2));
  console.log(JSON.stringify({ ...report, results: results.map(({ samples, ...rest }) => ({ ...rest, samples: samples.length })) }));
  return results.every((r) => r.missed === 0 && r.duplicated === 0 && r.connectFailures === 0) ? 0 : 1;
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

main().then(
  (code) => process.exit(code),
  (err) => {
    console.error(err);
    process.exit(1);
  },
);
