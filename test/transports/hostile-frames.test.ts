/**
 * Malformed handshakes, invalid WebSocket frames and close codes, and resets while the server
 * writes a large response: the server answers or closes each hostile connection (never hangs on
 * it past the HTTP timeouts), and stays up for everyone else.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import type { Socket } from 'node:net';
import { HostileLab, UPGRADE_ENDPOINTS, type Endpoint } from '../support/hostile-lab';
import { closedByServer, closeFrame, cut, frame, hasHead, httpRequest, openTcp, receive, upgradeHeaders, writeAll } from '../support/raw-tcp';

/** Longer than the test server's headers timeout (1.5 s), with slack for a busy machine. */
const ANSWER_MS = 8000;

/** The request line's path of an endpoint's upgrade request. */
async function pathOf(endpoint: Endpoint, url: string): Promise<string> {
  return (await endpoint.request(url)).toString('latin1').split(' ')[1];
}

/** Malformed or truncated upgrade requests for `path`. */
function malformed(path: string, url: string): Record<string, Buffer> {
  const pad = (bytes: number) => Object.fromEntries(Array.from({ length: Math.ceil(bytes / 100) }, (_, i) => [`x-pad-${i}`, 'p'.repeat(90)]));
  return {
    'bad Sec-WebSocket-Key': httpRequest('GET', path, url, { headers: { ...upgradeHeaders(), 'sec-websocket-key': 'not-a-key' } }),
    'wrong version': httpRequest('GET', path, url, { headers: { ...upgradeHeaders(), 'sec-websocket-version': '8' } }),
    'missing Upgrade header': httpRequest('GET', path, url, { headers: { ...upgradeHeaders(), upgrade: null } }),
    'garbage bytes': randomBytes(512),
    'HTTP/0.9': Buffer.from(`GET ${path}\r\n\r\n`),
    'headers just under the limit': httpRequest('GET', path, url, { headers: { ...upgradeHeaders(), ...pad(15_000) } }),
    'header flood over the limit': httpRequest('GET', path, url, { headers: { ...upgradeHeaders(), ...pad(40_000) } }),
    'truncated, then silence': httpRequest('GET', path, url, { headers: upgradeHeaders() }).subarray(0, 40),
  };
}

/** Frames no server may accept from a client. */
const INVALID_FRAMES: Record<string, Buffer> = {
  'reserved bit 2': frame(0x1, '{}', { rsv: 0x20 }),
  'reserved bit 1 without an extension': frame(0x1, '{}', { rsv: 0x40 }),
  'bad opcode 0x3': frame(0x3, 'x'),
  'bad opcode 0xB': frame(0xb, 'x'),
  'unmasked client frame': frame(0x1, '{}', { masked: false }),
  'ping over 125 bytes': frame(0x9, Buffer.alloc(126)),
  'fragmented ping': frame(0x9, 'x', { fin: false }),
  'close 1005': closeFrame(1005),
  'close 1006': closeFrame(1006),
  'close 999': closeFrame(999),
  'close 5000': closeFrame(5000),
  'close reason with invalid UTF-8': closeFrame(1000, Buffer.from([0xff, 0xfe, 0xc3])),
  'invalid UTF-8 text': frame(0x1, Buffer.from([0x7b, 0xff, 0x7d])),
};

/** Opens `endpoint` and completes its WebSocket handshake. */
async function upgradedSocket(endpoint: Endpoint, url: string): Promise<Socket> {
  const socket = await openTcp(url);
  const head = receive(socket, hasHead);
  await writeAll(socket, await endpoint.request(url));
  assert.ok(await head, `${endpoint.name}: no 101`);
  return socket;
}

describe('hostile handshakes and frames', () => {
  const hostile = new HostileLab();

  before(() => hostile.start());
  after(() => hostile.stop());

  for (const endpoint of UPGRADE_ENDPOINTS) {
    test(`${endpoint.name}: malformed and truncated handshakes are answered or closed`, async () => {
      const cases = malformed(await pathOf(endpoint, hostile.url), hostile.url);
      for (const [name, bytes] of Object.entries(cases)) {
        const socket = await openTcp(hostile.url);
        const answered = receive(socket, hasHead, ANSWER_MS);
        const closed = closedByServer(socket, ANSWER_MS);
        await writeAll(socket, bytes);
        assert.ok((await Promise.race([answered, closed])) || (await closed), `${endpoint.name}, ${name}: neither answered nor closed`);
        socket.destroy();
      }
      await hostile.assertHealthy(`${endpoint.name} malformed handshakes`);
    });

    test(`${endpoint.name}: invalid frames and close codes close the connection`, async () => {
      for (const [name, bytes] of Object.entries(INVALID_FRAMES)) {
        const socket = await upgradedSocket(endpoint, hostile.url);
        const closed = closedByServer(socket, ANSWER_MS);
        await writeAll(socket, bytes);
        assert.ok(await closed, `${endpoint.name}, ${name}: connection still open`);
        socket.destroy();
      }
      await hostile.assertHealthy(`${endpoint.name} invalid frames`);
      await hostile.settled();
    });
  }

  test('resets while the server writes a large response (polling events, ws broadcast)', async () => {
    const room = 'flooded';
    const text = 'x'.repeat(1800);
    // A polling session with hundreds of queued events: its next poll is a ~0.5 MB response.
    const { sid } = (await (await fetch(`${hostile.url}/rt/poll/open`, { method: 'POST' })).json()) as { sid: string };
    const post = (op: object) => fetch(`${hostile.url}/rt/poll/send?sid=${sid}`, { method: 'POST', body: JSON.stringify(op) });
    await post({ op: 'hello', name: 'big-poll' });
    await post({ op: 'join', rooms: [room] });
    await hostile.sender.join(room);
    await Promise.all(Array.from({ length: 300 }, () => hostile.sender.say('room', text, { room })));
    for (const how of ['rst', 'fin'] as const) {
      const socket = await openTcp(hostile.url);
      const started = receive(socket, (r) => r.length > 0);
      await writeAll(socket, httpRequest('GET', `/rt/poll/events?sid=${sid}&after=0`, hostile.url));
      assert.ok(await started, 'the events response started');
      cut(socket, how);
    }
    // A raw ws client in the room, cut while a broadcast streams to it.
    for (const how of ['rst', 'fin'] as const) {
      const ws = UPGRADE_ENDPOINTS[0];
      const socket = await upgradedSocket(ws, hostile.url);
      const joined = receive(socket, (r) => r.includes('"type":"rooms"'));
      await writeAll(socket, Buffer.concat([frame(0x1, ws.firstMessage!), frame(0x1, JSON.stringify({ op: 'join', rooms: [room] }))]));
      assert.ok(await joined, 'the raw ws client joined');
      const flowing = receive(socket, (r) => r.length > 64 * 1024);
      const sends = Array.from({ length: 200 }, () => hostile.sender.say('room', text, { room }).catch(() => undefined));
      await flowing;
      cut(socket, how);
      await Promise.all(sends);
    }
    await hostile.sender.leave(room);
    await hostile.assertHealthy('large responses cut');
    await hostile.settled();
  });
});
