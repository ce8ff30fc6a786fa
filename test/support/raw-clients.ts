/**
 * Raw connections, one small adapter per transport, for what ChatClient would never send:
 * malformed frames, unknown operations, oversized bodies, operations before hello.
 * Each speaks the transport's wire format directly with the real Node client library.
 */
import { io, type Socket } from 'socket.io-client';
import SockJS from 'sockjs-client';
import WebSocket, { type ClientOptions } from 'ws';
import { TRANSPORT_PATHS, type ErrorEvent, type ServerEvent, type TransportId, type WelcomeEvent } from '../../protocol';

/** How a raw connection ended. */
export interface RawClose {
  code?: number;
  reason: string;
}

export interface RawConnection {
  readonly transport: TransportId;
  /** Sends one text frame as is (a POST body on polling). Socket.IO has no text frames: throws. */
  sendRaw(text: string): Promise<void>;
  /** Sends an operation: `{"op": name, ...body}` on text transports, `emit(name, body)` on Socket.IO. */
  sendOp(name: string, body: unknown): Promise<void>;
  /** Says hello and resolves with the welcome. */
  hello(name: string, ns?: string): Promise<WelcomeEvent>;
  /** The next event matching `predicate` (earlier non-matching events stay queued). */
  nextEvent(predicate?: (e: ServerEvent) => boolean, timeoutMs?: number): Promise<ServerEvent>;
  /** The next error event. */
  nextError(timeoutMs?: number): Promise<ErrorEvent>;
  /** Resolves when the server ends the connection. */
  readonly closed: Promise<RawClose>;
  /** Status of the last HTTP answer (polling only). */
  readonly httpStatus?: number;
  /** The polling session id (polling only). */
  readonly sid?: string;
  close(): Promise<void>;
}

export interface RawOptions {
  /** Socket.IO namespace (the others choose theirs in hello). */
  ns?: string;
  /** Extra options for the `ws` client, e.g. `{ autoPong: false }`. */
  ws?: ClientOptions;
}

/** Opens a raw connection and resolves once it is open. */
export function openRaw(transport: TransportId, url: string, options: RawOptions = {}): Promise<RawConnection> {
  switch (transport) {
    case 'ws':
      return openRawWs(url, options.ws);
    case 'sockjs':
      return openRawSockJs(url);
    case 'socketio':
      return openRawSocketIo(url, options.ns);
    case 'polling':
      return openRawPolling(url);
  }
}

/** Events in arrival order; a reader takes the first one it wants, leaving the rest. */
class EventQueue {
  private readonly events: ServerEvent[] = [];
  private readonly waiters = new Set<() => void>();

  /** @param pump fetches more events (polling); called while a reader waits */
  constructor(private readonly pump?: () => Promise<void>) {}

  push(event: ServerEvent): void {
    this.events.push(event);
    for (const wake of this.waiters) wake();
  }

  async take(predicate: (e: ServerEvent) => boolean, timeoutMs: number, transport: TransportId): Promise<ServerEvent> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const index = this.events.findIndex(predicate);
      if (index >= 0) return this.events.splice(index, 1)[0];
      const left = deadline - Date.now();
      if (left <= 0) {
        const seen = this.events.map((e) => e.type).join(', ') || 'nothing';
        throw new Error(`raw ${transport}: timed out after ${timeoutMs} ms (queued: ${seen})`);
      }
      if (this.pump) {
        await this.pump();
        if (this.events.findIndex(predicate) >= 0) continue;
      }
      // Wake on the next push, or after a short pause when we have to poll for events ourselves.
      await new Promise<void>((resolve) => {
        const wake = () => {
          clearTimeout(timer);
          this.waiters.delete(wake);
          resolve();
        };
        const timer = setTimeout(wake, this.pump ? Math.min(left, 20) : left);
        this.waiters.add(wake);
      });
    }
  }
}

/** The parts every adapter shares, around its own `send` of one operation. */
function rawConnection(
  transport: TransportId,
  queue: EventQueue,
  parts: Pick<RawConnection, 'sendRaw' | 'sendOp' | 'closed' | 'close' | 'sid'> & { httpStatus?: () => number | undefined },
): RawConnection {
  const nextEvent = (predicate: (e: ServerEvent) => boolean = () => true, timeoutMs = 5000) =>
    queue.take(predicate, timeoutMs, transport);
  return {
    transport,
    sendRaw: parts.sendRaw,
    sendOp: parts.sendOp,
    closed: parts.closed,
    close: parts.close,
    sid: parts.sid,
    get httpStatus() {
      return parts.httpStatus?.();
    },
    nextEvent,
    nextError: (timeoutMs) => nextEvent((e) => e.type === 'error', timeoutMs) as Promise<ErrorEvent>,
    async hello(name, ns) {
      await parts.sendOp('hello', ns === undefined ? { name } : { name, ns });
      const event = await nextEvent((e) => e.type === 'welcome' || e.type === 'error');
      if (event.type !== 'welcome') throw new Error(`hello refused: ${JSON.stringify(event)}`);
      return event;
    },
  };
}

function pushText(queue: EventQueue, data: unknown): void {
  if (typeof data !== 'string') return;
  queue.push(JSON.parse(data) as ServerEvent);
}

const opFrame = (name: string, body: unknown) =>
  JSON.stringify(typeof body === 'object' && body !== null ? { ...body, op: name } : { op: name, body });

async function openRawWs(url: string, options?: ClientOptions): Promise<RawConnection> {
  const socket = new WebSocket(url.replace(/^http/, 'ws') + TRANSPORT_PATHS.ws, options);
  const queue = new EventQueue();
  socket.on('message', (data, isBinary) => {
    if (!isBinary) pushText(queue, data.toString());
  });
  socket.on('error', () => undefined);
  const closed = new Promise<RawClose>((resolve) => socket.on('close', (code, reason) => resolve({ code, reason: reason.toString() })));
  await new Promise<void>((resolve, reject) => {
    socket.once('open', () => resolve());
    socket.once('error', reject);
  });
  const sendRaw = (text: string) =>
    new Promise<void>((resolve, reject) => socket.send(text, (err) => (err ? reject(err) : resolve())));
  return rawConnection('ws', queue, {
    sendRaw,
    sendOp: (name, body) => sendRaw(opFrame(name, body)),
    closed,
    async close() {
      if (socket.readyState === WebSocket.CLOSED) return;
      socket.terminate();
      await closed;
    },
  });
}

interface SockJsSocket {
  readyState: number;
  onopen: (() => void) | null;
  onmessage: ((ev: { data: unknown }) => void) | null;
  onclose: ((ev: { code: number; reason: string }) => void) | null;
  send(data: string): void;
  close(code?: number, reason?: string): void;
}

async function openRawSockJs(url: string): Promise<RawConnection> {
  const sock = new (SockJS as unknown as new (url: string) => SockJsSocket)(url + TRANSPORT_PATHS.sockjs);
  const queue = new EventQueue();
  sock.onmessage = (ev) => pushText(queue, ev.data);
  let opened: () => void = () => undefined;
  let failed: (err: Error) => void = () => undefined;
  const closed = new Promise<RawClose>((resolve) => {
    sock.onclose = (ev) => {
      failed(new Error(`sockjs closed before open: ${ev.code} ${ev.reason}`));
      resolve({ code: ev.code, reason: ev.reason });
    };
  });
  await new Promise<void>((resolve, reject) => {
    opened = resolve;
    failed = reject;
    sock.onopen = () => opened();
  });
  // SockJS's send() queues the frame; there is no write callback to wait for.
  const sendRaw = async (text: string) => sock.send(text);
  return rawConnection('sockjs', queue, {
    sendRaw,
    sendOp: (name, body) => sendRaw(opFrame(name, body)),
    closed,
    async close() {
      if (sock.readyState >= 2) return;
      sock.close(1000, 'test done');
      await closed;
    },
  });
}

async function openRawSocketIo(url: string, ns = '/'): Promise<RawConnection> {
  const socket: Socket = io(url + (ns === '/' ? '' : ns), {
    path: TRANSPORT_PATHS.socketio,
    transports: ['websocket'],
    forceNew: true,
    reconnection: false,
  });
  const queue = new EventQueue();
  socket.onAny((type: string, payload: Record<string, unknown>) => queue.push({ ...payload, type } as ServerEvent));
  const closed = new Promise<RawClose>((resolve) => socket.on('disconnect', (reason) => resolve({ reason })));
  await new Promise<void>((resolve, reject) => {
    socket.once('connect', () => resolve());
    socket.once('connect_error', reject);
  });
  return rawConnection('socketio', queue, {
    async sendRaw() {
      throw new Error('Socket.IO has no raw text frames; use sendOp');
    },
    async sendOp(name, body) {
      socket.emit(name, body);
    },
    closed,
    async close() {
      if (!socket.connected) return;
      socket.disconnect();
      await closed;
    },
  });
}

async function openRawPolling(url: string): Promise<RawConnection> {
  const base = url + TRANSPORT_PATHS.polling;
  const opened = await fetch(`${base}/open`, { method: 'POST' });
  if (opened.status !== 201) throw new Error(`polling open: HTTP ${opened.status}`);
  const { sid } = (await opened.json()) as { sid: string };
  let cursor = 0;
  let status: number | undefined = opened.status;
  let ended: (close: RawClose) => void = () => undefined;
  const closed = new Promise<RawClose>((resolve) => (ended = resolve));
  const queue = new EventQueue(async () => {
    const res = await fetch(`${base}/events?sid=${encodeURIComponent(sid)}&after=${cursor}`);
    if (res.status === 404) {
      await res.body?.cancel();
      ended({ code: 404, reason: 'unknown session' });
      return;
    }
    const body = (await res.json()) as { next: number; events: ServerEvent[] };
    cursor = body.next;
    for (const event of body.events) queue.push(event);
  });
  const sendRaw = async (text: string) => {
    const res = await fetch(`${base}/send?sid=${encodeURIComponent(sid)}`, {
      method: 'POST',
      body: text,
      headers: { 'content-type': 'application/json' },
    });
    status = res.status;
    // A body refused at the HTTP layer answers with the error event itself.
    if (res.ok) await res.body?.cancel();
    else queue.push((await res.json()) as ServerEvent);
  };
  return rawConnection('polling', queue, {
    sendRaw,
    sendOp: (name, body) => sendRaw(opFrame(name, body)),
    closed,
    sid,
    httpStatus: () => status,
    async close() {
      const res = await fetch(`${base}/close?sid=${encodeURIComponent(sid)}`, { method: 'POST' });
      await res.body?.cancel();
      ended({ reason: 'closed by test' });
    },
  });
}

/** Status of one poll for the session behind a raw polling connection (404 once it expired). */
export async function pollStatus(url: string, sid: string): Promise<number> {
  const res = await fetch(`${url}${TRANSPORT_PATHS.polling}/events?sid=${encodeURIComponent(sid)}&after=0`);
  await res.body?.cancel();
  return res.status;
}
