/**
 * Chapter 2 of the lesson: one fresh client of a transport, watched from its connect call through
 * a quiet window in which the server pushes one message to it unasked. What the wire carried comes
 * from the wire inspector (every request and frame of this client's connections, decoded) when the
 * server runs it, and from the meter's bucket (all clients of that transport) otherwise.
 */
import type { ChatClient, ChatClientEvents } from '../../../client/chat-client';
import { LANES, laneTransport, type LaneId, type TransportId, type WireLogPage, type WireMetricsResponse, type WireRecord } from '../../../protocol';
import { sleepUntil } from '../../../measure/sleep-until';
import { firstEvent } from './first-event';
import { whenOpen } from './lesson-cast';
import { recordsOfClient } from '../../../measure/client-records';
import { endOfLog, readWholeLog } from '../../../measure/wire-log-reader';

/** How long a pushed message may take: polling's interval plus a loaded machine's slack. */
const PUSH_TIMEOUT_MS = 15_000;

export interface ConnectionWatch {
  transport: TransportId;
  /** The lane watched: the transport, or one of its library's variants. */
  lane: LaneId;
  /** Connect call → welcome, ms. */
  connectMs: number;
  /** Push sent → message in the client, ms. */
  pushMs: number;
  /** This client's units, in order (empty when the inspector is off). */
  records: WireRecord[];
  inspector: boolean;
  /** The meter's bucket over the run: HTTP requests, upgrades, bytes both ways. */
  meter: { requests: number; upgrades: number; bytesIn: number; bytesOut: number };
  windowMs: number;
}

export interface ConnectionWatchDeps {
  make(lane: LaneId, name: string): ChatClient;
  readWire(): Promise<WireMetricsResponse>;
  readWireLog(since: number, lane: LaneId): Promise<WireLogPage | undefined>;
  now(): number;
  signal?: AbortSignal;
}

/**
 * Connects a client, keeps it for `windowMs` with one message pushed to it halfway, and closes it.
 * @throws AbortError when the signal aborts; an Error when a client does not connect
 */
export async function watchConnection(lane: LaneId, windowMs: number, suffix: string, deps: ConnectionWatchDeps): Promise<ConnectionWatch> {
  const transport = laneTransport(lane);
  // The teacher is on another transport, so the watched lane's bucket holds only the watched client.
  const teacher = deps.make(transport === 'ws' ? 'socketio' : 'ws', `teacher-${suffix}`);
  let client: ChatClient | undefined;
  try {
    teacher.connect();
    await whenOpen(teacher);
    const fromLog = (since: number) => deps.readWireLog(since, lane);
    const start = await endOfLog(fromLog);
    const before = await deps.readWire();
    const started = deps.now();
    // Names allow `-`, not `:`, and 32 characters: a variant is named by its variant part.
    client = deps.make(lane, `watch-${LANES[lane].variant ?? transport}-${suffix}`);
    const text = `push-${lane}-${suffix}`;
    const arrived = firstEvent<ChatClientEvents['message']>((fn) => client!.on('message', fn), (m) => m.text === text, `pushed message on ${lane}`, PUSH_TIMEOUT_MS).then(() => deps.now());
    // Reported by the await below; until then a rejection must not count as unhandled.
    arrived.catch(() => undefined);
    client.connect();
    await whenOpen(client);
    const connectMs = deps.now() - started;
    await sleepUntil(started + windowMs / 2, deps.now, deps.signal);
    const pushedAt = deps.now();
    await teacher.say('direct', text, { to: client.id });
    const pushMs = (await arrived) - pushedAt;
    await sleepUntil(started + windowMs, deps.now, deps.signal);
    const id = client.id;
    client.close();
    client = undefined;
    const after = await deps.readWire();
    const log = start ? await readWholeLog(fromLog, start.next) : undefined;
    const b = before.buckets[lane];
    const a = after.buckets[lane];
    return {
      transport,
      lane,
      connectMs,
      pushMs,
      records: log ? recordsOfClient(log.records, id) : [],
      inspector: log !== undefined,
      meter: { requests: a.requests - b.requests, upgrades: a.upgrades - b.upgrades, bytesIn: a.bytesIn - b.bytesIn, bytesOut: a.bytesOut - b.bytesOut },
      windowMs: deps.now() - started,
    };
  } finally {
    client?.close();
    teacher.close();
  }
}
