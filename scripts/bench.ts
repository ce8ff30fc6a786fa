/**
 * `npm run bench`: how much the Lab's server adds over a bare server of the same library.
 * Progress and pass/fail lines on stderr, the JSON report on stdout (and to --json FILE).
 * Exit codes (scripts/cli-numbers.ts): 0 done (targets are reported, not enforced), 1 error, 2 global timeout.
 */
import { writeFileSync } from 'node:fs';
import { parseBenchArgs, USAGE, type BenchOptions } from '../bench/options';
import { buildReport, type BenchReport } from '../bench/report';
import { runRounds } from '../bench/runner';
import { measureClusterFanOut, type ClusterFanOutRow } from '../bench/cluster-fanout';
import { median } from '../bench/stats';
import { startServerHosts, type ServerHosts } from '../bench/servers';
import { pinProcess, planPlacement, type Placement } from '../bench/cpu-pinning';

/**
 * Runs a whole benchmark: starts the servers, runs the rounds, stops the servers.
 * @param log where progress goes (stderr in the CLI; tests pass a no-op)
 */
export async function runBench(options: BenchOptions, log: (line: string) => void = () => undefined): Promise<BenchReport> {
  const startedAt = new Date();
  const servers: ServerHosts = await startServerHosts(options.transports, options.pollIntervalMs, options.fromSource);
  let report: BenchReport;
  try {
    const { urls } = servers;
    log(`servers up (${options.fromSource ? 'from the sources, through tsx' : 'compiled, dist/'}): Lab ${urls.lab}, Lab without meter ${urls.labNoMeter}, bare ${JSON.stringify(urls.bare)}`);
    const placement = options.pin ? place([servers.hosts.lab.pid, servers.hosts.bare.pid]) : { pinned: false, reason: '--no-pin' };
    log(placement.pinned ? `pinned: servers on CPU ${placement.serverCpus}, clients on CPU ${placement.clientCpus}` : `not pinned: ${placement.reason}`);
    const cpu = { lab: () => servers.hosts.lab.cpuMicros(), bare: () => servers.hosts.bare.cpuMicros() };
    const raw = await runRounds(options, urls, log, cpu);
    report = buildReport(options, raw, startedAt, Date.now() - startedAt.getTime(), placement);
  } finally {
    await servers.stop();
  }
  // After the main rounds, with their servers gone: this row starts processes of its own.
  if (!options.cluster) return report;
  return { ...report, clusterFanOut: clusterRows(await measureClusterFanOut(options, log)) };
}

/** The cluster row per transport: medians over the rounds and the ratio's spread. */
function clusterRows(rows: Record<string, ClusterFanOutRow>): NonNullable<BenchReport['clusterFanOut']> {
  const r2 = (x: number) => Math.round(x * 100) / 100;
  return Object.fromEntries(
    Object.entries(rows).map(([transport, row]) => [
      transport,
      {
        oneNodeMs: r2(median(row.oneNodeMs)),
        twoNodesMs: r2(median(row.twoNodesMs)),
        ratio: { median: r2(median(row.ratios)), min: r2(Math.min(...row.ratios)), max: r2(Math.max(...row.ratios)), n: row.ratios.length },
      },
    ]),
  );
}

/** The cluster row as lines for stderr. */
export function clusterLines(report: BenchReport): string[] {
  return Object.entries(report.clusterFanOut ?? {}).map(
    ([transport, c]) =>
      `cluster ${transport} fan-out to the last receiver: 2 nodes on Redis ${c.twoNodesMs} ms vs 1 node ${c.oneNodeMs} ms = ${c.ratio.median}× (rounds ${c.ratio.min}–${c.ratio.max}, n=${c.ratio.n}; reported, no target)`,
  );
}

/** Pins the server hosts and this process (the clients) to separate CPUs, when the machine allows. */
function place(serverPids: number[]): Placement {
  const plan = planPlacement();
  if (!plan.pinned) return plan;
  if (serverPids.every((pid) => pinProcess(pid, plan.serverCpus!)) && pinProcess(process.pid, plan.clientCpus!)) return plan;
  return { pinned: false, reason: 'taskset missing or refused' };
}

/** Each transport's server CPU per round trip, both sides, with the ratio's spread over the rounds. */
export function cpuLines(report: BenchReport): string[] {
  return Object.entries(report.results).map(([transport, r]) => {
    const c = r.cpuMicrosPerRoundTrip;
    const m = r.cpuMicrosPerMessage;
    return (
      `CPU ${transport}: Lab ${m.lab} µs/message, bare ${m.bare} µs (${m.ratio.median}×, rounds ${m.ratio.min}–${m.ratio.max}×) in throughput; ` +
      `Lab ${c.lab} µs/round trip, bare ${c.bare} µs (${c.ratio.median}×, rounds ${c.ratio.min}–${c.ratio.max}×)`
    );
  });
}

async function main(): Promise<number> {
  let options: BenchOptions | 'help';
  try {
    options = parseBenchArgs(process.argv.slice(2));
  } catch (err) {
    process.stderr.write(`${(err as Error).message}\n\n${USAGE}`);
    return 1;
  }
  if (options === 'help') {
    process.stdout.write(USAGE);
    return 0;
  }
  // Bounded in time whatever happens: a stuck run must fail, not hang a CI job.
  const deadline = setTimeout(() => {
    process.stderr.write(`bench: timed out after ${(options as BenchOptions).timeoutSec} s\n`);
    process.exit(2);
  }, options.timeoutSec * 1000);
  deadline.unref();
  const log = (line: string) => process.stderr.write(`[bench ${new Date().toISOString().slice(11, 19)}] ${line}\n`);
  const report = await runBench(options, log);
  for (const target of report.targets) process.stderr.write(`${target.line}\n`);
  for (const line of cpuLines(report)) process.stderr.write(`${line}\n`);
  for (const line of clusterLines(report)) process.stderr.write(`${line}\n`);
  const json = JSON.stringify(report, null, 2);
  if (options.json) writeFileSync(options.json, `${json}\n`);
  process.stdout.write(`${json}\n`);
  return 0;
}

if (require.main === module) {
  main().then(
    (code) => process.exit(code),
    (err: Error) => {
      process.stderr.write(`bench failed: ${err.stack ?? err.message}\n`);
      process.exit(1);
    },
  );
}
