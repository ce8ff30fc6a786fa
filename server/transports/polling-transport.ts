/**
 * AJAX short polling: the baseline. The client opens a session, POSTs each operation, and asks
 * `GET events` at a fixed interval whether anything arrived; the answer comes at once, empty or not.
 *
 *   POST /rt/poll/open                 → 201 {"sid", "pollIntervalMs"}
 *   POST /rt/poll/send?sid=S   (body: one operation as JSON)  → 204
 *   GET  /rt/poll/events?sid=S&after=N → 200 {"next": M, "events": [...]}  (events after cursor N)
 *   POST /rt/poll/close?sid=S          → 204
 *
 * The cursor makes delivery safe against a lost response: events stay queued until a later poll
 * names a cursor past them. A session that has not polled for `sessionTtlMs` is closed.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Duplex } from 'node:stream';
import { randomBytes } from 'node:crypto';
import createDebug from 'debug';
import { errorEvent, TRANSPORT_PATHS, type ErrorEvent, type ServerEvent } from '../../protocol';
import type { ChatHub } from '../chat/chat-hub';
import type { ChatSession } from '../chat/chat-session';
import { sendJson, sendJsonText } from '../http-io/json-response';
import { encodeOnce } from './event-encoding';
import { readBody, BodyTooLargeError } from '../http-io/read-body';
import { CLOSE_GRACE_MS, HARD_LIMIT_FACTOR, type ServerTransport, SHUTDOWN_REASON } from './server-transport';
import type { PollAction, PollAnswer, PollRelay } from '../cluster/poll-relay';

const debug = createDebug('lab:polling');

export interface PollingTransportOptions {
  pollIntervalMs: number;
  sessionTtlMs: number;
  queueLimit: number;
  /**
   * In a cluster: sessions of other nodes are reached through it, so short polling needs no
   * sticky sessions (server/cluster/poll-relay.ts).
   */
  relay?: PollRelay;
}

/** One polling client's state on the server. */
interface PollingSession {
  sid: string;
  chat: ChatSession;
  /** Events not yet confirmed by the client, oldest first, with their sequence numbers. */
  /** Events not yet confirmed, each as its JSON text (encoded once, however often it is re-sent). */
  queue: { seq: number; text: string }[];
  nextSeq: number;
  lastPollAt: number;
  closed: boolean;
}

export class PollingTransport implements ServerTransport {
  readonly id = 'polling' as const;
  readonly path = TRANSPORT_PATHS.polling;
  private readonly sessions = new Map<string, PollingSession>();
  private readonly sweeper: NodeJS.Timeout;
  private readonly hardLimit: number;
  /** Set while close() waits for sessions to collect their bye: told of each poll that did. */
  private byeCollected: ((sid: string) => void) | undefined;

  constructor(
    private readonly hub: ChatHub,
    private readonly options: PollingTransportOptions,
  ) {
    this.hardLimit = hub.limits.maxFrameBytes * HARD_LIMIT_FACTOR;
    this.sweeper = setInterval(() => this.expireIdle(), Math.max(100, Math.floor(options.sessionTtlMs / 4)));
    this.sweeper.unref();
    options.relay?.serve((action, sid, arg) => this.answer(action, sid, arg));
  }

  handleRequest(req: IncomingMessage, res: ServerResponse): void {
    const url = new URL(req.url ?? '/', 'http://localhost');
    const action = url.pathname.slice(this.path.length);
    const sid = url.searchParams.get('sid') ?? '';
    // Every answer is dynamic: no cache may keep one.
    res.setHeader('cache-control', 'no-store');
    if (req.method === 'POST' && action === '/open') return this.open(req, res);
    if (req.method === 'POST' && action === '/send') return void this.receive(req, res, sid);
    if (req.method === 'GET' && action === '/events') return this.relayOr(res, 'events', sid, url.searchParams.get('after'));
    if (req.method === 'POST' && action === '/close') return this.relayOr(res, 'close', sid, null);
    req.resume();
    reply(res, 404, errorEvent('bad_request', { message: `No ${req.method} ${url.pathname} on the polling endpoint.` }));
  }

  opensConnection(req: IncomingMessage, upgrade: boolean): boolean {
    return !upgrade && req.method === 'POST' && (req.url ?? '').split('?')[0] === `${this.path}/open`;
  }

  handleUpgrade(_req: IncomingMessage, socket: Duplex): void {
    socket.end('HTTP/1.1 400 Bad Request\r\nConnection: close\r\n\r\n');
  }

  dropAll(reason: string): void {
    for (const session of [...this.sessions.values()]) this.end(session, reason);
  }

  async close(): Promise<void> {
    clearInterval(this.sweeper);
    // No socket to write a bye to: queue it, and keep each session until a poll has collected it
    // (or a short grace passed), so the client learns why, not just a 404 on its next poll.
    const waiting = new Set<string>();
    for (const session of this.sessions.values()) {
      this.enqueue(session, { type: 'bye', reason: SHUTDOWN_REASON });
      if (!session.closed) waiting.add(session.sid);
    }
    if (waiting.size > 0) {
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, this.options.pollIntervalMs + CLOSE_GRACE_MS);
        this.byeCollected = (sid) => {
          waiting.delete(sid);
          if (waiting.size > 0) return;
          clearTimeout(timer);
          resolve();
        };
      });
    }
    this.dropAll(SHUTDOWN_REASON);
  }

  /** Answers here when the session is this node's, else through the relay to its home. */
  private relayOr(res: ServerResponse, action: PollAction, sid: string, arg: string | null): void {
    const home = this.sessions.has(sid) ? undefined : this.options.relay?.remoteHome(sid);
    if (home === undefined) return send(res, this.answer(action, sid, arg));
    void this.options.relay!.forward(home, action, sid, arg).then((answer) => send(res, answer));
  }

  /**
   * One operation on one of this node's sessions (a request here, or relayed from another node).
   * @param arg the frame for `send`, the cursor for `events`
   */
  private answer(action: PollAction, sid: string, arg: string | null): PollAnswer {
    switch (action) {
      case 'send': {
        const session = this.sessions.get(sid);
        if (!session) return json(404, errorEvent('unknown_session'));
        // Errors about the operation itself travel like every other event: on the next poll.
        if (!session.closed) session.chat.handleFrame(arg ?? '');
        return { status: 204 };
      }
      case 'events':
        return this.poll(sid, arg);
      case 'close': {
        const session = this.sessions.get(sid);
        if (session) this.end(session, 'client closed');
        return { status: 204 };
      }
    }
  }

  private open(req: IncomingMessage, res: ServerResponse): void {
    const sid = this.options.relay?.newSid() ?? randomBytes(12).toString('base64url');
    const session: PollingSession = {
      sid,
      queue: [],
      nextSeq: 1,
      lastPollAt: Date.now(),
      closed: false,
      chat: undefined as unknown as ChatSession,
    };
    session.chat = this.hub.connect({
      transport: 'polling',
      send: (event) => this.enqueue(session, event),
      close: (reason) => this.end(session, reason),
    }, { remoteAddress: req.socket.remoteAddress, forwardedFor: req.headers['x-forwarded-for'] });
    this.sessions.set(sid, session);
    debug('open %s (%s)', sid, session.chat.id);
    reply(res, 201, { sid, pollIntervalMs: this.options.pollIntervalMs });
  }

  private async receive(req: IncomingMessage, res: ServerResponse, sid: string): Promise<void> {
    const home = this.sessions.has(sid) ? undefined : this.options.relay?.remoteHome(sid);
    if (home === undefined && !this.sessions.has(sid)) {
      req.resume();
      return reply(res, 404, errorEvent('unknown_session'));
    }
    let body: string;
    try {
      body = await readBody(req, this.hardLimit);
    } catch (err) {
      if (err instanceof BodyTooLargeError) {
        return reply(res, 413, errorEvent('too_large', { message: `Body is over ${this.hardLimit} bytes.` }), true);
      }
      debug('send %s failed: %s', sid, (err as Error).message);
      return reply(res, 400, errorEvent('bad_request'));
    }
    // Answered once the home has handled it, so the client's next request sees its effect.
    if (home !== undefined) return send(res, await this.options.relay!.forward(home, 'send', sid, body));
    send(res, this.answer('send', sid, body));
  }

  private poll(sid: string, afterParam: string | null): PollAnswer {
    const session = this.sessions.get(sid);
    if (!session) return json(404, errorEvent('unknown_session'));
    session.lastPollAt = Date.now();
    const after = afterParam === null ? 0 : Number(afterParam);
    if (!Number.isSafeInteger(after) || after < 0) {
      return json(400, errorEvent('bad_request', { message: '"after" must be a non-negative integer.' }));
    }
    if (after > session.nextSeq - 1) {
      return json(400, errorEvent('bad_request', { message: '"after" is past the last event sent.' }));
    }
    // Drop what the client has confirmed; send the rest.
    while (session.queue.length > 0 && session.queue[0].seq <= after) session.queue.shift();
    // The same bytes as JSON.stringify({ next, events }), from texts encoded once at enqueue time.
    const text = `{"next":${session.nextSeq - 1},"events":[${session.queue.map((entry) => entry.text).join(',')}]}`;
    this.byeCollected?.(sid);
    return { status: 200, text };
  }

  private enqueue(session: PollingSession, event: ServerEvent): void {
    if (session.closed) return;
    session.queue.push({ seq: session.nextSeq, text: encodeOnce(event) });
    session.nextSeq += 1;
    if (session.queue.length > this.options.queueLimit) {
      // A client this far behind is not polling; closing beats silently dropping its messages.
      this.end(session, 'event queue overflow');
    }
  }

  private end(session: PollingSession, reason: string): void {
    if (session.closed) return;
    session.closed = true;
    this.sessions.delete(session.sid);
    debug('close %s: %s', session.sid, reason);
    session.chat.handleClose();
  }

  private expireIdle(): void {
    const deadline = Date.now() - this.options.sessionTtlMs;
    for (const session of [...this.sessions.values()]) {
      if (session.lastPollAt < deadline) this.end(session, 'session expired');
    }
  }
}

function reply(res: ServerResponse, status: number, body: object | ErrorEvent, close = false): void {
  sendJson(res, status, body, close ? { connection: 'close' } : {});
}

/** An answer with a JSON body. */
function json(status: number, body: object): PollAnswer {
  return { status, text: JSON.stringify(body) };
}

/** Writes an answer (from here or from the session's home). */
function send(res: ServerResponse, answer: PollAnswer): void {
  if (answer.text === undefined) res.writeHead(answer.status).end();
  else sendJsonText(res, answer.status, answer.text);
}
