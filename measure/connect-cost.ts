/**
 * Connect cost in the page: for each transport in turn, a fresh client outside the panes connects
 * and is timed until its welcome; its bucket's bytes and requests over that window are the cost.
 * The pane's own client of that transport stays connected and idle meanwhile, so its idle rate is
 * measured first, just before, and reported beside the cost (never subtracted from it).
 */
import { measureConnectCost, wireRatePerClient, type TransportId, type WireMetricsResponse } from '../protocol';
import type { ConnectCostResult, ConnectCostRow } from './cost-results';
import { round1 } from './idle-cost';
import { sleepUntil } from './sleep-until';

/** A fresh client; `open` resolves once its welcome arrived. */
/** Idle window the page measures on each bucket before its connect (the CLI budgets time by it). */
export const CONNECT_IDLE_WINDOW_MS = 1500;

export interface ProbeClient {
  close(): void;
}

export interface ConnectCostDeps {
  readWire: () => Promise<WireMetricsResponse>;
  now: () => number;
  signal?: AbortSignal;
  transports: readonly TransportId[];
  /** Opens a fresh client of `transport` in `ns`; resolves at its welcome, rejects on failure. */
  openProbe: (transport: TransportId, ns: string) => Promise<ProbeClient>;
  ns: string;
  /** Length of the idle window measured before each connect. */
  idleWindowMs: number;
  pollIntervalMs: number;
  onProgress?: (done: number, total: number) => void;
}

/**
 * Measures every transport's connect, one after another.
 * @throws an AbortError when the signal aborts; the probe's error when a connect fails
 */
export async function runConnectCost(deps: ConnectCostDeps): Promise<ConnectCostResult> {
  const startedAt = new Date().toISOString();
  const rows: ConnectCostRow[] = [];
  for (const [index, transport] of deps.transports.entries()) {
    const before = await deps.readWire();
    const started = deps.now();
    await sleepUntil(started + deps.idleWindowMs, deps.now, deps.signal);
    const elapsed = deps.now() - started;
    const after = await deps.readWire();
    // The whole bucket per second (its one idle pane client), not per client.
    const idle = wireRatePerClient(before, after, transport, elapsed, 1);
    let probe: ProbeClient | undefined;
    try {
      const cost = await measureConnectCost(deps.readWire, transport, async () => {
        probe = await deps.openProbe(transport, deps.ns);
      });
      rows.push({
        transport,
        ...cost,
        ms: Math.round(cost.ms * 1000) / 1000,
        idleBytesInPerSec: round1(idle.bytesInPerMin / 60),
        idleBytesOutPerSec: round1(idle.bytesOutPerMin / 60),
        idleRequestsPerSec: Math.round((idle.requestsPerMin / 60) * 100) / 100,
        idleWindowMs: Math.round(elapsed),
      });
    } finally {
      probe?.close();
    }
    deps.onProgress?.(index + 1, deps.transports.length);
  }
  return { startedAt, ns: deps.ns, pollIntervalMs: deps.pollIntervalMs, rows };
}
