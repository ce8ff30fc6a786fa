/**
 * Runs every workload on every transport against the Lab and its bare twin, interleaved: within
 * each measurement the two sides take turns message by message (throughput: block by block),
 * in ABBA order, so drift on a shared machine (other jobs, GC, CPU frequency) falls on both
 * alike, and each round yields a paired ratio. Why so fine-grained: run one side after the
 * other, the same server's p50 moved by 40 % between two measurements a second apart, more
 * than the difference being measured.
 */
import type { TransportId } from '../protocol';
import type { Target } from './clients';
import type { BenchOptions } from './options';
import type { ServerUrls } from './server-host';
import { median, percentile } from './stats';
import { fanOut, roundTrip, throughput } from './workloads';

/** One round's pair of values: the Lab's and the other side's. */
export interface Pair<T> {
  lab: T;
  bare: T;
}

/** Round-trip percentiles of one measurement, ms. */
export interface RoundTripStats {
  p50: number;
  p99: number;
}

/** Everything measured for one transport, one entry per round. */
export interface TransportRounds {
  roundTrip: Pair<RoundTripStats>[];
  /** Messages received per second. */
  throughput: Pair<number>[];
  /** Median time to the last receiver, ms. */
  fanOut: Pair<number>[];
  /** p50 round trip, ms, with `lab` = meter (and inspector) on and `bare` = the same Lab with the meter off. */
  meter: Pair<number>[];
  /** p50 round trip, ms, with `lab` = inspector on and `bare` = the same Lab with the inspector off (meter on in both). */
  inspector: Pair<number>[];
  /** Server CPU time (user + system) per round trip, µs, over the round-trip measurement. */
  cpu: Pair<number>[];
  /** Server CPU time per message, µs, over the throughput measurement (more messages: finer than per round trip). */
  cpuThroughput: Pair<number>[];
}

/** Reads each side's server process CPU time so far, µs. */
export interface CpuCounters {
  lab(): Promise<number>;
  bare(): Promise<number>;
}

function stats(samples: number[]): RoundTripStats {
  return { p50: percentile(samples, 50), p99: percentile(samples, 99) };
}

/**
 * Runs the whole benchmark against servers already listening.
 * @param progress told what is about to run (for stderr)
 */
export async function runRounds(
  options: BenchOptions,
  urls: ServerUrls,
  progress: (line: string) => void,
  cpu: CpuCounters,
): Promise<Record<string, TransportRounds>> {
  const results: Partial<Record<TransportId, TransportRounds>> = {};
  const target = (transport: TransportId, url: string): Target => ({ transport, url, pollIntervalMs: options.pollIntervalMs });
  // Why an unmeasured warm-up: the first round ran 2–3× slower than the next ones (JIT, the
  // libraries' first buffers), on one side more than the other, so its ratio said nothing.
  if (options.warmup) await warmUp(options, urls, target, progress);
  for (let round = 0; round < options.rounds; round++) {
    for (const transport of options.transports) {
      const lab = target(transport, urls.lab);
      const bare = target(transport, urls.bare[transport]!);
      const noMeter = target(transport, urls.labNoMeter);
      const noInspector = target(transport, urls.labNoInspector);
      const rounds = (results[transport] ??= { roundTrip: [], throughput: [], fanOut: [], meter: [], inspector: [], cpu: [], cpuThroughput: [] });
      const step = (what: string) => progress(`round ${round + 1}/${options.rounds} ${transport}: ${what}, Lab and bare taking turns`);

      step(`round trip × ${options.messages}`);
      // Each side's process does nothing else meanwhile: the other Labs of the Lab host sit idle.
      const cpuBefore = { lab: await cpu.lab(), bare: await cpu.bare() };
      const [labTrips, bareTrips] = await roundTrip([lab, bare], options.messages);
      const cpuAfter = { lab: await cpu.lab(), bare: await cpu.bare() };
      rounds.roundTrip.push({ lab: stats(labTrips), bare: stats(bareTrips) });
      rounds.cpu.push({ lab: (cpuAfter.lab - cpuBefore.lab) / labTrips.length, bare: (cpuAfter.bare - cpuBefore.bare) / bareTrips.length });
      step(`throughput × ${options.throughputMessages}, window ${options.window}`);
      const cpuBeforeThroughput = { lab: await cpu.lab(), bare: await cpu.bare() };
      const [labRate, bareRate] = await throughput([lab, bare], options.throughputMessages, options.window);
      const cpuAfterThroughput = { lab: await cpu.lab(), bare: await cpu.bare() };
      rounds.throughput.push({ lab: labRate, bare: bareRate });
      rounds.cpuThroughput.push({
        lab: (cpuAfterThroughput.lab - cpuBeforeThroughput.lab) / options.throughputMessages,
        bare: (cpuAfterThroughput.bare - cpuBeforeThroughput.bare) / options.throughputMessages,
      });
      step(`fan-out to ${options.fanoutClients} × ${options.broadcasts}`);
      const [labFan, bareFan] = await fanOut([lab, bare], options.fanoutClients, options.broadcasts);
      rounds.fanOut.push({ lab: median(labFan), bare: median(bareFan) });
      step(`wire meter on/off, round trip × ${options.meterMessages}`);
      const [metered, unmetered] = await roundTrip([lab, noMeter], options.meterMessages);
      rounds.meter.push({ lab: stats(metered).p50, bare: stats(unmetered).p50 });
      step(`wire inspector on/off, round trip × ${options.meterMessages}`);
      const [inspected, uninspected] = await roundTrip([lab, noInspector], options.meterMessages);
      rounds.inspector.push({ lab: stats(inspected).p50, bare: stats(uninspected).p50 });
    }
  }
  return results;
}

/** Receivers of the warm-up's one broadcast. */
const WARMUP_RECEIVERS = 20;

/** Runs every workload once, short, on every server of the run; nothing is kept. */
async function warmUp(options: BenchOptions, urls: ServerUrls, target: (t: TransportId, url: string) => Target, progress: (line: string) => void): Promise<void> {
  for (const transport of options.transports) {
    progress(`warm-up ${transport} (not measured)`);
    const all = [urls.lab, urls.bare[transport]!, urls.labNoMeter, urls.labNoInspector].map((url) => target(transport, url));
    await roundTrip(all, Math.min(options.messages, 200));
    // Pipelined: the many messages steady state needs (see bench/options.ts) take seconds this way.
    await throughput(all, options.warmupMessages, options.window);
    // A few receivers warm the broadcast path as well as 100 do, and connect in a fraction of the time.
    await fanOut(all, Math.min(options.fanoutClients, WARMUP_RECEIVERS), 1);
  }
}
