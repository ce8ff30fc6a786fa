/**
 * Slow consumers: clients that complete their handshake, say hello, join a room, and then never
 * read another byte (the socket is paused, so the kernel buffers fill and the server's own
 * queues grow). One per transport, each speaking its wire format over a raw `ws` socket.
 */
import WebSocket from 'ws';
import type { TransportId } from '../../protocol';

/** A client that has stopped reading. */
export interface SlowClient {
  readonly transport: TransportId;
  /** Resolves when the server ends the connection (never, for polling: it does not ask). */
  readonly closed: Promise<void>;
  /** Closes it from our side (cleanup). */
  destroy(): void;
}

const hello = { name: 'slow' };

/** Per transport: where to connect, what to send once open, how to frame an operation. */
const WIRE: Record<Exclude<TransportId, 'polling'>, { path: string; encode: (op: string, body: object) => string; start?: string }> = {
  ws: { path: '/rt/ws', encode: (op, body) => JSON.stringify({ op, ...body }) },
  sockjs: { path: '/rt/sockjs/000/slowconsumer/websocket', encode: (op, body) => JSON.stringify([JSON.stringify({ op, ...body })]) },
  socketio: { path: '/rt/socket.io/?EIO=4&transport=websocket', encode: (op, body) => `42${JSON.stringify([op, body])}`, start: '40' },
};

/**
 * Opens a slow consumer on `transport` in `room` and resolves once it has joined and stopped
 * reading.
 */
export async function openSlowClient(transport: TransportId, url: string, room: string): Promise<SlowClient> {
  if (transport === 'polling') return openSlowPolling(url, room);
  const wire = WIRE[transport];
  const socket = new WebSocket(`${url.replace(/^http/, 'ws')}${wire.path.replace('slowconsumer', `slow${Date.now()}`)}`);
  socket.on('error', () => undefined);
  const closed = new Promise<void>((resolve) => socket.once('close', () => resolve()));
  await new Promise<void>((resolve, reject) => {
    socket.once('open', resolve);
    socket.once('error', reject);
  });
  const joined = new Promise<void>((resolve) => {
    socket.on('message', (data) => {
      const text = data.toString();
      // Socket.IO: connect first, then hello (our server wants hello before join).
      if (transport === 'socketio' && text.startsWith('40')) {
        socket.send(wire.encode('hello', hello));
        socket.send(wire.encode('join', { rooms: [room] }));
      }
      if (text.includes('"type":"rooms"') || text.includes('"type\\":\\"rooms\\"') || (transport === 'socketio' && text.startsWith('42["rooms"'))) resolve();
    });
  });
  if (wire.start) socket.send(wire.start);
  else {
    socket.send(wire.encode('hello', hello));
    socket.send(wire.encode('join', { rooms: [room] }));
  }
  await joined;
  // From here on nothing is read: what the server sends piles up in the kernel, then in the server.
  const raw = (socket as unknown as { _socket: { pause(): void } })._socket;
  socket.removeAllListeners('message');
  raw.pause();
  return { transport, closed, destroy: () => socket.terminate() };
}

/** A polling client that never polls again after joining. */
async function openSlowPolling(url: string, room: string): Promise<SlowClient> {
  const { sid } = (await (await fetch(`${url}/rt/poll/open`, { method: 'POST' })).json()) as { sid: string };
  const post = (op: object) => fetch(`${url}/rt/poll/send?sid=${sid}`, { method: 'POST', body: JSON.stringify(op) });
  await post({ op: 'hello', ...hello });
  await post({ op: 'join', rooms: [room] });
  // It never polls again: the server ends it by its queue limit or its session TTL, whichever
  // comes first (tests watch the server's connection count, not this client).
  const closed = new Promise<void>(() => undefined);
  return { transport: 'polling', closed, destroy: () => undefined };
}

/**
 * A slow consumer over an HTTP sub-transport: Socket.IO long-polling that never polls again, or
 * a SockJS xhr_streaming response that is never read. Resolves once it has joined `room`.
 */
export async function openSlowHttpClient(kind: 'socketio-polling' | 'sockjs-xhr_streaming', url: string, room: string): Promise<SlowClient> {
  if (kind === 'socketio-polling') {
    const base = `${url}/rt/socket.io/?EIO=4&transport=polling`;
    const sid = (JSON.parse((await (await fetch(base)).text()).slice(1)) as { sid: string }).sid;
    const post = async (body: string) => void (await (await fetch(`${base}&sid=${sid}`, { method: 'POST', body })).text());
    await post('40');
    await post(`42${JSON.stringify(['hello', hello])}\x1e42${JSON.stringify(['join', { rooms: [room] }])}`);
    // Read until the join is confirmed; after that, no GET ever again.
    for (let text = ''; !text.includes('"rooms"'); ) text = await (await fetch(`${base}&sid=${sid}`)).text();
    return { transport: 'socketio', closed: new Promise(() => undefined), destroy: () => undefined };
  }
  const session = `${url}/rt/sockjs/000/slowstream${Date.now()}`;
  const { openTcp, writeAll, receive, httpRequest } = await import('./raw-tcp');
  const socket = await openTcp(url);
  const opened = receive(socket, (r) => r.includes('\no\n'));
  await writeAll(socket, httpRequest('POST', new URL(`${session}/xhr_streaming`).pathname, url));
  await opened;
  const joined = receive(socket, (r) => r.includes('\\"type\\":\\"rooms\\"'));
  const send = (op: object) => fetch(`${session}/xhr_send`, { method: 'POST', body: JSON.stringify([JSON.stringify(op)]) }).then((r) => r.text());
  await send({ op: 'hello', ...hello });
  await send({ op: 'join', rooms: [room] });
  await joined;
  socket.pause();
  const closed = new Promise<void>((resolve) => socket.once('close', () => resolve()));
  return { transport: 'sockjs', closed, destroy: () => socket.destroy() };
}
