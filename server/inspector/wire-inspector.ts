/**
 * The wire inspector: every unit the layer meter splits, kept as a `WireRecord` (decoded,
 * redacted, linked to its chat client and to the messages it carries) in a bounded ring, and
 * pushed to live subscribers. Its bytes are the meter's: per transport and direction the records
 * add up to `/api/metrics/wire`, because each record is a unit the meter counted, plus a `tcp`
 * record for what no unit claimed when a connection closes.
 *
 * Why units are decoded when someone reads, not as they pass: decoding (JSON, summaries, the
 * record itself) cost Socket.IO 16 % on its p50 round trip in `npm run bench`. A unit is kept as it
 * came (its text, a copy of its request head) and decoded, in order, when the log is read or a
 * live stream is open (then on the next turn of the event loop, after the replies have left). A
 * unit nobody read before `capacity` newer ones came is dropped undecoded, as the ring would
 * have dropped its record; a read past it says `wrapped`.
 */
import type { IncomingMessage } from 'node:http';
import type { Socket } from 'node:net';
import { performance } from 'node:perf_hooks';
import { isLaneId, laneTransport, type LaneId, type TransportId, type WireRecord } from '../../protocol';
import type { CountedLayers, RequestHead, UnitContent, WireUnit, WireUnitSink } from '../metering/wire-units';
import { decodeUnit, pathOf } from './decode/decode-unit';
import type { SendKey } from './decode/unit-facts';
import { PendingUnits, type PendingUnit as Pending } from './pending-units';
import { RecordRing } from './record-ring';
import { redactHeader, redactText } from './redact';

/** Longest raw text kept per record; `rawTruncated` says when it was cut. */
export const MAX_RAW_CHARS = 4096;
/** Sends remembered while their ack has not come (a client that never gets one must not grow this). */
const MAX_PENDING_SENDS = 10_000;

/** A unit as it came, waiting to be decoded. */
type PendingUnit = Pending<ConnectionState>;

/** Bytes a connection's records have claimed so far, per direction. */
interface ConnectionState {
  id: string;
  /** The chat client this upgraded connection serves, once a welcome said so. */
  client?: string;
  claimedIn: number;
  claimedOut: number;
}

/**
 * True when `record` is of `lane`: a base lane (a transport id) takes its variants' records too.
 */
export const recordOfLane = (record: WireRecord, lane: LaneId): boolean => (lane.includes(':') ? record.lane === lane : record.transport === lane);

export class WireInspector implements WireUnitSink {
  private readonly ring: RecordRing;
  private readonly connections = new WeakMap<Socket, ConnectionState>();
  private connectionCount = 0;
  /** Session (polling sid, Engine.IO sid, SockJS session) → chat client id. */
  private readonly sessionClients = new Map<string, string>();
  /** `client|ref` or `connection|#ackId` → the send record waiting for its message id. */
  private readonly pendingSends = new Map<string, WireRecord>();
  private readonly listeners = new Set<(record: WireRecord) => void>();
  /** Units not decoded yet, oldest first (at most `capacity`). */
  private readonly pending: PendingUnits<ConnectionState>;
  private lastSeqGiven = 0;
  private flushScheduled = false;

  constructor(capacity: number) {
    this.ring = new RecordRing(capacity);
    this.pending = new PendingUnits(capacity);
  }

  /** Records after `since`, optionally of one transport or connection (`GET /api/wire/log`). */
  read(since: number, filter: { transport?: LaneId; connection?: string } = {}) {
    this.flush();
    const { transport, connection } = filter;
    return this.ring.read(since, (r) => (transport === undefined || recordOfLane(r, transport)) && (connection === undefined || r.connection === connection));
  }

  /** Every record still kept, oldest first. */
  all(): WireRecord[] {
    this.flush();
    return this.ring.all();
  }

  /** Seq of the newest record (0: none). */
  get lastSeq(): number {
    return this.lastSeqGiven;
  }

  /**
   * Calls `listener` with each new record, and again with a record that learnt more later (a
   * send once its ack named the message: same `seq`, keep the latest). Returns the unsubscriber.
   */
  subscribe(listener: (record: WireRecord) => void): () => void {
    // What came before the subscription is read from the log, not pushed.
    this.flush();
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  unit(unit: WireUnit): void {
    const conn = this.connection(unit.socket, unit.transport);
    if (unit.dir === 'in') conn.claimedIn += unit.bytes;
    else conn.claimedOut += unit.bytes;
    // Only what decoding needs is kept: the request's head, not the request (nor the socket).
    const { req } = unit;
    const kept: WireUnit = req ? { ...unit, req: { method: req.method, url: req.url, httpVersion: req.httpVersion, rawHeaders: req.rawHeaders, headers: { upgrade: req.headers.upgrade } } } : unit;
    // Beyond the ring's size the oldest would be overwritten before anyone could read it. Only a
    // welcome in it still matters: it names the client of a session that may live on.
    this.pending.push(++this.lastSeqGiven, performance.now(), Date.now(), kept, conn, mentionsWelcome, this.learnFromDropped);
    if (this.listeners.size > 0 && !this.flushScheduled) {
      this.flushScheduled = true;
      setImmediate(() => this.flush());
    }
  }

  /** Decodes every pending unit, in order, into the ring (and to the live subscribers). */
  private flush(): void {
    this.flushScheduled = false;
    this.pending.drain(this.decodeOne);
  }

  /** A welcome in `p` names the chat client of its session (and of its connection, when upgraded). */
  private learnClient({ unit, conn }: PendingUnit, welcome: string | undefined, openedSession?: string): void {
    if (!welcome) return;
    const session = sessionOf(unit.transport, unit.req);
    // A session opened in this unit is known by its id from now on.
    const sessionKey = session ?? (openedSession ? `${unit.transport}:${openedSession}` : undefined);
    if (sessionKey) this.sessionClients.set(sessionKey, welcome);
    if (unit.kind === 'ws-frame') conn.client = welcome;
  }

  private readonly decodeOne = (p: PendingUnit): void => this.decode(p);

  private readonly learnFromDropped = (p: PendingUnit): void => this.learnClient(p, decodeUnit(p.unit).welcome);

  private decode(p: PendingUnit): void {
    const { seq, at, wallTime, unit, conn } = p;
    const decoded = decodeUnit(unit);
    const session = sessionOf(unit.transport, unit.req);
    this.learnClient(p, decoded.welcome, decoded.openedSession);
    // An upgrade request names its Engine.IO session: the socket serves that client.
    if (unit.kind === 'http-request' && unit.req?.headers.upgrade && session && this.sessionClients.has(session)) conn.client = this.sessionClients.get(session);
    const client = conn.client ?? (session ? this.sessionClients.get(session) : undefined) ?? decoded.welcome;
    const { raw, truncated } = rawText(unit);
    const record: WireRecord = {
      seq,
      at,
      wallTime,
      transport: unit.transport,
      lane: unit.lane,
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
      ...(unit.kind === 'http-request' || unit.kind === 'http-response' ? { http: httpPart(unit) } : {}),
      ...(decoded.messageIds.length ? { messageIds: [...new Set(decoded.messageIds)] } : {}),
      ...(unit.emptyPoll ? { emptyPoll: true } : {}),
    };
    this.ring.push(record);
    this.publish(record);
    for (const send of decoded.sends) this.rememberSend(this.sendKey(send, client, conn.id), record);
    for (const ack of decoded.acks) this.linkAck(this.sendKey(ack, client, conn.id), ack.messageId);
  }

  closed(socket: Socket, owner: string, bytesIn: number, bytesOut: number): void {
    if (!isLaneId(owner)) return;
    // After the frames the upgrade tap still has queued for this tick (upgrade-tap.ts, `later`).
    process.nextTick(() => this.settleRest(socket, owner, bytesIn, bytesOut));
  }

  private settleRest(socket: Socket, owner: LaneId, bytesIn: number, bytesOut: number): void {
    const conn = this.connections.get(socket);
    // What the meter gave the transport beyond the units: a cut-off request or frame.
    const restIn = bytesIn - (conn?.claimedIn ?? 0) - (this.otherBuckets.get(socket)?.in ?? 0);
    const restOut = bytesOut - (conn?.claimedOut ?? 0) - (this.otherBuckets.get(socket)?.out ?? 0);
    for (const [dir, rest] of [['in', restIn], ['out', restOut]] as const) {
      if (rest <= 0) continue;
      this.unit({ transport: laneTransport(owner), lane: owner, socket, dir, kind: 'tcp', bytes: rest, layers: { payload: 0, http: 0, keepalive: 0 }, text: '' });
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
function sessionOf(transport: TransportId, req: RequestHead | IncomingMessage | undefined): string | undefined {
  if (!req?.url) return undefined;
  if (transport === 'sockjs') {
    // /rt/sockjs/<server>/<session>/<transport>
    const parts = pathOf(req.url).split('/');
    return parts.length >= 6 ? `sockjs:${parts[parts.length - 2]}` : undefined;
  }
  const sid = /[?&]sid=([^&]+)/.exec(req.url)?.[1];
  return sid === undefined ? undefined : `${transport}:${decodeURIComponent(sid)}`;
}

const mentionsWelcome = (text: string): boolean => text.includes('welcome');

function withFraming(bytes: number, layers: CountedLayers): WireRecord['layers'] {
  return { ...layers, framing: bytes - layers.payload - layers.http - layers.keepalive };
}

function httpPart(unit: UnitContent): NonNullable<WireRecord['http']> {
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
function rawText(unit: UnitContent): { raw: string; truncated: boolean } {
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
