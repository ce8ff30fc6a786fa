/**
 * What one benchmark run produced: plain data (no classes), so it renders, exports to JSON/CSV
 * and compares across runs without conversion. Times in ms (µs resolution), bytes in bytes.
 */
import type { LaneId, WireLayerBytes } from '../protocol';
import type { CdfPoint, LatencySummary } from './latency-histogram';
import type { Scenario } from './scenario';

/** One transport's share of the server's wire counters during its phase, per message sent. */
export interface WireCost {
  bytesIn: number;
  bytesOut: number;
  requests: number;
  /** Rounded to 0.01. */
  bytesInPerMessage: number;
  bytesOutPerMessage: number;
  requestsPerMessage: number;
  /**
   * True in isolate mode: only this transport sent during the phase. False side by side: the
   * bucket then also holds the copies of the other senders' messages this transport received.
   */
  exact: boolean;
  /**
   * The same bytes split into payload / framing / http / keepalive (from the `layers` of
   * `GET /api/metrics/wire`); per direction they add up to `bytesIn` / `bytesOut`. Null when the
   * server sent no layer split.
   */
  layers: WireLayerCost | null;
}

/** One transport's bytes per layer and direction during its phase: totals and per message. */
export interface WireLayerCost {
  /** Client → server bytes per layer (add up to `bytesIn`). */
  in: WireLayerBytes;
  /** Server → client bytes per layer (add up to `bytesOut`). */
  out: WireLayerBytes;
  /** The same divided by the messages sent, rounded to 0.01. */
  inPerMessage: WireLayerBytes;
  outPerMessage: WireLayerBytes;
  /** Requests counted whole as keepalive (empty polls), and per message. */
  keepaliveRequests: number;
  keepaliveRequestsPerMessage: number;
}

/** A round-trip sample over time (for the latency-over-time chart). */
export interface TimelinePoint {
  seq: number;
  /** Intended send time, ms after the run started. */
  atMs: number;
  latencyMs: number;
}

/** Everything measured about one sending transport. */
export interface SenderResult {
  transport: LaneId;
  sent: number;
  /** The sender's own copy: intended send time → receipt (corrected for coordinated omission). */
  roundTrip: LatencySummary;
  /** The same, from the moment the send actually happened. */
  roundTripRaw: LatencySummary;
  /** Distribution of `roundTrip`. */
  cdf: CdfPoint[];
  timeline: TimelinePoint[];
  /** One-way latency to each other pane, from the intended send time. */
  fanout: Partial<Record<LaneId, LatencySummary>>;
  /** Server time from reading the frame to handing the event to the transports (`serverMicros`). */
  server: LatencySummary;
  wire: WireCost;
}

/** What one receiving transport got, from every sender it listened to. */
export interface ReceiverResult {
  transport: LaneId;
  delivered: number;
  expected: number;
  /** One-way latency of messages from the OTHER panes, from their intended send times. */
  fanout: LatencySummary;
}

/** A whole run. */
export interface BenchmarkResult {
  scenario: Scenario;
  /** ISO time the run started. */
  startedAt: string;
  durationMs: number;
  senders: SenderResult[];
  receivers: ReceiverResult[];
  /** Round trip of the polling pane's `GET events` requests during the run; null without polling. */
  pollRequest: LatencySummary | null;
  /** Error codes the server sent during the run (e.g. `rate_limited`), with counts. */
  serverErrors: Record<string, number>;
}

/** Progress reported while a run goes on. */
export interface BenchmarkProgress {
  /** 0…1 over sends and deliveries of the whole run. */
  fraction: number;
  phase: number;
  phases: number;
  /** The transports sending in this phase. */
  sending: LaneId[];
  sent: number;
  delivered: number;
}
