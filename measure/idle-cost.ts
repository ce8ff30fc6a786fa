/**
 * Idle cost in the page: with the panes connected and silent, two readings of the wire counters
 * a window apart give each transport's bytes and requests per connected client and minute.
 */
import { wireRatePerClient, type TransportId, type WireMetricsResponse } from '../protocol';
import type { IdleCostResult } from './cost-results';
import { sleepUntil } from './sleep-until';

export interface IdleCostDeps {
  readWire: () => Promise<WireMetricsResponse>;
  now: () => number;
  signal?: AbortSignal;
  /** Clients of each transport connected in the page (one per pane). */
  clients: Partial<Record<TransportId, number>>;
  pollIntervalMs: number;
}

/**
 * The idle window's bounds and default, seconds: long enough for one poll, short enough to stay a
 * demo. Here rather than in the page's section so the CLI (`--idle-seconds`) checks the same bounds.
 */
export const IDLE_SECONDS = { min: 1, max: 300, default: 10 };

/** Rounds to 0.1: more digits than a per-minute rate from a few seconds can carry. */
export const round1 = (x: number) => Math.round(x * 10) / 10;

/**
 * Measures for `durationMs` with no chat traffic (the caller makes sure nothing is sent).
 * @throws an AbortError when the signal aborts; an Error when the meter was reset meanwhile
 */
export async function runIdleCost(durationMs: number, deps: IdleCostDeps): Promise<IdleCostResult> {
  const startedAt = new Date().toISOString();
  const before = await deps.readWire();
  const started = deps.now();
  await sleepUntil(started + durationMs, deps.now, deps.signal);
  const elapsedMs = deps.now() - started;
  const after = await deps.readWire();
  if (after.since !== before.since) throw new Error('wire metrics were reset during the measurement');
  const rows = (Object.entries(deps.clients) as [TransportId, number][]).map(([transport, clients]) => {
    const rate = wireRatePerClient(before, after, transport, elapsedMs, clients);
    return {
      transport,
      clients,
      bytesInPerMin: round1(rate.bytesInPerMin),
      bytesOutPerMin: round1(rate.bytesOutPerMin),
      requestsPerMin: round1(rate.requestsPerMin),
    };
  });
  return { startedAt, requestedMs: durationMs, elapsedMs: Math.round(elapsedMs), pollIntervalMs: deps.pollIntervalMs, rows };
}
