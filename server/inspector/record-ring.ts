/**
 * The inspector's bounded memory: the last `capacity` records, by sequence number. Reading from
 * a cursor that was overwritten says so (`wrapped`) instead of silently skipping.
 */
import type { WireRecord } from '../../protocol';

/** Most records one read returns; the caller reads on from `next`. */
export const MAX_PAGE = 1000;

export class RecordRing {
  private readonly slots: (WireRecord | undefined)[];
  /** Seq of the newest record (0: none yet). */
  private last = 0;

  constructor(private readonly capacity: number) {
    this.slots = new Array<WireRecord | undefined>(capacity);
  }

  /** Seq the next record gets. */
  get nextSeq(): number {
    return this.last + 1;
  }

  /**
   * Stores `record`, overwriting the oldest when full. Seqs grow; a gap (units dropped before they
   * were decoded) reads as lost records.
   */
  push(record: WireRecord): void {
    this.last = record.seq;
    this.slots[record.seq % this.capacity] = record;
  }

  /** The record `seq`, while it is still kept. */
  get(seq: number): WireRecord | undefined {
    const record = this.slots[seq % this.capacity];
    return record?.seq === seq ? record : undefined;
  }

  /**
   * Records after `since` that pass `keep`, oldest first, at most MAX_PAGE.
   * @returns `next`: the cursor to read on from; `wrapped`: records after `since` were overwritten
   */
  read(since: number, keep: (r: WireRecord) => boolean = () => true): { next: number; wrapped: boolean; records: WireRecord[] } {
    const oldest = Math.max(1, this.last - this.capacity + 1);
    const wrapped = since + 1 < oldest && this.last > 0;
    const records: WireRecord[] = [];
    let seq = Math.max(since + 1, oldest);
    // A cursor from a previous server run (ahead of us) restarts at our end.
    if (since > this.last) return { next: this.last, wrapped: false, records };
    let next = Math.max(since, oldest - 1);
    let lost = false;
    for (; seq <= this.last && records.length < MAX_PAGE; seq++) {
      const record = this.get(seq);
      next = seq;
      if (!record) {
        lost = true;
        continue;
      }
      if (keep(record)) records.push(record);
    }
    return { next, wrapped: wrapped || lost, records };
  }

  /** Every kept record, oldest first (for exports). */
  all(): WireRecord[] {
    const out: WireRecord[] = [];
    for (let seq = Math.max(1, this.last - this.capacity + 1); seq <= this.last; seq++) {
      const record = this.get(seq);
      if (record) out.push(record);
    }
    return out;
  }
}
