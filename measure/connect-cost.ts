/**
 * Connect cost in the page: for each lane in turn, a fresh client outside the panes connects
 * and is timed until its welcome; its bucket's bytes and requests over that window are the cost.
 * The pane's own client of that lane stays connected and idle meanwhile, so its idle rate is
 * measured first, just before, and reported beside the cost (never subtracted from it).
 *
 * With the wire inspector on, each fresh client is kept a moment past its welcome and its units
 * are read from the inspector's log: the negotiation timeline (SockJS's `/info`, Socket.IO's
 * handshake, probe and switch, the 101, polling's first beats), exported with the row.
 */
import { measureConnectCost, wireRatePerClient, type LaneId, type WireLogPage, type WireMetricsResponse } from '../protocol';
import { recordsOfClient } from './client-records';
import type { ConnectCostResult, ConnectCostRow } from './cost-results';
import { round1 } from './idle-cost';
import { negotiationMarks } from './negotiation-marks';
import { sleepUntil } from './sleep-until';
import { endOfLog, readWholeLog } from './wire-log-reader';

/** Idle window the page measures on each bucket before its connect (the CLI budgets time by it). */
export const CONNECT_IDLE_WINDOW_MS = 1500;

/**
 * How long a fresh client stays connected past its welcome for its timeline: Socket.IO's upgrade
 * probe and switch come after the welcome, and polling's first beat after one interval. Not part
 * of the connect's bytes (those stop at the welcome).
 */
export const CONNECT_TAIL_MS = 1000;

/** A fresh client, open (its welcome arrived). */
export interface ProbeClient {
  /** Its chat client id, to pick its units out of the inspector's log. */
  readonly id?: string;
  close(): void;
}

export interface ConnectCostDeps {
  readWire: () => Promise<WireMetricsResponse>;
  now: () => number;
  signal?: AbortSignal;
  /** The lanes to measure, in order. */
  transports: readonly LaneId[];
  /** Opens a fresh client of `lane` in `ns`; resolves at its welcome, rejects on failure. */
  openProbe: (lane: LaneId, ns: string) => Promise<ProbeClient>;
  /** Reads the wire inspector's log of one lane from `since` (`GET /api/wire/log`); without it, no timelines. */
  readWireLog?: (since: number, lane: LaneId) => Promise<WireLogPage | undefined>;
  /** Time a fresh client stays past its welcome for its timeline (default CONNECT_TAIL_MS). */
  tailMs?: number;
  ns: string;
  /** Length of the idle window measured before each connect. */
  idleWindowMs: number;
  pollIntervalMs: number;
  onProgress?: (done: number, total: number) => void;
}

/**
 * Measures every lane's connect, one after another.
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
      const fromLog = deps.readWireLog ? (since: number) => deps.readWireLog!(since, transport) : undefined;
      const logStart = fromLog ? await endOfLog(fromLog) : undefined;
      const cost = await measureConnectCost(deps.readWire, transport, async () => {
        probe = await deps.openProbe(transport, deps.ns);
      });
      let timeline: ConnectCostRow['timeline'] = null;
      if (fromLog && logStart) {
        await sleepUntil(deps.now() + (deps.tailMs ?? CONNECT_TAIL_MS), deps.now, deps.signal);
        const log = await readWholeLog(fromLog, logStart.next);
        if (log) timeline = negotiationMarks(recordsOfClient(log.records, probe?.id));
      }
      rows.push({
        transport,
        ...cost,
        ms: Math.round(cost.ms * 1000) / 1000,
        idleBytesInPerSec: round1(idle.bytesInPerMin / 60),
        idleBytesOutPerSec: round1(idle.bytesOutPerMin / 60),
        idleRequestsPerSec: Math.round((idle.requestsPerMin / 60) * 100) / 100,
        idleWindowMs: Math.round(elapsed),
        timeline,
      });
    } finally {
      probe?.close();
    }
    deps.onProgress?.(index + 1, deps.transports.length);
  }
  return { startedAt, ns: deps.ns, pollIntervalMs: deps.pollIntervalMs, rows };
}
