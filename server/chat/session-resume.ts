/**
 * Resume after a reconnect: from what a client says it last saw (hello's `resume`), work out
 * what to replay and whether anything is beyond recovery. Pure planning: the session sends the
 * result in the same synchronous step in which it joins its namespace and rooms, so no live
 * message can slip in between the replay and the live traffic (see docs/PROTOCOL.md, "Resume").
 */
import type { AckEvent, MessageEvent, RecoveryReport, ResumeState, ServerEvent } from '../../protocol';
import type { HistoryEntry, StreamHistory } from './stream-history';

/** What to tell a resuming client: the report for welcome, then the events to replay in order. */
export interface ResumePlan {
  report: RecoveryReport;
  events: ServerEvent[];
}

/**
 * Plans the replay for one client.
 * @param history the hub's stream history
 * @param resume what the client last saw
 * @param follows the streams the client follows now (namespace, its direct stream, its rooms);
 *   positions of other streams (a room it no longer rejoined) are ignored
 * @param clientKey the client's resume key: messages it sent but excluded itself from come back as acks
 * @param limit most events one replay may hold; beyond it the oldest are reported missed, because a
 *   replay that overflows a polling session's queue would close it, and the client would come back
 *   with the same positions and overflow again, forever
 */
export function planResume(
  history: StreamHistory,
  resume: ResumeState,
  follows: Set<string>,
  clientKey: string,
  limit = Number.POSITIVE_INFINITY,
): ResumePlan {
  const named = Object.entries(resume.streams).filter(([stream]) => follows.has(stream));
  if (resume.epoch !== history.epoch) {
    // Another server run: our positions mean nothing to this client, and its gap has no known size.
    const missedStreams = named.filter(([, last]) => last > 0).map(([stream]) => ({ stream }));
    return { report: { recovered: missedStreams.length === 0, ...(missedStreams.length ? { missedStreams } : {}), replayed: 0 }, events: [] };
  }
  const missed = new Map<string, number | undefined>();
  const entries: { stream: string; entry: HistoryEntry }[] = [];
  for (const [stream, last] of named) {
    const result = history.since(stream, last);
    entries.push(...result.entries.map((entry) => ({ stream, entry })));
    if (!result.ok) missed.set(stream, result.missed > 0 ? result.missed : undefined);
  }
  // Several streams replay in the order their messages happened; within a stream that is seq order.
  entries.sort((a, b) => a.entry.order - b.entry.order);
  // Over the limit, the oldest go: within each stream those are its first, so what stays is contiguous.
  for (const { stream } of entries.splice(0, Math.max(0, entries.length - limit))) {
    const known = missed.has(stream) ? missed.get(stream) : 0;
    missed.set(stream, known === undefined ? undefined : known + 1);
  }
  const missedStreams = [...missed].map(([stream, count]) => (count === undefined ? { stream } : { stream, missed: count }));
  const events = entries.map(({ entry }) => replayEvent(entry, clientKey));
  const replayed = events.filter((e) => e.type === 'message').length;
  const report: RecoveryReport = { recovered: missedStreams.length === 0, replayed };
  if (missedStreams.length > 0) report.missedStreams = missedStreams;
  return { report, events };
}

/** A stored message as replayed: the message itself, or the sender's ack when it was not for the sender. */
function replayEvent(entry: HistoryEntry, clientKey: string): MessageEvent | AckEvent {
  if (entry.exceptKey === clientKey) {
    // The ack may have been lost with the old connection; it is what moves the ledger past this seq.
    return { type: 'ack', messageId: entry.event.id, recipients: entry.recipients, stream: entry.event.stream, seq: entry.seq, replay: true };
  }
  return { ...entry.event, replay: true };
}
