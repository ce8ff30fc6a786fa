/**
 * Shutdown must not hang on a peer that never answers a close frame: ws and engine.io would
 * otherwise wait 30 s for it (sockjs forever), and the HTTP server's close with them.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { connect, type Socket } from 'node:net';
import { TRANSPORT_PATHS } from '../../protocol';
import { CLOSE_GRACE_MS } from '../../server/transports/server-transport';
import { startLab } from '../support/lab-fixture';

/** Completes a WebSocket handshake on `path`, then never reads or answers anything again. */
async function mutePeer(port: number, path: string): Promise<Socket> {
  const socket = connect(port, '127.0.0.1');
  socket.on('error', () => undefined);
  await new Promise((resolve) => socket.once('connect', resolve));
  socket.write(
    `GET ${path} HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: Upgrade\r\nUpgrade: websocket\r\n` +
      'Sec-WebSocket-Version: 13\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n\r\n',
  );
  const head = await new Promise<Buffer>((resolve) => socket.once('data', resolve));
  assert.match(head.toString(), /^HTTP\/1\.1 101 /, path);
  socket.pause();
  return socket;
}

test('close() cuts off peers that do not answer its close frames after a short grace', async () => {
  const lab = await startLab();
  const port = Number(new URL(lab.url).port);
  const peers = await Promise.all(
    [TRANSPORT_PATHS.ws, `${TRANSPORT_PATHS.sockjs}/000/mutepeer/websocket`, `${TRANSPORT_PATHS.socketio}/?EIO=4&transport=websocket`].map(
      (path) => mutePeer(port, path),
    ),
  );
  const started = Date.now();
  await lab.close();
  const elapsed = Date.now() - started;
  for (const peer of peers) peer.destroy();
  assert.ok(elapsed >= CLOSE_GRACE_MS - 50, `waited for the grace period (${elapsed} ms)`);
  assert.ok(elapsed < CLOSE_GRACE_MS + 4000, `closed in ${elapsed} ms`);
});

test('while closing: healthz and new connections get 503, an open polling session collects its bye, then close ends', async () => {
  // A long poll interval: close() would wait over 6 s for this session were the bye not collected.
  const lab = await startLab({ pollIntervalMs: 5000 });
  const base = `${lab.url}${TRANSPORT_PATHS.polling}`;
  const opened = await fetch(`${base}/open`, { method: 'POST' });
  const { sid } = (await opened.json()) as { sid: string };
  const started = Date.now();
  const closed = lab.close();
  assert.equal((await fetch(`${lab.url}/healthz`)).status, 503);
  const refused = await fetch(`${base}/open`, { method: 'POST' });
  assert.equal(refused.status, 503);
  assert.deepEqual(await refused.json(), { type: 'bye', reason: 'server shutting down' });
  const poll = await fetch(`${base}/events?sid=${sid}&after=0`);
  assert.equal(poll.status, 200);
  const { events } = (await poll.json()) as { events: { type: string; reason?: string }[] };
  assert.deepEqual(events.at(-1), { type: 'bye', reason: 'server shutting down' });
  await closed;
  const elapsed = Date.now() - started;
  assert.ok(elapsed < 5000, `closed ${elapsed} ms after the start, once the bye was collected`);
});
