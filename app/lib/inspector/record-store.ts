/**
 * The inspector page's copy of the log: records by seq (a record sent again, a send that learnt
 * its message id, replaces the old copy), at most `capacity` of the newest, plus polling's waste
 * counted as records arrive. Node-free and pure, so it is tested without a browser.
 */
import type { TransportId, WireRecord } from '../../../protocol';

/** Polling's answers to `GET events`: empty ones (waste) against those that brought something. */
export interface PollTally {
  empty: number;
  useful: number;
  /** Bytes of the empty exchanges (request and response), and of the useful ones. */
  emptyBytes: number;
  usefulBytes: number;
}

export interface RecordStore {
  /** Newest last. */
  records: WireRecord[];
  /** Seq of the newest record seen: where a paused or dropped stream resumes. */
  lastSeq: number;
  polls: PollTally;
  /** The request on each polling connection still waiting for its response's bytes. */
  pendingRequestBytes: Record<string, number>;
}

export const emptyStore = (): RecordStore => ({ records: [], lastSeq: 0, polls: { empty: 0, useful: 0, emptyBytes: 0, usefulBytes: 0 }, pendingRequestBytes: {} });

const isEventsAnswer = (r: WireRecord) => r.kind === 'http-response' && r.decoded.some((p) => p.protocol === 'lab-polling' && p.type === 'events');
const isEventsRequest = (r: WireRecord) => r.kind === 'http-request' && r.transport === 'polling' && (r.http?.path ?? '').split('?')[0].endsWith('/events');

/** The store with `record` added (or replaced, when its seq is known), trimmed to `capacity`. */
export function addRecord(store: RecordStore, record: WireRecord, capacity: number): RecordStore {
  const at = store.records.findIndex((r) => r.seq === record.seq);
  if (at >= 0) {
    const records = [...store.records];
    records[at] = record;
    return { ...store, records };
  }
  // Out of order can only be an old record sent again after it was trimmed: nothing to count twice.
  if (record.seq <= store.lastSeq) return store;
  const records = store.records.length >= capacity ? [...store.records.slice(store.records.length - capacity + 1), record] : [...store.records, record];
  let { polls, pendingRequestBytes } = store;
  if (isEventsRequest(record)) pendingRequestBytes = { ...pendingRequestBytes, [record.connection]: record.bytes };
  if (record.transport === 'polling' && isEventsAnswer(record)) {
    const bytes = record.bytes + (pendingRequestBytes[record.connection] ?? 0);
    pendingRequestBytes = { ...pendingRequestBytes };
    delete pendingRequestBytes[record.connection];
    polls = record.emptyPoll
      ? { ...polls, empty: polls.empty + 1, emptyBytes: polls.emptyBytes + bytes }
      : { ...polls, useful: polls.useful + 1, usefulBytes: polls.usefulBytes + bytes };
  }
  return { records, lastSeq: record.seq, polls, pendingRequestBytes };
}

/** Records of the chosen transports, newest last. */
export function visibleRecords(store: RecordStore, transports: ReadonlySet<TransportId>): WireRecord[] {
  return store.records.filter((r) => transports.has(r.transport));
}

/** Seqs of the records that carried `messageId`, and the transports they are on. */
export function carriersOf(records: WireRecord[], messageId: string | undefined): { seqs: Set<number>; transports: Set<TransportId> } {
  const seqs = new Set<number>();
  const transports = new Set<TransportId>();
  if (messageId === undefined) return { seqs, transports };
  for (const r of records) {
    if (!r.messageIds?.includes(messageId)) continue;
    seqs.add(r.seq);
    transports.add(r.transport);
  }
  return { seqs, transports };
}
