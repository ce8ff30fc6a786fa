/**
 * Turns per-round pairs into the JSON the bench prints: per transport and workload the rounds
 * (Lab, bare, Lab/bare), the median of each side, the median ratio with its spread, and one
 * pass/fail line per target. Targets are reported, never asserted: timings are not tests.
 */
import os from 'node:os';
import type { Placement } from './cpu-pinning';
import type { BenchOptions } from './options';
import type { Pair, TransportRounds } from './runner';
import { median, round, spread, type Spread } from './stats';

/** The goals this benchmark is read against (Lab/bare ratios of the round medians). */
export const TARGETS = {
  roundTripP50: { max: 1.1 },
  roundTripP99: { max: 1.5 },
  throughput: { min: 0.8 },
  fanOut: { max: 1.3 },
  meterP50: { max: 1.05 },
  inspectorP50: { max: 1.05 },
} as const;

/** One workload's figures: rounds, each side's median, the ratio's median and spread. */
export interface PairedFigures {
  rounds: { lab: number; bare: number; ratio: number }[];
  lab: number;
  bare: number;
  ratio: Spread;
}

/** One target checked on one transport. */
export interface TargetResult {
  transport: string;
  target: keyof typeof TARGETS;
  ratio: number;
  limit: string;
  pass: boolean;
  line: string;
}

export interface BenchReport {
  meta: Record<string, unknown>;
  results: Record<string, Record<'roundTripP50Ms' | 'roundTripP99Ms' | 'throughputPerSec' | 'fanOutMs' | 'meterP50Ms' | 'inspectorP50Ms' | 'cpuMicrosPerRoundTrip' | 'cpuMicrosPerMessage', PairedFigures>>;
  targets: TargetResult[];
  passed: number;
  failed: number;
  /** Fan-out spread over two nodes on Redis vs all on one, per transport (no target: reported). */
  clusterFanOut?: Record<string, { oneNodeMs: number; twoNodesMs: number; ratio: { median: number; min: number; max: number; n: number } }>;
}

function figures(pairs: Pair<number>[]): PairedFigures {
  const rounds = pairs.map((p) => ({ lab: round(p.lab), bare: round(p.bare), ratio: round(p.lab / p.bare) }));
  const ratio = spread(pairs.map((p) => p.lab / p.bare));
  return {
    rounds,
    lab: round(median(pairs.map((p) => p.lab))),
    bare: round(median(pairs.map((p) => p.bare))),
    ratio: { median: round(ratio.median), min: round(ratio.min), max: round(ratio.max), n: ratio.n },
  };
}

function check(transport: string, target: keyof typeof TARGETS, ratio: number): TargetResult {
  const goal: { max?: number; min?: number } = TARGETS[target];
  const pass = goal.max !== undefined ? ratio <= goal.max : ratio >= goal.min!;
  const limit = goal.max !== undefined ? `≤ ${goal.max}×` : `≥ ${goal.min}×`;
  return { transport, target, ratio, limit, pass, line: `${pass ? 'PASS' : 'FAIL'} ${transport} ${target}: ${ratio}× (target ${limit})` };
}

/**
 * Builds the report.
 * @param startedAt when the run began (ISO date in `meta`)
 */
export function buildReport(
  options: BenchOptions,
  raw: Record<string, TransportRounds>,
  startedAt: Date,
  durationMs: number,
  placement: Placement = { pinned: false, reason: 'not asked' },
): BenchReport {
  const results: BenchReport['results'] = {};
  const targets: TargetResult[] = [];
  for (const [transport, r] of Object.entries(raw)) {
    const entry = {
      roundTripP50Ms: figures(r.roundTrip.map((p) => ({ lab: p.lab.p50, bare: p.bare.p50 }))),
      roundTripP99Ms: figures(r.roundTrip.map((p) => ({ lab: p.lab.p99, bare: p.bare.p99 }))),
      throughputPerSec: figures(r.throughput),
      fanOutMs: figures(r.fanOut),
      meterP50Ms: figures(r.meter),
      inspectorP50Ms: figures(r.inspector),
      // Not a target: the absolute cost beside the ratios, steadier than a ratio of 50 µs round trips.
      cpuMicrosPerRoundTrip: figures(r.cpu),
      cpuMicrosPerMessage: figures(r.cpuThroughput),
    };
    results[transport] = entry;
    targets.push(
      check(transport, 'roundTripP50', entry.roundTripP50Ms.ratio.median),
      check(transport, 'roundTripP99', entry.roundTripP99Ms.ratio.median),
      check(transport, 'throughput', entry.throughputPerSec.ratio.median),
      check(transport, 'fanOut', entry.fanOutMs.ratio.median),
      check(transport, 'meterP50', entry.meterP50Ms.ratio.median),
      check(transport, 'inspectorP50', entry.inspectorP50Ms.ratio.median),
    );
  }
  const { json: _json, ...settings } = options;
  return {
    meta: {
      date: startedAt.toISOString(),
      durationSec: round(durationMs / 1000, 1),
      node: process.version,
      cpus: os.cpus().length,
      loadAverage: os.loadavg().map((l) => round(l, 2)),
      settings,
      placement,
      warmup: options.warmup
        ? `every workload unmeasured on every server first, ${options.warmupMessages} messages through each (JIT, TCP windows, library buffers)`
        : 'none',
      clock: 'process.hrtime.bigint() in the client process; servers run in two child processes, the Lab side and the bare side',
      server: options.fromSource ? 'the TypeScript sources through tsx (--from-source)' : 'the compiled dist/ (npm run build), NODE_ENV=production',
      cpu: 'each side\'s server process CPU time (process.cpuUsage, user + system, µs): cpuMicrosPerRoundTrip over the round-trip measurement per round trip, cpuMicrosPerMessage over the throughput measurement per message sent (its ack and its copy to the receiver included); both include the measurement\'s own client connects',
      percentiles: 'exact, nearest rank on sorted arrays of every sample (no histogram)',
      interleaving: 'the sides take turns within each measurement: round trips and broadcasts one by one, throughput block by block, ABBA order',
      ratio: 'Lab / bare per round; median and min–max over rounds. meterP50Ms: "lab" = meter and inspector on, "bare" = meter off; inspectorP50Ms: "lab" = inspector on, "bare" = inspector off, meter on in both',
    },
    results,
    targets,
    passed: targets.filter((t) => t.pass).length,
    failed: targets.filter((t) => !t.pass).length,
  };
}
