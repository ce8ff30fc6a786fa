/**
 * Bare AJAX short-polling handler: the Lab's endpoint shape (`open`, `send`, `events`, `close`)
 * over an in-memory queue per session, with the same cursor rule, and nothing else.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { randomBytes } from 'node:crypto';
import { TRANSPORT_PATHS } from '../../protocol';
import { MinimalRoom, type BareConnection } from './minimal-room';

interface Session extends BareConnection {
  queue: { seq: number; event: Record<string, unknown> }[];
  nextSeq: number;
}

/**
 * Builds the request handler for `/rt/poll/*`.
 * @returns a handler that answers and returns true for its own paths, else returns false
 */
export function createBarePolling(pollIntervalMs: number): (req: IncomingMessage, res: ServerResponse) => boolean {
  const room = new MinimalRoom();
  const sessions = new Map<string, Session>();
  const json = (res: ServerResponse, status: number, body: unknown) => {
    const text = JSON.stringify(body);
    res.writeHead(status, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(text), 'cache-control': 'no-store' });
    res.end(text);
  };
  return (req, res) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    if (!url.pathname.startsWith(`${TRANSPORT_PATHS.polling}/`)) return false;
    const action = url.pathname.slice(TRANSPORT_PATHS.polling.length);
    const session = sessions.get(url.searchParams.get('sid') ?? '');
    if (action === '/open') {
      const sid = randomBytes(12).toString('base64url');
      const created: Session = {
        queue: [],
        nextSeq: 1,
        send: (event) => created.queue.push({ seq: created.nextSeq++, event }),
      };
      sessions.set(sid, created);
      json(res, 201, { sid, pollIntervalMs });
    } else if (!session) {
      req.resume();
      json(res, 404, { type: 'error', code: 'unknown_session' });
    } else if (action === '/send') {
      let body = '';
      req.setEncoding('utf8');
      req.on('data', (chunk: string) => (body += chunk));
      req.on('end', () => {
        room.handleFrame(session, body);
        res.writeHead(204).end();
      });
    } else if (action === '/events') {
      const after = Number(url.searchParams.get('after') ?? 0);
      while (session.queue.length > 0 && session.queue[0].seq <= after) session.queue.shift();
      json(res, 200, { next: session.nextSeq - 1, events: session.queue.map((e) => e.event) });
    } else {
      // close (the only other action the client sends)
      room.remove(session);
      sessions.delete(url.searchParams.get('sid')!);
      res.writeHead(204).end();
    }
    return true;
  };
}
