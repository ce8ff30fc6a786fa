/**
 * SockJS transport: the `sockjs` server behind our dispatcher (never `installHandlers`, which
 * hijacks every request and upgrade listener). One JSON text message per operation or event.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Duplex } from 'node:stream';
import createDebug from 'debug';
import sockjs from 'sockjs';
import { encodeServerEvent, errorEvent, SOCKJS_CLIENT_PATH, TRANSPORT_PATHS } from '../../protocol';
import { encodeOnce } from './event-encoding';
import type { ChatHub } from '../chat/chat-hub';
import type { Peer } from '../chat/peer';
import { CLOSE_GRACE_MS, HARD_LIMIT_FACTOR, type ServerTransport, SHUTDOWN_REASON } from './server-transport';
import { batchRestOfRead, newBatchMark } from '../http/write-coalescing';
import { cutAfterGrace, QueueTally, queuedBytes, SLOW_CONSUMER_REASON, SOCKJS_CLOSE_SLOW_CONSUMER } from './send-budget';
import { UpgradedSockets } from './upgraded-sockets';

const debug = createDebug('lab:sockjs');

/** Close code for "server closed this session" (4000-4999 are application codes; 3001 is ours). */
// @types/sockjs declares the code a string, but sockjs writes it into the close frame as given.
const CLOSE_DROPPED = 3001 as unknown as string;

export interface SockJsTransportOptions {
  heartbeatMs: number;
  disconnectDelayMs: number;
  /** Bytes held for a client that is not reading before it is closed (see send-budget.ts). */
  maxBufferedBytes: number;
}

export class SockJsTransport implements ServerTransport {
  readonly id = 'sockjs' as const;
  readonly path = TRANSPORT_PATHS.sockjs;
  private readonly handler: (req: IncomingMessage, res: ServerResponse | Duplex, head?: Buffer) => boolean;
  private readonly connections = new Set<sockjs.Connection>();
  /** SockJS session ids (from the URL) of open connections, to tell a new session from a poll. */
  private readonly liveSessionIds = new Set<string>();
  private readonly hardLimit: number;
  private readonly upgraded = new UpgradedSockets();

  constructor(
    private readonly hub: ChatHub,
    private readonly options: SockJsTransportOptions,
  ) {
    this.hardLimit = hub.limits.maxFrameBytes * HARD_LIMIT_FACTOR;
    const server = sockjs.createServer({
      // The prefix is a regular expression inside sockjs: escape the dot-free path anyway.
      prefix: this.path.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'),
      heartbeat_delay: options.heartbeatMs,
      disconnect_delay: options.disconnectDelayMs,
      sockjs_url: SOCKJS_CLIENT_PATH,
      // sockjs logs to stdout by default; route it to our debug namespace instead.
      log: (severity: string, line: string) => debug('%s %s', severity, line),
      faye_server_options: { maxLength: this.hardLimit },
    } as sockjs.ServerOptions);
    server.on('connection', (conn: sockjs.Connection | null) => {
      if (conn) this.accept(conn);
    });
    this.handler = server.listener({ prefix: this.path }).getHandler();
  }

  handleRequest(req: IncomingMessage, res: ServerResponse): void {
    // sockjs buffers xhr_send bodies whole: refuse a big declared body before it sees any of it.
    const declared = req.headers['transfer-encoding'] === undefined ? Number(req.headers['content-length']) : NaN;
    if (req.method === 'POST' && declared > this.hardLimit) return this.refuseTooLarge(req, res);
    const before = bodyListeners(req);
    if (!this.handler(req, res)) {
      res.writeHead(404, { 'content-type': 'application/json' });
      res.end(JSON.stringify(errorEvent('bad_request')));
      return;
    }
    // A body of unknown size (the Node sockjs-client sends xhr_send chunked; browsers declare a
    // length) is counted as it streams, and taken away from sockjs the moment it passes the limit.
    if (req.method === 'POST' && !Number.isFinite(declared)) {
      capStreamedBody(req, before, this.hardLimit, () => this.refuseTooLarge(req, res));
    }
  }

  private refuseTooLarge(req: IncomingMessage, res: ServerResponse): void {
    // sockjs answered already (it refuses some requests before their body ends): just cut it.
    if (res.headersSent) return void req.socket.destroy();
    res.writeHead(413, { 'content-type': 'application/json', connection: 'close' });
    res.end(JSON.stringify(errorEvent('too_large', { message: `Body is over ${this.hardLimit} bytes.` })));
    req.resume();
  }

  opensConnection(req: IncomingMessage, upgrade: boolean): boolean {
    if (upgrade) return true;
    const sessionId = receiveSessionId(this.path, req.url);
    return sessionId !== undefined && !this.liveSessionIds.has(sessionId);
  }

  handleUpgrade(req: IncomingMessage, socket: Duplex, head: Buffer): void {
    this.upgraded.add(socket);
    if (!this.handler(req, socket, head)) socket.end('HTTP/1.1 404 Not Found\r\nConnection: close\r\n\r\n');
  }

  dropAll(reason: string): void {
    for (const conn of this.connections) conn.close(CLOSE_DROPPED, reason.slice(0, 120));
  }

  async close(): Promise<void> {
    for (const conn of this.connections) {
      conn.write(encodeServerEvent({ type: 'bye', reason: SHUTDOWN_REASON }));
      conn.close(CLOSE_DROPPED, SHUTDOWN_REASON);
    }
    await this.upgraded.drain(CLOSE_GRACE_MS);
  }

  private accept(conn: sockjs.Connection): void {
    this.connections.add(conn);
    const sessionId = receiveSessionId(this.path, conn.url);
    if (sessionId !== undefined) this.liveSessionIds.add(sessionId);
    const held = new HeldBytes();
    const batch = newBatchMark();
    const peer: Peer = {
      transport: 'sockjs',
      send: (event) => {
        if (conn.readyState !== 1) return;
        batchRestOfRead(internals(conn).recv?.connection, batch);
        conn.write(encodeOnce(event));
        if (held.of(conn) > this.options.maxBufferedBytes) this.dropSlow(conn, held.of(conn));
      },
      close: (reason) => conn.close(CLOSE_DROPPED, reason.slice(0, 120)),
    };
    // sockjs keeps X-Forwarded-For among the few headers it passes on.
    const session = this.hub.connect(peer, { remoteAddress: conn.remoteAddress, forwardedFor: conn.headers['x-forwarded-for'] });
    debug('open %s via %s', session.id, conn.protocol);
    conn.on('data', (message: string) => session.handleFrame(message));
    conn.on('close', () => {
      this.connections.delete(conn);
      if (sessionId !== undefined) this.liveSessionIds.delete(sessionId);
      debug('close %s', session.id);
      session.handleClose();
    });
  }

  /** Closes a client that has stopped reading; cuts its socket if the close cannot get through. */
  private dropSlow(conn: sockjs.Connection, bytes: number): void {
    debug('slow consumer %s: %d bytes held', conn.id, bytes);
    const socket = internals(conn).recv?.connection ?? internals(conn).recv?.request?.connection;
    conn.close(SOCKJS_CLOSE_SLOW_CONSUMER as unknown as string, SLOW_CONSUMER_REASON);
    if (socket) cutAfterGrace(() => socket.destroy(), (listener) => socket.once('close', listener));
  }
}

/** The parts of sockjs 0.3.24's session we read (untyped internals: checked by the slow-consumer test). */
interface SessionInternals {
  /** Messages not yet handed to a receiver (an HTTP transport between polls); replaced on flush. */
  send_buffer: string[];
  /** The current receiver: a WebSocket's socket, or a streaming/polling request. */
  recv: { connection?: Duplex & { writableLength: number }; request?: { connection?: Duplex & { writableLength: number } } } | null;
}

function internals(conn: sockjs.Connection): SessionInternals {
  return (conn as unknown as { _session: SessionInternals })._session;
}

/** Bytes a SockJS session holds for its client: its send buffer plus the receiver socket's write queue. */
class HeldBytes {
  private readonly tally = new QueueTally<string>((entry) => entry.length);

  of(conn: sockjs.Connection): number {
    const session = internals(conn);
    if (!session) return 0;
    const recv = session.recv;
    return this.tally.bytesIn(session.send_buffer) + queuedBytes(recv?.connection ?? recv?.request?.connection);
  }
}

/** The `data` and `end` listeners a request has now (to tell apart the ones sockjs adds next). */
function bodyListeners(req: IncomingMessage): Set<unknown> {
  return new Set([...req.listeners('data'), ...req.listeners('end')]);
}

/**
 * Counts a streamed request body; once it passes `limit`, removes the body listeners added since
 * `before` (sockjs's buffer: it never sees the end, so never parses what it holds, at most
 * `limit` plus one chunk) and calls `onOver`.
 */
function capStreamedBody(req: IncomingMessage, before: Set<unknown>, limit: number, onOver: () => void): void {
  let size = 0;
  const count = (chunk: Buffer) => {
    size += chunk.length;
    if (size <= limit) return;
    for (const event of ['data', 'end'] as const) {
      for (const listener of req.listeners(event)) if (!before.has(listener)) req.off(event, listener as (...args: unknown[]) => void);
    }
    onOver();
  };
  req.on('data', count);
}

/** SockJS's HTTP transports that open (or resume) a session: `<prefix>/<server>/<session>/<kind>`. */
const RECEIVE_KINDS = new Set(['xhr', 'xhr_streaming', 'eventsource', 'htmlfile', 'jsonp']);

/** The session id of a SockJS receive request, or undefined when the URL is not one. */
function receiveSessionId(prefix: string, url: string | undefined): string | undefined {
  const path = (url ?? '').split('?')[0];
  if (!path.startsWith(`${prefix}/`)) return undefined;
  const parts = path.slice(prefix.length + 1).split('/');
  return parts.length === 3 && RECEIVE_KINDS.has(parts[2]) ? parts[1] : undefined;
}
