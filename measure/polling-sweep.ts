/**
 * The polling sweep: for each interval, the page's polling client is recreated with it, measured
 * idle (bytes and requests per minute, and the real time between polls), then sends K messages to
 * a private room and times its own copies. Beside each measured mean sits the theory
 * `interval / 2 + measured GET events round trip`, for the chart to draw as a labelled line.
 */
import { wireRatePerClient, type WireMetricsResponse } from '../protocol';
import type { BenchClient } from './benchmark-runner';
import type { SweepPoint, SweepResult } from './cost-results';
import { round1 } from './idle-cost';
import { LatencyHistogram } from './latency-histogram';
import type { Sweep } from './scenario';
import { sleepUntil } from './sleep-until';

/** Sends at most this often (10/s): well inside the server's default rate limit of 20/s. */
export const SWEEP_MIN_GAP_MS = 100;
/** The idle window covers at least this many polling periods, and at least MIN_IDLE_MS. */
export const SWEEP_IDLE_PERIODS = 4;
export const SWEEP_MIN_IDLE_MS = 2000;

export interface PollingSweepDeps {
  readWire: () => Promise<WireMetricsResponse>;
  now: () => number;
  signal?: AbortSignal;
  /** Recreates the page's polling client with `intervalMs`; resolves once it is open. */
  setPollInterval: (intervalMs: number) => Promise<BenchClient>;
  /** Times the polling client's `GET events` requests (measure/request-timer.ts). */
  pollTimer: { reset(): void; samples(): number[]; starts(): number[] };
  onProgress?: (done: number, total: number) => void;
  runTag?: string;
}

/**
 * Time between sends: `cycle / K + m · cycle` with the smallest m ≥ 0 that keeps sends at least
 * `minGapMs` apart. Each send then lands 1/K of a poll cycle later in the cycle than the one
 * before, so K sends sample the whole cycle evenly (a fixed rate could hit the same phase every
 * time and measure anything from 0 to a whole period).
 * @param cycleMs measured mean time between poll starts
 * @param messages K
 * @param minGapMs smallest gap allowed by the rate limit
 */
export function sweepSendStep(cycleMs: number, messages: number, minGapMs: number): number {
  const base = cycleMs / messages;
  const m = base >= minGapMs ? 0 : Math.ceil((minGapMs - base) / cycleMs);
  return base + m * cycleMs;
}

const REF = /^s(\d+)$/;
const round3 = (x: number) => Math.round(x * 1000) / 1000;

function mean(values: number[]): number {
  return values.reduce((a, b) => a + b, 0) / values.length;
}

/** One interval: idle window, then K timed round trips. */
async function measureInterval(intervalMs: number, sweep: Sweep, deps: PollingSweepDeps, tag: string): Promise<SweepPoint> {
  const { now, signal } = deps;
  const client = await deps.setPollInterval(intervalMs);

  // Idle: the polling client is the only one in its bucket and sends nothing.
  const idleWindowMs = Math.max(SWEEP_IDLE_PERIODS * intervalMs, SWEEP_MIN_IDLE_MS);
  const before = await deps.readWire();
  deps.pollTimer.reset();
  const idleStart = now();
  await sleepUntil(idleStart + idleWindowMs, now, signal);
  const elapsed = now() - idleStart;
  const after = await deps.readWire();
  const rate = wireRatePerClient(before, after, 'polling', elapsed, 1);
  const starts = deps.pollTimer.starts();
  // Never the configured interval in place of a measured cycle: without two polls there is none.
  if (starts.length < 2) throw new Error(`The polling client polled ${starts.length} times in ${Math.round(elapsed)} ms at ${intervalMs} ms; no poll cycle to measure.`);
  const pollCycleMs = (starts.at(-1)! - starts[0]) / (starts.length - 1);

  // Round trips. Joining waits for the server's reply, which a poll brings.
  const room = `sweep-${tag}-${intervalMs}`;
  await client.join(room);
  const histogram = new LatencyHistogram();
  const intended: number[] = [];
  const seen = new Set<number>();
  const off = client.on('message', (event) => {
    const at = now();
    const seq = REF.exec(event.ref ?? '');
    if (event.room !== room || !seq) return;
    const i = Number(seq[1]);
    if (seen.has(i) || intended[i] === undefined) return;
    seen.add(i);
    histogram.record(at - intended[i]);
  });
  try {
    deps.pollTimer.reset();
    const step = sweepSendStep(pollCycleMs, sweep.messages, SWEEP_MIN_GAP_MS);
    // The join's reply came with a poll response, so now is just after a poll: sending at
    // (k + ½) / K of the cycle from here keeps every send clear of a poll boundary, where a send
    // could win or lose the race with the poll by chance (a send at exactly k/K = 1 loses a
    // whole cycle, and biases the mean up by cycle / 2K).
    const start = now() + pollCycleMs / (2 * sweep.messages);
    for (let i = 0; i < sweep.messages; i++) {
      intended[i] = start + i * step;
      await sleepUntil(intended[i], now, signal);
      client.send({ op: 'send', scope: 'room', room, text: `sweep ${intervalMs} ${i}`, ref: `s${i}`, includeSelf: true });
    }
    const deadline = now() + 3 * pollCycleMs + 2000;
    while (seen.size < sweep.messages && now() < deadline) await sleepUntil(now() + 20, now, signal);
  } finally {
    off();
    await client.leave(room).catch(() => undefined);
  }
  const summary = histogram.summary();
  const requestSamples = deps.pollTimer.samples();
  // The theory line needs a measured request round trip, never a 0 standing in for one.
  if (requestSamples.length === 0) throw new Error(`No GET events round trip was timed at ${intervalMs} ms; no theory to draw.`);
  const pollRequestMs = round3(mean(requestSamples));
  return {
    intervalMs,
    sent: intended.length,
    received: seen.size,
    meanMs: summary.meanMs,
    p50Ms: summary.p50Ms,
    pollRequestMs,
    pollCycleMs: round3(pollCycleMs),
    theoryMs: round3(intervalMs / 2 + pollRequestMs),
    bytesInPerMin: round1(rate.bytesInPerMin),
    bytesOutPerMin: round1(rate.bytesOutPerMin),
    requestsPerMin: round1(rate.requestsPerMin),
    idleWindowMs: Math.round(elapsed),
  };
}

/**
 * Runs the sweep over `sweep.intervalsMs`, in order. The caller restores the polling client's
 * own interval afterwards.
 * @throws an AbortError when the signal aborts
 */
export async function runPollingSweep(sweep: Sweep, deps: PollingSweepDeps): Promise<SweepResult> {
  const startedAt = new Date().toISOString();
  const tag = deps.runTag ?? Math.random().toString(36).slice(2, 8);
  const points: SweepPoint[] = [];
  for (const [index, intervalMs] of sweep.intervalsMs.entries()) {
    points.push(await measureInterval(intervalMs, sweep, deps, tag));
    deps.onProgress?.(index + 1, sweep.intervalsMs.length);
  }
  return { startedAt, messages: sweep.messages, points };
}
