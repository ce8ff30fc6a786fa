/**
 * Performs one chapter-3 card with the lesson's cast: A (on the chosen transport) makes the call,
 * and every member of the cast reports what reached it. Delivery is known, not guessed: after the
 * call's answer, every member asks `whoami`, and because the server answers a connection's
 * operations in order, a member's whoami reply comes after anything the call sent it. The bytes
 * are the server's wire meter (`GET /api/metrics/wire`) before the call and after that barrier.
 */
import type { ChatClient, ChatClientEvents } from '../../../client/chat-client';
import { TRANSPORT_IDS, type ClientOpInput, type ServerEvent, type TransportId, type WireMetricsResponse } from '../../../protocol';
import type { LessonAction } from './api-calls';
import { firstEvent } from './first-event';
import { castKey, type CastMember, type LessonCast } from './lesson-cast';
import type { TransportCatalog } from '../transport-catalog';

/** What reached a member during the run. */
export type Receipt = 'message' | 'replay' | 'presence' | 'reply';

/** Bytes one transport carried during the run, per direction. */
export interface RunBytes {
  bytesIn: number;
  bytesOut: number;
  requests: number;
}

/** The outcome of one run. */
export interface RunResult {
  sender: TransportId;
  /** Member key (`ws:A`, and `ws:D`/`ws:E` for the extra client) → what reached it. */
  received: Record<string, Receipt[]>;
  /** Extra members this run used (D who connected, E in the other namespace). */
  extras: string[];
  /** The operations A sent, exactly as sent (the card shows them as frames). */
  ops: ClientOpInput[];
  /** A's answer: a list, whoami, or the server's configuration. */
  reply?: ServerEvent;
  config?: TransportCatalog;
  /** Rooms A is in after the run. */
  rooms?: string[];
  /** The drop card: why B's connection went down, and what the server replayed to it. */
  drop?: { reason: string; replayed: number; recovered: boolean };
  /** Per transport, measured by the server's meter over the run. */
  bytes: Record<TransportId, RunBytes>;
  durationMs: number;
}

export interface RunDeps {
  readWire(): Promise<WireMetricsResponse>;
  readCatalog(): Promise<TransportCatalog>;
  now(): number;
  /** Makes names unique per run. */
  nonce(): string;
  /** The namespace outside the cast's, for the namespace card. */
  otherNs: string;
}

/** How long a drop may take to come back (backoff included). */
const DROP_TIMEOUT_MS = 20_000;

function diff(before: WireMetricsResponse, after: WireMetricsResponse): Record<TransportId, RunBytes> {
  const out = {} as Record<TransportId, RunBytes>;
  for (const id of TRANSPORT_IDS) {
    const a = after.buckets[id];
    const b = before.buckets[id];
    out[id] = { bytesIn: a.bytesIn - b.bytesIn, bytesOut: a.bytesOut - b.bytesOut, requests: a.requests - b.requests };
  }
  return out;
}

/** Records which watched members receive the message `text`, until stopped. */
function watch(members: CastMember[], text: string) {
  const received: Record<string, Receipt[]> = {};
  const offs = members.map((m) => {
    received[m.key] = [];
    return m.client.on('message', (event) => {
      if (event.text === text) received[m.key].push(event.replay ? 'replay' : 'message');
    });
  });
  return { received, stop: () => offs.forEach((off) => off()) };
}

/** Every member asks whoami: once all have answered, everything the call sent them has arrived. */
async function barrier(members: CastMember[]): Promise<void> {
  await Promise.all(members.filter((m) => m.client.state === 'open').map((m) => m.client.request({ op: 'whoami' })));
}

/** A's request, remembered for the card. */
async function ask(a: ChatClient, ops: ClientOpInput[], op: ClientOpInput): Promise<ServerEvent> {
  ops.push(op);
  return a.request(op as Parameters<ChatClient['request']>[0]);
}

/**
 * Runs `action` with A on `sender`.
 * @throws when a client does not connect or answer in time
 */
export async function runApiCall(action: LessonAction, cast: LessonCast, sender: TransportId, deps: RunDeps): Promise<RunResult> {
  const a = cast.member(sender, 'A');
  const b = cast.member(sender, 'B');
  const c = cast.member(sender, 'C');
  const nonce = deps.nonce();
  const text = `${action.kind}-${nonce}`;
  const ops: ClientOpInput[] = [];
  const extras: CastMember[] = [];
  /** The client whose arrival the connect cards announce. */
  let arrival: CastMember | undefined;
  const watched = [...cast.members];
  const log = watch(watched, text);
  const before = await deps.readWire();
  const started = deps.now();
  const result: Partial<RunResult> = {};
  try {
    switch (action.kind) {
      case 'connect': {
        arrival = await cast.extra(sender, cast.ns, 'D', nonce);
        extras.push(arrival);
        log.received[arrival.key] = ['reply'];
        break;
      }
      case 'send': {
        const to = action.scope === 'direct' ? c.client.id : undefined;
        const room = action.scope === 'room' ? cast.room : undefined;
        const op: ClientOpInput = { op: 'send', scope: action.scope, text, ...(room ? { room } : {}), ...(to ? { to } : {}), ...(action.includeSelf !== undefined ? { includeSelf: action.includeSelf } : {}) };
        await ask(a.client, ops, op);
        break;
      }
      case 'whoami':
        result.reply = await ask(a.client, ops, { op: 'whoami' });
        log.received[a.key].push('reply');
        break;
      case 'join-leave': {
        const extra = `${cast.room}-x`;
        await ask(a.client, ops, { op: 'join', rooms: [cast.room, extra] });
        await ask(a.client, ops, { op: 'leave', rooms: [extra] });
        result.rooms = a.client.rooms;
        log.received[a.key].push('reply');
        break;
      }
      case 'list': {
        const op: ClientOpInput =
          action.what === 'room-clients' ? { op: 'list', what: 'room-clients', room: cast.room } : action.what === 'client-rooms' ? { op: 'list', what: 'client-rooms', id: a.client.id } : { op: 'list', what: action.what };
        result.reply = await ask(a.client, ops, op);
        log.received[a.key].push('reply');
        break;
      }
      case 'namespace': {
        const e = await cast.extra(sender, deps.otherNs, 'E', nonce);
        extras.push(e);
        const eLog = watch([e], text);
        ops.push({ op: 'send', scope: 'all', text });
        await e.client.request({ op: 'send', scope: 'all', text });
        await barrier([e]);
        eLog.stop();
        log.received[e.key] = eLog.received[e.key];
        break;
      }
      case 'configure':
        result.config = await deps.readCatalog();
        log.received[a.key].push('reply');
        break;
      case 'drop': {
        const down = firstEvent<ChatClientEvents['down']>((fn) => b.client.on('down', fn), () => true, 'disconnect', DROP_TIMEOUT_MS);
        const recovery = firstEvent<ChatClientEvents['recovery']>((fn) => b.client.on('recovery', fn), () => true, 'reconnect', DROP_TIMEOUT_MS);
        b.client.drop();
        const { reason } = await down;
        await ask(a.client, ops, { op: 'send', scope: 'all', text });
        const report = await recovery;
        // The replay follows the welcome; wait until B holds the message, however it came.
        if (log.received[b.key].length === 0) await firstEvent<ChatClientEvents['message']>((fn) => b.client.on('message', fn), (m) => m.text === text, 'replayed message', DROP_TIMEOUT_MS);
        result.drop = { reason, replayed: report.replayed, recovered: report.recovered };
        break;
      }
    }
    await barrier([...watched, ...extras]);
    // After the barrier every member's roster has heard of D (presence travels like any event).
    if (arrival) {
      const id = arrival.client.id;
      for (const m of cast.members) if (m.client.members.some((x) => x.id === id)) log.received[m.key].push('presence');
    }
    const after = await deps.readWire();
    return {
      sender,
      received: log.received,
      extras: extras.map((e) => castKey(e.transport, e.role)),
      ops,
      bytes: diff(before, after),
      durationMs: deps.now() - started,
      ...result,
    };
  } finally {
    log.stop();
    for (const e of extras) e.client.close();
  }
}
