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
 */
export function planResume(history: StreamHistory, resume: ResumeState, follows: Set<string>, clientKey: string): ResumePlan {
  const named = Object.entries(resume.streams).filter(([stream]) => follows.has(stream));
  if (resume.epoch !== history.epoch) {
    // Another server run: our positions mean nothing to this client, and its gap has no known size.
    const missedStreams = named.filter(([, last]) => last > 0).map(([stream]) => ({ stream }));
    return { report: { recovered: missedStreams.length === 0, ...(missedStreams.length ? { missedStreams } : {}), replayed: 0 }, events: [] };
  }
  const missedStreams: { stream: string; missed?: number }[] = [];
  const entries: HistoryEntry[] = [];
  for (const [stream, last] of named) {
    const result = history.since(stream, last);
    entries.push(...result.entries);
    if (!result.ok) missedStreams.push(result.missed > 0 ? { stream, missed: result.missed } : { stream });
  }
  // Several streams replay in the order their messages happened; within a stream that is seq order.
  entries.sort((a, b) => a.order - b.order);
  const events = entries.map((entry) => replayEvent(entry, clientKey));
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
