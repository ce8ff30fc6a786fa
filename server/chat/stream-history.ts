/**
 * Bounded history per message stream: the server side of "nothing lost across a reconnect".
 * Each stream numbers its messages 1, 2, 3… and keeps the last `size` of them for at most
 * `maxAgeMs`, so a client that names the last seq it saw can get exactly what came after.
 */
import { randomBytes } from 'node:crypto';
import type { MessageEvent } from '../../protocol';

export interface StreamHistoryOptions {
  /** Messages kept per stream. */
  size: number;
  /** Messages older than this are forgotten, ms. */
  maxAgeMs: number;
  /** Clock (tests inject a fake). */
  clock?: () => number;
  /** Carry on from an earlier run (its epoch, positions and entries): see history-file.ts. */
  restore?: HistorySnapshot;
}

/**
 * Everything a later server run needs to carry on this history: same epoch, same heads, same
 * entries. Plain JSON data. Direct streams are keyed by the recipient's resume token
 * (chat-message.ts), so restoring the streams restores the token → stream mapping with them.
 */
export interface HistorySnapshot {
  epoch: string;
  /** The cross-stream order counter, so replays after the restart still sort correctly. */
  appended: number;
  streams: { id: string; head: number; entries: HistoryEntry[] }[];
}

/** One stored message with what replay needs to know about its audience. */
export interface HistoryEntry {
  seq: number;
  /** Position across all streams, so a replay of several streams keeps the order they happened in. */
  order: number;
  at: number;
  event: MessageEvent;
  /** Resume key of a sender that excluded itself (`others`, room without me). */
  exceptKey?: string;
  /** Recipients when it was accepted (re-sent in a replayed ack). */
  recipients: number;
}

/** Entries a stream may hold past its size limit before the hot path trims them in one batch. */
const TRIM_SLACK = 64;

/**
 * How often, as a share of the age limit, every stream is trimmed. Why: a stream is otherwise
 * trimmed only when it is written or read, so a room nobody uses any more kept its last entries
 * (up to `size` + TRIM_SLACK messages) for as long as the server ran; `npm run bench`, with a
 * room of its own per measurement, leaves over a hundred such rooms on the Lab. A quarter of the age limit keeps an idle stream's entries at most 1.25 × the limit
 * old, for one walk over the streams per period (a few thousand streams: microseconds).
 */
const SWEEP_SHARE = 0.25;

interface Stream {
  /** Last seq handed out; kept even when every entry has aged out, so seqs never restart. */
  head: number;
  entries: HistoryEntry[];
}

/** What a stream can give back after `lastSeq`. */
export type ReplayResult =
  | { ok: true; entries: HistoryEntry[] }
  /** The history does not reach back to `lastSeq + 1`; `entries` is what is left, `missed` how many are gone. */
  | { ok: false; entries: HistoryEntry[]; missed: number };

export class StreamHistory {
  /**
   * Random per server run: positions from another run mean nothing here. A run restored from a
   * snapshot keeps the earlier run's epoch, because it keeps its positions too.
   */
  readonly epoch: string;
  private readonly streams = new Map<string, Stream>();
  private readonly clock: () => number;
  private appended = 0;
  /** When every stream was last trimmed (by the clock). */
  private sweptAt: number;

  constructor(private readonly options: StreamHistoryOptions) {
    this.clock = options.clock ?? Date.now;
    this.sweptAt = this.clock();
    const restore = options.restore;
    this.epoch = restore?.epoch ?? randomBytes(6).toString('base64url');
    if (!restore) return;
    this.appended = restore.appended;
    for (const { id, head, entries } of restore.streams) {
      const stream = { head, entries: [...entries] };
      this.trim(stream);
      this.streams.set(id, stream);
    }
  }

  /** A copy of the whole history (trimmed first), for `restore` in a later run. */
  snapshot(): HistorySnapshot {
    const streams = [...this.streams].map(([id, stream]) => {
      this.trim(stream);
      return { id, head: stream.head, entries: [...stream.entries] };
    });
    return { epoch: this.epoch, appended: this.appended, streams };
  }

  /**
   * Gives `event` the next position in `streamId`, stores it, and returns the seq.
   * @param meta who excluded itself, and how many received it
   */
  append(streamId: string, event: MessageEvent, meta: { exceptKey?: string; recipients: number }): number {
    let stream = this.streams.get(streamId);
    if (!stream) {
      stream = { head: 0, entries: [] };
      this.streams.set(streamId, stream);
    }
    stream.head += 1;
    this.appended += 1;
    const at = this.clock();
    stream.entries.push({ seq: stream.head, order: this.appended, at, event, ...meta });
    this.trim(stream, false, at);
    this.sweepIfDue(at);
    return stream.head;
  }

  /**
   * Stores a message another process numbered (the cluster's sequencer, see chat-bus.ts): `seq`
   * and `order` are given, not made. A seq past `head + 1` leaves a hole, which `since` reports
   * as missed; a seq at or below the head is a copy already stored and is ignored.
   * @returns false when it was a copy
   */
  insert(streamId: string, entry: Omit<HistoryEntry, 'at'>): boolean {
    let stream = this.streams.get(streamId);
    if (!stream) {
      stream = { head: 0, entries: [] };
      this.streams.set(streamId, stream);
    }
    if (entry.seq <= stream.head) return false;
    stream.head = entry.seq;
    this.appended = Math.max(this.appended, entry.order);
    const at = this.clock();
    stream.entries.push({ ...entry, at });
    this.trim(stream, false, at);
    this.sweepIfDue(at);
    return true;
  }

  /** The cross-stream order counter's last value (what a sequencer re-seeded after a loss starts above). */
  get lastOrder(): number {
    return this.appended;
  }

  /** Every stream's head, for re-seeding a sequencer that lost its state. */
  heads(): Map<string, number> {
    return new Map([...this.streams].map(([id, stream]) => [id, stream.head]));
  }

  /** Entries kept across all streams (what the history holds in memory). */
  get entryCount(): number {
    let count = 0;
    for (const stream of this.streams.values()) count += stream.entries.length;
    return count;
  }

  /** Last seq handed out in a stream (0 when none yet). */
  head(streamId: string): number {
    return this.streams.get(streamId)?.head ?? 0;
  }

  /**
   * Everything after `lastSeq`, oldest first.
   * @returns ok when the history reaches back without a gap; otherwise what is left and how many are lost
   */
  since(streamId: string, lastSeq: number): ReplayResult {
    const stream = this.streams.get(streamId);
    const head = stream?.head ?? 0;
    // A position past our head was handed out by another server run (or invented).
    if (lastSeq > head) return { ok: false, entries: [], missed: 0 };
    if (!stream || lastSeq === head) return { ok: true, entries: [] };
    this.trim(stream);
    const entries = stream.entries.filter((e) => e.seq > lastSeq);
    // Entries are in seq order; any step over 1 (a hole left by `insert`) is a message not kept.
    let missed = 0;
    let expected = lastSeq + 1;
    for (const entry of entries) {
      missed += entry.seq - expected;
      expected = entry.seq + 1;
    }
    missed += head + 1 - expected;
    return missed === 0 ? { ok: true, entries } : { ok: false, entries, missed };
  }

  /**
   * Trims every stream once a sweep period has passed since the last sweep. A stream left empty
   * stays, with its head: seqs never restart.
   */
  private sweepIfDue(now: number): void {
    if (now - this.sweptAt < this.options.maxAgeMs * SWEEP_SHARE) return;
    this.sweptAt = now;
    for (const stream of this.streams.values()) this.trim(stream, true, now);
  }

  /**
   * Drops entries past the size limit or the age limit.
   * @param eager false on the hot path (append): entries are removed in batches once enough have
   *   piled up, because removing one from the front of a 500-entry array on every message cost
   *   about a fifth of the server's time per message. Readers trim eagerly first, so what they see
   *   never exceeds the limits.
   * @param now the clock's reading, when the caller already has one
   */
  private trim(stream: Stream, eager = true, now = this.clock()): void {
    const entries = stream.entries;
    const oldest = now - this.options.maxAgeMs;
    if (!eager && entries.length <= this.options.size + TRIM_SLACK && (entries.length === 0 || entries[0].at >= oldest)) return;
    let drop = Math.max(0, entries.length - this.options.size);
    while (drop < entries.length && entries[drop].at < oldest) drop += 1;
    if (drop > 0) entries.splice(0, drop);
  }
}
