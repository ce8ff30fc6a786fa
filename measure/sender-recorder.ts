/**
 * Records one sender's messages: when each was meant to go, when it went, and when each pane got
 * its copy. Warmup messages count as delivered but stay out of the statistics.
 */
import type { LaneId } from '../protocol';
import type { SenderResult, TimelinePoint, WireCost } from './benchmark-result';
import { LatencyHistogram } from './latency-histogram';

export class SenderRecorder {
  private readonly intended: number[] = [];
  private readonly actual: number[] = [];
  private readonly seen = new Set<string>();
  private readonly roundTrip = new LatencyHistogram();
  private readonly roundTripRaw = new LatencyHistogram();
  private readonly server = new LatencyHistogram();
  private readonly fanout = new Map<LaneId, LatencyHistogram>();
  private readonly timeline: TimelinePoint[] = [];
  /** Copies received, warmup included, per receiving transport. */
  readonly deliveredTo = new Map<LaneId, number>();

  /**
   * @param transport the sending transport
   * @param receivers every pane that gets a copy, the sender included
   * @param warmup messages at the start left out of the statistics
   * @param runStart the run's start on the page clock, for the timeline
   */
  constructor(
    readonly transport: LaneId,
    readonly receivers: readonly LaneId[],
    private readonly warmup: number,
    private readonly runStart: number,
  ) {}

  /** Copies expected in total: one per message per receiver. */
  expected(messages: number): number {
    return messages * this.receivers.length;
  }

  /** Notes that message `seq`, due at `intendedAt`, went out at `sentAt`. */
  sent(seq: number, intendedAt: number, sentAt: number): void {
    this.intended[seq] = intendedAt;
    this.actual[seq] = sentAt;
  }

  get sentCount(): number {
    return this.actual.length;
  }

  /**
   * Notes a copy of message `seq` arriving at `receiver` at `at`. Duplicates are ignored.
   * @param serverMicros the server's own processing time carried by the event, when present
   * @returns the latency from the intended send time when the copy counts towards the
   *   statistics (not a duplicate, not warmup), else undefined
   */
  received(seq: number, receiver: LaneId, at: number, serverMicros: number | undefined): number | undefined {
    const key = `${seq}:${receiver}`;
    if (this.seen.has(key) || this.actual[seq] === undefined) return undefined;
    this.seen.add(key);
    this.deliveredTo.set(receiver, (this.deliveredTo.get(receiver) ?? 0) + 1);
    if (seq < this.warmup) return undefined;
    const fromIntended = at - this.intended[seq];
    if (receiver === this.transport) {
      this.roundTrip.record(fromIntended);
      this.roundTripRaw.record(at - this.actual[seq]);
      if (serverMicros !== undefined) this.server.record(serverMicros / 1000);
      this.timeline.push({ seq, atMs: Math.round((this.intended[seq] - this.runStart) * 1000) / 1000, latencyMs: Math.round(fromIntended * 1000) / 1000 });
    } else {
      let h = this.fanout.get(receiver);
      if (!h) this.fanout.set(receiver, (h = new LatencyHistogram()));
      h.record(fromIntended);
    }
    return fromIntended;
  }

  /** Copies received so far, all receivers together. */
  get deliveredCount(): number {
    return this.seen.size;
  }

  /** The finished result, with the phase's wire cost. */
  result(wire: WireCost): SenderResult {
    const fanout: SenderResult['fanout'] = {};
    for (const [receiver, h] of this.fanout) fanout[receiver] = h.summary();
    return {
      transport: this.transport,
      sent: this.sentCount,
      roundTrip: this.roundTrip.summary(),
      roundTripRaw: this.roundTripRaw.summary(),
      cdf: this.roundTrip.cdf(),
      timeline: [...this.timeline].sort((a, b) => a.seq - b.seq),
      fanout,
      server: this.server.summary(),
      wire,
    };
  }
}
