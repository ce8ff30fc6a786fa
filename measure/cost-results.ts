/**
 * What the Compare view's cost measurements produce — idle cost, connect cost and the polling
 * sweep — as plain data beside BenchmarkResult, so they render and export the same way.
 */
import type { LaneId, TransportId } from '../protocol';
import type { NegotiationMark } from './negotiation-marks';

/** One transport's traffic per connected client and minute with no chat traffic. */
export interface IdleCostRow {
  transport: TransportId;
  /** Clients of this transport connected in the page during the window. */
  clients: number;
  bytesInPerMin: number;
  bytesOutPerMin: number;
  /** HTTP requests and WebSocket upgrades per minute. */
  requestsPerMin: number;
}

/** An idle-cost measurement. */
export interface IdleCostResult {
  startedAt: string;
  /** The window asked for, and the one measured on the page clock between the two readings. */
  requestedMs: number;
  elapsedMs: number;
  /** The polling client's interval during the window. */
  pollIntervalMs: number;
  rows: IdleCostRow[];
}

/** One fresh client's connect, with its bucket's idle rate measured just before. */
export interface ConnectCostRow {
  /** The lane (a transport, or one of its library's variants). */
  transport: LaneId;
  /** Bytes of the transport's bucket from the start of the connect until the welcome. */
  bytesIn: number;
  bytesOut: number;
  /** HTTP requests and upgrades in that window. */
  requests: number;
  /** Page clock, connect call → welcome. */
  ms: number;
  /**
   * The bucket's own rate just before, with only the pane's idle client of this transport on it:
   * its traffic also falls in the connect window and is NOT subtracted.
   */
  idleBytesInPerSec: number;
  idleBytesOutPerSec: number;
  idleRequestsPerSec: number;
  idleWindowMs: number;
  /**
   * The client's units from its first request until CONNECT_TAIL_MS past its welcome, from the
   * wire inspector; null when the server runs without it.
   */
  timeline: NegotiationMark[] | null;
}

/** A connect-cost measurement. */
export interface ConnectCostResult {
  startedAt: string;
  /** Namespace the fresh clients joined (not the panes', so the panes get no presence notice). */
  ns: string;
  pollIntervalMs: number;
  rows: ConnectCostRow[];
}

/** One polling interval of the sweep: measured latency, the theory beside it, idle traffic. */
export interface SweepPoint {
  intervalMs: number;
  sent: number;
  received: number;
  /** Round trip from the intended send time, over the received messages. */
  meanMs: number;
  p50Ms: number;
  /** Mean `GET events` round trip while the messages were sent. */
  pollRequestMs: number;
  /** Mean time between poll starts, measured in the idle window (interval + request + timer). */
  pollCycleMs: number;
  /** Theory: mean delay ≈ interval / 2 + `pollRequestMs` (measured). */
  theoryMs: number;
  /** The polling client alone, idle: per minute. */
  bytesInPerMin: number;
  bytesOutPerMin: number;
  requestsPerMin: number;
  idleWindowMs: number;
}

/** A polling sweep. */
export interface SweepResult {
  startedAt: string;
  messages: number;
  points: SweepPoint[];
}
