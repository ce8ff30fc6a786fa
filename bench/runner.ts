/**
 * Runs every workload on every transport against the Lab and its bare twin, interleaved: in
 * each round, each measurement runs once on both sides back to back, Lab first in even rounds
 * and bare first in odd ones (ABBA across rounds), so drift on a shared machine (other jobs,
 * thermal, GC) falls on both sides alike and each round yields a paired ratio.
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
  /** p50 round trip, ms, with `lab` = meter on and `bare` = the same Lab with the meter off. */
  meter: Pair<number>[];
}

/** Runs `a` then `b`, or `b` then `a`, and returns both results in a fixed order. */
async function paired<T>(labFirst: boolean, lab: () => Promise<T>, bare: () => Promise<T>): Promise<Pair<T>> {
  if (labFirst) {
    const l = await lab();
    return { lab: l, bare: await bare() };
  }
  const b = await bare();
  return { lab: await lab(), bare: b };
}

async function roundTripStats(target: Target, messages: number): Promise<RoundTripStats> {
  const samples = await roundTrip(target, messages);
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
): Promise<Record<string, TransportRounds>> {
  const results: Partial<Record<TransportId, TransportRounds>> = {};
  const target = (transport: TransportId, url: string): Target => ({ transport, url, pollIntervalMs: options.pollIntervalMs });
  for (let round = 0; round < options.rounds; round++) {
    const labFirst = round % 2 === 0;
    for (const transport of options.transports) {
      const lab = target(transport, urls.lab);
      const bare = target(transport, urls.bare[transport]!);
      const noMeter = target(transport, urls.labNoMeter);
      const rounds = (results[transport] ??= { roundTrip: [], throughput: [], fanOut: [], meter: [] });
      const step = (what: string) => progress(`round ${round + 1}/${options.rounds} ${transport}: ${what} (${labFirst ? 'Lab first' : 'bare first'})`);

      step(`round trip × ${options.messages}`);
      rounds.roundTrip.push(await paired(labFirst, () => roundTripStats(lab, options.messages), () => roundTripStats(bare, options.messages)));
      step(`throughput × ${options.throughputMessages}, window ${options.window}`);
      rounds.throughput.push(
        await paired(labFirst, () => throughput(lab, options.throughputMessages, options.window), () => throughput(bare, options.throughputMessages, options.window)),
      );
      step(`fan-out to ${options.fanoutClients} × ${options.broadcasts}`);
      const fan = await paired(labFirst, () => fanOut(lab, options.fanoutClients, options.broadcasts), () => fanOut(bare, options.fanoutClients, options.broadcasts));
      rounds.fanOut.push({ lab: median(fan.lab), bare: median(fan.bare) });
      step(`wire meter on/off, round trip × ${options.meterMessages}`);
      const meter = await paired(labFirst, () => roundTripStats(lab, options.meterMessages), () => roundTripStats(noMeter, options.meterMessages));
      rounds.meter.push({ lab: meter.lab.p50, bare: meter.bare.p50 });
    }
  }
  return results;
}
