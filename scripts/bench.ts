/**
 * `npm run bench`: how much the Lab's server adds over a bare server of the same library.
 * Progress and pass/fail lines on stderr, the JSON report on stdout (and to --json FILE).
 * Exit codes (scripts/cli-numbers.ts): 0 done (targets are reported, not enforced), 1 error, 2 global timeout.
 */
import { writeFileSync } from 'node:fs';
import { parseBenchArgs, USAGE, type BenchOptions } from '../bench/options';
import { buildReport, type BenchReport } from '../bench/report';
import { runRounds } from '../bench/runner';
import { startServerHost, type ServerHost } from '../bench/servers';
import { pinProcess, planPlacement, type Placement } from '../bench/cpu-pinning';

/**
 * Runs a whole benchmark: starts the servers, runs the rounds, stops the servers.
 * @param log where progress goes (stderr in the CLI; tests pass a no-op)
 */
export async function runBench(options: BenchOptions, log: (line: string) => void = () => undefined): Promise<BenchReport> {
  const startedAt = new Date();
  const host: ServerHost = await startServerHost({ transports: options.transports, pollIntervalMs: options.pollIntervalMs });
  try {
    log(`servers up: Lab ${host.urls.lab}, Lab without meter ${host.urls.labNoMeter}, bare ${JSON.stringify(host.urls.bare)}`);
    const placement = options.pin ? place(host.pid) : { pinned: false, reason: '--no-pin' };
    log(placement.pinned ? `pinned: servers on CPU ${placement.serverCpus}, clients on CPU ${placement.clientCpus}` : `not pinned: ${placement.reason}`);
    const raw = await runRounds(options, host.urls, log);
    return buildReport(options, raw, startedAt, Date.now() - startedAt.getTime(), placement);
  } finally {
    await host.stop();
  }
}

/** Pins the server host and this process (the clients) to separate CPUs, when the machine allows. */
function place(serverPid: number): Placement {
  const plan = planPlacement();
  if (!plan.pinned) return plan;
  if (pinProcess(serverPid, plan.serverCpus!) && pinProcess(process.pid, plan.clientCpus!)) return plan;
  return { pinned: false, reason: 'taskset missing or refused' };
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
