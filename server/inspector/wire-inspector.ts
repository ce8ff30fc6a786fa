/**
 * The wire inspector: every unit the layer meter splits, kept as a `WireRecord` (decoded,
 * redacted, linked to its chat client and to the messages it carries) in a bounded ring, and
 * pushed to live subscribers. Its bytes are the meter's: per transport and direction the records
 * add up to `/api/metrics/wire`, because each record is a unit the meter counted, plus a `tcp`
 * record for what no unit claimed when a connection closes.
 */
import type { IncomingMessage } from 'node:http';
import type { Socket } from 'node:net';
import { performance } from 'node:perf_hooks';
import { TRANSPORT_IDS, type TransportId, type WireRecord } from '../../protocol';
import type { CountedLayers, WireUnit, WireUnitSink } from '../metering/wire-units';
import { decodeUnit, pathOf } from './decode/decode-unit';
import type { SendKey } from './decode/unit-facts';
import { RecordRing } from './record-ring';
import { redactHeader, redactText } from './redact';

/** Longest raw text kept per record; `rawTruncated` says when it was cut. */
export const MAX_RAW_CHARS = 4096;
/** Sends remembered while their ack has not come (a client that never gets one must not grow this). */
const MAX_PENDING_SENDS = 10_000;

/** Bytes a connection's records have claimed so far, per direction. */
interface ConnectionState {
  id: string;
  /** The chat client this upgraded connection serves, once a welcome said so. */
  client?: string;
  claimedIn: number;
  claimedOut: number;
}

const isTransport = (owner: string): owner is TransportId => (TRANSPORT_IDS as readonly string[]).includes(owner);

export class WireInspector implements WireUnitSink {
  private readonly ring: RecordRing;
  private readonly connections = new WeakMap<Socket, ConnectionState>();
  private connectionCount = 0;
  /** Session (polling sid, Engine.IO sid, SockJS session) → chat client id. */
  private readonly sessionClients = new Map<string, string>();
  /** `client|ref` or `connection|#ackId` → the send record waiting for its message id. */
  private readonly pendingSends = new Map<string, WireRecord>();
  private readonly listeners = new Set<(record: WireRecord) => void>();

  constructor(capacity: number) {
    this.ring = new RecordRing(capacity);
  }

  /** Records after `since`, optionally of one transport or connection (`GET /api/wire/log`). */
  read(since: number, filter: { transport?: TransportId; connection?: string } = {}) {
    const { transport, connection } = filter;
    return this.ring.read(since, (r) => (transport === undefined || r.transport === transport) && (connection === undefined || r.connection === connection));
  }

  /** Every record still kept, oldest first. */
  all(): WireRecord[] {
    return this.ring.all();
  }

  /** Seq of the newest record (0: none). */
  get lastSeq(): number {
    return this.ring.nextSeq - 1;
  }

  /**
   * Calls `listener` with each new record, and again with a record that learnt more later (a
   * send once its ack named the message: same `seq`, keep the latest). Returns the unsubscriber.
   */
  subscribe(listener: (record: WireRecord) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  unit(unit: WireUnit): void {
    const conn = this.connection(unit.socket, unit.transport);
    if (unit.dir === 'in') conn.claimedIn += unit.bytes;
    else conn.claimedOut += unit.bytes;
    const decoded = decodeUnit(unit);
    const session = sessionOf(unit.transport, unit.req);
    // A session opened in this unit is known by its id from now on (its welcome comes later).
    const sessionKey = session ?? (decoded.openedSession ? `${unit.transport}:${decoded.openedSession}` : undefined);
    if (decoded.welcome) {
      if (sessionKey) this.sessionClients.set(sessionKey, decoded.welcome);
      if (unit.kind === 'ws-frame') conn.client = decoded.welcome;
    }
    // An upgrade request names its Engine.IO session: the socket serves that client.
    if (unit.kind === 'http-request' && unit.req?.headers.upgrade && session && this.sessionClients.has(session)) conn.client = this.sessionClients.get(session);
    const client = conn.client ?? (session ? this.sessionClients.get(session) : undefined) ?? decoded.welcome;
    const { raw, truncated } = rawText(unit);
    const record: WireRecord = {
      seq: this.ring.nextSeq,
      at: performance.now(),
      wallTime: Date.now(),
      transport: unit.transport,
      connection: conn.id,
      ...(client ? { client } : {}),
      dir: unit.dir,
      bytes: unit.bytes,
      layers: withFraming(unit.bytes, unit.layers),
      kind: unit.kind,
      summary: redactText(decoded.summary),
      decoded: decoded.packets,
      raw,
      ...(truncated ? { rawTruncated: true } : {}),
      ...(unit.ws ? { ws: unit.ws } : {}),
      ...(unit.kind.startsWith('http') ? { http: httpPart(unit) } : {}),
      ...(decoded.messageIds.length ? { messageIds: [...new Set(decoded.messageIds)] } : {}),
      ...(unit.emptyPoll ? { emptyPoll: true } : {}),
    };
    this.ring.push(record);
    this.publish(record);
    for (const send of decoded.sends) this.rememberSend(this.sendKey(send, client, conn.id), record);
    for (const ack of decoded.acks) this.linkAck(this.sendKey(ack, client, conn.id), ack.messageId);
  }

  closed(socket: Socket, owner: string, bytesIn: number, bytesOut: number): void {
    if (!isTransport(owner)) return;
    // After the frames the upgrade tap still has queued for this tick (upgrade-tap.ts, `later`).
    process.nextTick(() => this.settleRest(socket, owner, bytesIn, bytesOut));
  }

  private settleRest(socket: Socket, owner: TransportId, bytesIn: number, bytesOut: number): void {
    const conn = this.connections.get(socket);
    // What the meter gave the transport beyond the units: a cut-off request or frame.
    const restIn = bytesIn - (conn?.claimedIn ?? 0) - (this.otherBuckets.get(socket)?.in ?? 0);
    const restOut = bytesOut - (conn?.claimedOut ?? 0) - (this.otherBuckets.get(socket)?.out ?? 0);
    for (const [dir, rest] of [['in', restIn], ['out', restOut]] as const) {
      if (rest <= 0) continue;
      this.unit({ transport: owner, socket, dir, kind: 'tcp', bytes: rest, layers: { payload: 0, http: 0, keepalive: 0 }, text: '' });
    }
  }

  /**
   * Bytes of a connection that went to buckets other than transports (pages, the API on a
   * keep-alive connection the browser reuses): not ours to record, but not unclaimed either.
   */
  private readonly otherBuckets = new WeakMap<Socket, { in: number; out: number }>();

  otherExchange(socket: Socket, bytesIn: number, bytesOut: number): void {
    const seen = this.otherBuckets.get(socket) ?? { in: 0, out: 0 };
    seen.in += bytesIn;
    seen.out += bytesOut;
    this.otherBuckets.set(socket, seen);
  }

  private connection(socket: Socket, transport: TransportId): ConnectionState {
    let conn = this.connections.get(socket);
    if (!conn) {
      conn = { id: `${transport}-${++this.connectionCount}`, claimedIn: 0, claimedOut: 0 };
      this.connections.set(socket, conn);
    }
    return conn;
  }

  private sendKey(key: SendKey, client: string | undefined, connection: string): string | undefined {
    if (key.ref !== undefined && client !== undefined) return `${client}|${key.ref}`;
    if (key.ackId !== undefined) return `${connection}|#${key.ackId}`;
    return undefined;
  }

  private rememberSend(key: string | undefined, record: WireRecord): void {
    if (key === undefined) return;
    if (this.pendingSends.size >= MAX_PENDING_SENDS) this.pendingSends.delete(this.pendingSends.keys().next().value!);
    this.pendingSends.set(key, record);
  }

  /** The send that `key` names carried `messageId`: say so on its record, and tell the subscribers again. */
  private linkAck(key: string | undefined, messageId: string): void {
    const send = key === undefined ? undefined : this.pendingSends.get(key);
    if (!send) return;
    this.pendingSends.delete(key!);
    send.messageIds = [...new Set([...(send.messageIds ?? []), messageId])];
    this.publish(send);
  }

  private publish(record: WireRecord): void {
    for (const listener of this.listeners) listener(record);
  }
}

/** The session a request belongs to, keyed by transport: `?sid=` (polling, Engine.IO) or SockJS's path. */
function sessionOf(transport: TransportId, req: IncomingMessage | undefined): string | undefined {
  if (!req?.url) return undefined;
  if (transport === 'sockjs') {
    // /rt/sockjs/<server>/<session>/<transport>
    const parts = pathOf(req.url).split('/');
    return parts.length >= 6 ? `sockjs:${parts[parts.length - 2]}` : undefined;
  }
  const sid = /[?&]sid=([^&]+)/.exec(req.url)?.[1];
  return sid === undefined ? undefined : `${transport}:${decodeURIComponent(sid)}`;
}

function withFraming(bytes: number, layers: CountedLayers): WireRecord['layers'] {
  return { ...layers, framing: bytes - layers.payload - layers.http - layers.keepalive };
}

function httpPart(unit: WireUnit): NonNullable<WireRecord['http']> {
  if (unit.kind === 'http-request' && unit.req) {
    const headers: [string, string][] = [];
    for (let i = 0; i < unit.req.rawHeaders.length; i += 2) headers.push([unit.req.rawHeaders[i], redactHeader(unit.req.rawHeaders[i], unit.req.rawHeaders[i + 1])]);
    return { method: unit.req.method, path: redactText(unit.req.url ?? '/'), headers };
  }
  if (unit.response) return { status: unit.response.status, headers: unit.response.headers.map(([n, v]) => [n, redactHeader(n, v)]) };
  // A head written on an upgraded socket (the 101): read from its text.
  const lines = (unit.head ?? '').split('\r\n');
  const status = Number(/ (\d{3}) /.exec(lines[0] ?? '')?.[1] ?? 0);
  const headers = lines.slice(1).filter(Boolean).map((line): [string, string] => {
    const colon = line.indexOf(':');
    const name = line.slice(0, colon);
    return [name, redactHeader(name, line.slice(colon + 1).trim())];
  });
  return { status, headers };
}

/** The unit as text: start line, headers and body for HTTP; the payload for a frame; redacted, cut. */
function rawText(unit: WireUnit): { raw: string; truncated: boolean } {
  let raw = unit.text;
  if (unit.kind === 'http-request' && unit.req) {
    const { req } = unit;
    const lines = [`${req.method} ${req.url} HTTP/${req.httpVersion}`];
    for (let i = 0; i < req.rawHeaders.length; i += 2) lines.push(`${req.rawHeaders[i]}: ${redactHeader(req.rawHeaders[i], req.rawHeaders[i + 1])}`);
    raw = `${lines.join('\r\n')}\r\n\r\n${unit.text}`;
  } else if (unit.kind === 'http-response' && unit.response) {
    const lines = [`HTTP/1.1 ${unit.response.status}`, ...unit.response.headers.map(([n, v]) => `${n}: ${redactHeader(n, v)}`)];
    raw = `${lines.join('\r\n')}\r\n\r\n${unit.text}`;
  } else if (unit.head !== undefined) {
    raw = unit.head;
  }
  raw = redactText(raw);
  return raw.length > MAX_RAW_CHARS ? { raw: raw.slice(0, MAX_RAW_CHARS), truncated: true } : { raw, truncated: false };
}
