/**
 * Chapter 1 of the lesson: one AJAX polling client, measured live. Its fetch is wrapped, so every
 * request it makes is counted by the client that made it, and every poll's answer is read for
 * whether it carried anything. While it runs, a second client ("the teacher", on raw WebSocket)
 * sends `messages` chat messages spread over the window: the only useful answers there are.
 * Bytes come from the server: the wire inspector's records of this client's connections when
 * the inspector is on, else the meter's whole polling bucket (and the result says which).
 */
import type { ChatClient } from '../../../client/chat-client';
import type { FetchLike } from '../../../client/links/polling-link';
import type { WireLogPage, WireMetricsResponse, WireRecord } from '../../../protocol';
import { sleepUntil } from '../../../measure/sleep-until';
import { whenOpen } from './lesson-cast';
import { endOfLog, readWholeLog } from '../../../measure/wire-log-reader';

/** What the polling client's own fetch saw. */
export interface PollingTally {
  /** Every HTTP request: open, send, events, close. */
  requests: number;
  /** `GET …/events`: the polls. */
  polls: number;
  /** Polls answered with no event at all. */
  emptyPolls: number;
  /** Chat messages the polls brought. */
  messages: number;
}

/** Wraps `inner` so `tally` counts what goes through it. */
export function countingFetch(inner: FetchLike, tally: PollingTally): FetchLike {
  return async (input, init) => {
    tally.requests += 1;
    const res = await inner(input, init);
    if (!input.includes('/events?')) return res;
    tally.polls += 1;
    return {
      ok: res.ok,
      status: res.status,
      async json() {
        const body = (await res.json()) as { events?: { type?: string }[] };
        const events = Array.isArray(body.events) ? body.events : [];
        if (events.length === 0) tally.emptyPolls += 1;
        tally.messages += events.filter((e) => e.type === 'message').length;
        return body;
      },
    };
  };
}

/** The result of one chapter-1 run. */
export interface PollingRun {
  windowMs: number;
  intervalMs: number;
  tally: PollingTally;
  /** Messages the teacher sent. */
  sent: number;
  /** Bytes on the wire, both ways, and where the figure comes from. */
  bytes: number;
  bytesSource: 'inspector' | 'meter-bucket';
  /** Per minute, from the measured window. */
  requestsPerMinute: number;
  bytesPerMinute: number;
  /** bytes / useful message, when a message arrived. */
  bytesPerMessage?: number;
}

export interface PollingRunDeps {
  /** Makes the polling client with this fetch and interval, and the teacher (raw ws). */
  makePolling(fetchImpl: FetchLike, intervalMs: number, name: string): ChatClient;
  makeTeacher(name: string): ChatClient;
  readWire(): Promise<WireMetricsResponse>;
  /** `GET /api/wire/log?since=…&transport=polling`; undefined when the server has no inspector. */
  readWireLog(since: number): Promise<WireLogPage | undefined>;
  now(): number;
  signal?: AbortSignal;
}

/** Bytes of the records of `clientId` (the inspector knows the chat client of each connection). */
function bytesOf(records: WireRecord[], clientId: string | undefined, connections: Set<string>): number {
  for (const r of records) if (r.client === clientId) connections.add(r.connection);
  return records.filter((r) => connections.has(r.connection)).reduce((sum, r) => sum + r.bytes, 0);
}

/**
 * Runs the polling client for `windowMs` while the teacher sends `messages` messages.
 * @throws AbortError when the signal aborts
 */
export async function runPollingWatch(windowMs: number, intervalMs: number, messages: number, suffix: string, deps: PollingRunDeps): Promise<PollingRun> {
  const tally: PollingTally = { requests: 0, polls: 0, emptyPolls: 0, messages: 0 };
  const teacher = deps.makeTeacher(`teacher-${suffix}`);
  let client: ChatClient | undefined;
  try {
    teacher.connect();
    await whenOpen(teacher);
    const start = await endOfLog(deps.readWireLog);
    const before = await deps.readWire();
    const started = deps.now();
    client = deps.makePolling(countingFetch(fetch.bind(globalThis) as FetchLike, tally), intervalMs, `student-${suffix}`);
    client.connect();
    await whenOpen(client);
    let sent = 0;
    for (let i = 1; i <= messages; i++) {
      await sleepUntil(started + (windowMs * i) / (messages + 1), deps.now, deps.signal);
      await teacher.say('all', `polling-${suffix}-${i}`);
      sent += 1;
    }
    await sleepUntil(started + windowMs, deps.now, deps.signal);
    const elapsed = deps.now() - started;
    const id = client.id;
    client.close();
    client = undefined;
    const after = await deps.readWire();
    const log = start ? await readWholeLog(deps.readWireLog, start.next) : undefined;
    const bytes = log
      ? bytesOf(log.records.filter((r) => r.transport === 'polling'), id, new Set())
      : after.buckets.polling.bytesIn + after.buckets.polling.bytesOut - before.buckets.polling.bytesIn - before.buckets.polling.bytesOut;
    const perMinute = (x: number) => (x * 60_000) / elapsed;
    return {
      windowMs: elapsed,
      intervalMs,
      tally,
      sent,
      bytes,
      bytesSource: log ? 'inspector' : 'meter-bucket',
      requestsPerMinute: perMinute(tally.requests),
      bytesPerMinute: perMinute(bytes),
      bytesPerMessage: tally.messages > 0 ? bytes / tally.messages : undefined,
    };
  } finally {
    client?.close();
    teacher.close();
  }
}
