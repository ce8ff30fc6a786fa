/**
 * The client's side of "nothing lost": per stream, the last position seen, plus counts a pane
 * can show. Positions come from the server (protocol/streams.ts); the ledger decides, for each
 * message, whether to deliver it (new, or a late one filling a gap) or drop it (a duplicate).
 */
import type { RecoveryReport, ResumeState, ServerEvent } from '../protocol';

/** What a ledger has counted since the client was created. */
export interface LedgerCounts {
  /** Messages delivered (live and replayed). */
  received: number;
  /** Messages known to be lost: gaps not (yet) filled, and what the server said it could not replay. */
  missed: number;
  /** Messages at or below a position already seen: dropped. */
  duplicated: number;
  /** Messages that arrived after a later one (they filled a gap). */
  outOfOrder: number;
  /** Messages delivered by a replay after a reconnect. */
  recovered: number;
  /** Streams whose loss could not be counted (another server run). */
  unknownGaps: number;
}

/** Holes remembered per stream; a gap wider than this is counted but not waited for. */
const MAX_HOLES = 1000;

interface StreamState {
  last: number;
  holes: Set<number>;
}

export class StreamLedger {
  /** Server run the positions belong to (from welcome). */
  epoch: string | undefined;
  private readonly streams = new Map<string, StreamState>();
  private readonly totals: LedgerCounts = { received: 0, missed: 0, duplicated: 0, outOfOrder: 0, recovered: 0, unknownGaps: 0 };

  /** @param saved positions from an earlier client, to resume where it stopped */
  constructor(saved?: ResumeState) {
    if (!saved) return;
    this.epoch = saved.epoch;
    for (const [stream, last] of Object.entries(saved.streams)) this.streams.set(stream, { last, holes: new Set() });
  }

  /** A copy of the counts. */
  get counts(): LedgerCounts {
    return { ...this.totals };
  }

  /** What to put in hello's `resume`, or undefined before the first welcome. */
  resumeState(): ResumeState | undefined {
    if (this.epoch === undefined) return undefined;
    return { epoch: this.epoch, streams: Object.fromEntries([...this.streams].map(([id, s]) => [id, s.last])) };
  }

  /**
   * Takes in a welcome: a new epoch voids every position; the recovery report's known losses are
   * counted and skipped (so the partial replay that follows is contiguous); streams without a
   * position start at the server's.
   */
  welcome(epoch: string | undefined, positions: Record<string, number> | undefined, recovery?: RecoveryReport): void {
    if (this.epoch !== undefined && this.epoch !== epoch) this.streams.clear();
    this.epoch = epoch;
    for (const gap of recovery?.missedStreams ?? []) {
      const state = this.streams.get(gap.stream);
      if (gap.missed !== undefined && state) {
        state.last += gap.missed;
        this.totals.missed += gap.missed;
      } else {
        this.streams.delete(gap.stream);
        this.totals.unknownGaps += 1;
      }
    }
    this.startAt(positions, false);
  }

  /**
   * Sets positions from the server.
   * @param override true after a join (a fresh start in that room), false to keep known positions
   */
  startAt(positions: Record<string, number> | undefined, override: boolean): void {
    // A server without recovery (or a bare benchmark server) sends no positions.
    for (const [stream, head] of Object.entries(positions ?? {})) {
      if (override || !this.streams.has(stream)) this.streams.set(stream, { last: head, holes: new Set() });
    }
  }

  /**
   * Reads the positions off any server event (welcome, rooms after a join, ack, message).
   * @returns `drop` for a duplicate message, `changed` when the counts or positions moved, else `none`
   */
  observe(event: ServerEvent): 'drop' | 'changed' | 'none' {
    if (event.type === 'welcome') this.welcome(event.epoch, event.positions, event.recovery);
    else if (event.type === 'rooms' && event.positions) this.startAt(event.positions, true);
    else if (event.type === 'ack' && event.stream !== undefined && event.seq !== undefined) this.skip(event.stream, event.seq);
    else if (event.type === 'message' && event.stream !== undefined && event.seq !== undefined) {
      if (!this.message(event.stream, event.seq, event.replay === true)) return 'drop';
    } else return 'none';
    return 'changed';
  }

  /** Stops following a stream (a room I left). */
  forget(stream: string): void {
    this.streams.delete(stream);
  }

  /**
   * Judges one message.
   * @returns true to deliver it, false to drop it as a duplicate
   */
  message(stream: string, seq: number, replay: boolean): boolean {
    const verdict = this.advance(stream, seq);
    if (verdict === 'duplicate') {
      this.totals.duplicated += 1;
      return false;
    }
    this.totals.received += 1;
    if (replay) this.totals.recovered += 1;
    return true;
  }

  /** An ack for a message of a stream I follow that did not come to me: moves the position only. */
  skip(stream: string, seq: number): void {
    this.advance(stream, seq);
  }

  private advance(stream: string, seq: number): 'next' | 'late' | 'duplicate' {
    const state = this.streams.get(stream);
    if (!state) {
      // First sight of a stream nobody gave us a position for: start here.
      this.streams.set(stream, { last: seq, holes: new Set() });
      return 'next';
    }
    if (seq > state.last) {
      const gap = seq - state.last - 1;
      this.totals.missed += gap;
      for (let hole = Math.max(state.last + 1, seq - MAX_HOLES); hole < seq; hole += 1) state.holes.add(hole);
      // Oldest holes first out: a message that late is not coming.
      for (const hole of state.holes) {
        if (state.holes.size <= MAX_HOLES) break;
        state.holes.delete(hole);
      }
      state.last = seq;
      return 'next';
    }
    if (state.holes.delete(seq)) {
      this.totals.missed -= 1;
      this.totals.outOfOrder += 1;
      return 'late';
    }
    return 'duplicate';
  }
}
