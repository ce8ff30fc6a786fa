/**
 * Faults on demand at the Peer seam: every transport's connections pass through `wrap()` once
 * (in ChatHub.connect), so a stall or added latency treats polling, ws, SockJS and Socket.IO
 * alike. Only outgoing events (server → client) are delayed; incoming operations are handled at
 * once, as a congested downlink would behave.
 */
import { TRANSPORT_IDS, type ServerEvent, type TransportId } from '../../protocol';
import type { Peer } from '../chat/peer';
import { DelayLine } from './delay-line';

/** Longest stall, latency or jitter the injector accepts, in ms. */
export const MAX_FAULT_MS = 60_000;

/** One transport's fault, as `GET /api/admin/faults` reports it. */
export interface TransportFaultState {
  /** Stalled until this time (ms since the epoch), or null when not stalled. */
  stalledUntil: number | null;
  /** Added to every outgoing event, in ms. */
  latencyMs: number;
  /** Each event's delay is latencyMs ± a uniform random value up to this, in ms. */
  jitterMs: number;
  /** Events waiting to be released right now. */
  held: number;
}

/** Body of `GET /api/admin/faults`. */
export interface FaultState {
  /** Server time of the snapshot (ms since the epoch). */
  now: number;
  transports: Record<TransportId, TransportFaultState>;
}

interface Fault {
  stalledUntil: number;
  latencyMs: number;
  jitterMs: number;
  held: number;
  /** Lines with events waiting, so clear() and stall() can reach them. */
  lines: Set<DelayLine>;
}

export interface FaultInjectorOptions {
  clock?: () => number;
  /** Uniform random number in [0, 1) (tests make jitter deterministic). */
  random?: () => number;
}

export class FaultInjector {
  private readonly faults: Record<TransportId, Fault>;
  private readonly clock: () => number;
  private readonly random: () => number;

  constructor(options: FaultInjectorOptions = {}) {
    this.clock = options.clock ?? Date.now;
    this.random = options.random ?? Math.random;
    this.faults = Object.fromEntries(
      TRANSPORT_IDS.map((t) => [t, { stalledUntil: 0, latencyMs: 0, jitterMs: 0, held: 0, lines: new Set() }]),
    ) as Record<TransportId, Fault>;
  }

  /**
   * Holds every outgoing event of `transport` for `ms` from now; held events (including those
   * already delayed by latency) then leave in order.
   */
  stall(transport: TransportId, ms: number): void {
    const fault = this.faults[transport];
    fault.stalledUntil = Math.max(fault.stalledUntil, this.clock() + clampMs(ms));
    for (const line of fault.lines) line.holdUntil(fault.stalledUntil);
  }

  /** Delays each outgoing event of `transport` by `latencyMs` ± uniform `jitterMs` (never below 0). */
  setLatency(transport: TransportId, latencyMs: number, jitterMs = 0): void {
    const fault = this.faults[transport];
    fault.latencyMs = clampMs(latencyMs);
    fault.jitterMs = clampMs(jitterMs);
  }

  /** Ends every fault of `transport` (or of all transports) and releases held events now, in order. */
  clear(transport?: TransportId): void {
    for (const t of transport ? [transport] : TRANSPORT_IDS) {
      const fault = this.faults[t];
      fault.stalledUntil = 0;
      fault.latencyMs = 0;
      fault.jitterMs = 0;
      for (const line of [...fault.lines]) line.flush();
    }
  }

  /**
   * True while `transport` has a fault or events still held. The hub must then send event by event
   * through the wrapped peers instead of a transport's native fan-out (Socket.IO's `to(room)`),
   * or native deliveries would bypass the fault and overtake held events.
   */
  holds(transport: TransportId): boolean {
    const fault = this.faults[transport];
    return fault.held > 0 || fault.latencyMs > 0 || fault.jitterMs > 0 || (fault.stalledUntil !== 0 && fault.stalledUntil > this.clock());
  }

  /** The current faults, for the admin API and the page's fault panel. */
  snapshot(): FaultState {
    const now = this.clock();
    const transports = Object.fromEntries(
      TRANSPORT_IDS.map((t) => {
        const f = this.faults[t];
        const state: TransportFaultState = {
          stalledUntil: f.stalledUntil > now ? f.stalledUntil : null,
          latencyMs: f.latencyMs,
          jitterMs: f.jitterMs,
          held: f.held,
        };
        return [t, state];
      }),
    ) as Record<TransportId, TransportFaultState>;
    return { now, transports };
  }

  /**
   * Puts a fault-aware send in front of `peer`. Without a fault and with nothing held the event
   * goes straight through (no timer, no copy), so an idle injector costs one check per event.
   */
  wrap(peer: Peer): Peer {
    const fault = this.faults[peer.transport];
    let line: DelayLine | undefined;
    /** Delivers now, or through the delay line when a fault is on (deliver is already bound). */
    const dispatch = (deliver: () => void): void => {
      const now = this.clock();
      const delay = this.delayFor(fault);
      const stalled = fault.stalledUntil > now;
      if (!line && !stalled && delay === 0) return deliver();
      if (!line) {
        const created: DelayLine = new DelayLine(
          this.clock,
          () => {
            fault.lines.delete(created);
            if (line === created) line = undefined;
          },
          (count) => {
            fault.held -= count;
          },
        );
        line = created;
        fault.lines.add(created);
      }
      fault.held += 1;
      line.push(Math.max(now + delay, stalled ? fault.stalledUntil : 0), deliver);
    };
    const idle = () => !line && fault.stalledUntil === 0 && fault.latencyMs === 0 && fault.jitterMs === 0;
    const send = (event: ServerEvent) => {
      // No fault was ever set on this transport and nothing is held: straight through, not even
      // a clock read (this runs once per event per recipient).
      if (idle()) return peer.send(event);
      // Bind now, deliver later: Socket.IO's acknowledgement callback exists only during the call.
      dispatch(peer.bind ? peer.bind(event) : () => peer.send(event));
    };
    return {
      transport: peer.transport,
      send,
      // Bound now, delivered when the caller runs it, through the faults as they are then.
      bind: (event) => {
        const deliver = peer.bind ? peer.bind(event) : () => peer.send(event);
        return () => (idle() ? deliver() : dispatch(deliver));
      },
      close: (reason) => peer.close(reason),
      joinedRoom: peer.joinedRoom && ((room) => peer.joinedRoom!(room)),
      leftRoom: peer.leftRoom && ((room) => peer.leftRoom!(room)),
      becameReady: peer.becameReady && ((watchesNamespace) => peer.becameReady!(watchesNamespace)),
    };
  }

  private delayFor(fault: Fault): number {
    if (fault.latencyMs === 0 && fault.jitterMs === 0) return 0;
    const jitter = fault.jitterMs === 0 ? 0 : (this.random() * 2 - 1) * fault.jitterMs;
    return Math.max(0, Math.round(fault.latencyMs + jitter));
  }
}

function clampMs(ms: number): number {
  return Number.isFinite(ms) ? Math.min(MAX_FAULT_MS, Math.max(0, Math.round(ms))) : 0;
}
