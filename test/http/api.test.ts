/**
 * The HTTP surface beside the transports: health, discovery, and proof that every endpoint the
 * discovery lists answers its own protocol's handshake. Runs without Next.js, so the server owns
 * every path and every upgrade.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { request } from 'node:http';
import WebSocket from 'ws';
import { TRANSPORT_IDS, type TransportId } from '../../protocol';
import type { TransportsResponse } from '../../server/http/api-routes';
import { startLab, type RunningLab } from '../support/lab-fixture';

/** Sends a raw upgrade request and resolves with the status line's code. */
function upgradeStatus(url: string, path: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = request(url + path, {
      headers: {
        connection: 'Upgrade',
        upgrade: 'websocket',
        'sec-websocket-version': '13',
        'sec-websocket-key': 'dGhlIHNhbXBsZSBub25jZQ==',
      },
    });
    req.on('response', (res) => {
      res.resume();
      resolve(res.statusCode ?? 0);
    });
    req.on('upgrade', (res, socket) => {
      socket.destroy();
      resolve(res.statusCode ?? 0);
    });
    req.on('error', reject);
    req.end();
  });
}

describe('HTTP API', () => {
  let lab: RunningLab;
  let listed: TransportsResponse;
  const entry = (id: TransportId) => listed.transports.find((t) => t.id === id)!;

  before(async () => {
    lab = await startLab();
    const res = await fetch(`${lab.url}/api/transports`);
    assert.equal(res.status, 200);
    listed = (await res.json()) as TransportsResponse;
  });
  after(async () => {
    await lab.close();
  });

  test('GET /healthz answers 200 with JSON', async () => {
    const res = await fetch(`${lab.url}/healthz`);
    assert.equal(res.status, 200);
    assert.match(res.headers.get('content-type') ?? '', /application\/json/);
    assert.deepEqual(await res.json(), { status: 'ok' });
  });

  test('GET /api/transports lists the four transports with id, name and url, and the namespaces', () => {
    assert.deepEqual(listed.transports.map((t) => t.id), [...TRANSPORT_IDS]);
    for (const t of listed.transports) {
      assert.ok(t.name.length > 0, `${t.id} has a name`);
      assert.ok(t.url.endsWith(t.path), `${t.id} url ends with its path`);
      assert.equal(new URL(t.url).host, new URL(lab.url).host, `${t.id} url uses the Host asked for`);
    }
    assert.match(entry('ws').url, /^ws:\/\//);
    assert.deepEqual(listed.namespaces, ['/', '/lab']);
    assert.deepEqual(listed.limits, { maxFrameBytes: lab.config.maxFrameBytes, maxTextChars: lab.config.maxTextChars });
  });

  test('the listed ws url completes a WebSocket upgrade', async () => {
    const socket = new WebSocket(entry('ws').url);
    await new Promise<void>((resolve, reject) => {
      socket.once('open', () => resolve());
      socket.once('error', reject);
    });
    const closed = new Promise((resolve) => socket.once('close', resolve));
    socket.close();
    await closed;
  });

  test('the listed SockJS url answers /info with websocket: true', async () => {
    const res = await fetch(`${entry('sockjs').url}/info`);
    assert.equal(res.status, 200);
    const info = (await res.json()) as { websocket: boolean; entropy: number };
    assert.equal(info.websocket, true);
    assert.equal(typeof info.entropy, 'number');
  });

  test('the listed Socket.IO url answers an Engine.IO open packet', async () => {
    const res = await fetch(`${entry('socketio').url}/?EIO=4&transport=polling`);
    assert.equal(res.status, 200);
    const text = await res.text();
    assert.ok(text.startsWith('0{'), text);
    const open = JSON.parse(text.slice(1)) as { sid: string; upgrades: string[] };
    assert.equal(typeof open.sid, 'string');
    assert.deepEqual(open.upgrades, ['websocket']);
  });

  test('the listed polling url opens a session with 201', async () => {
    const res = await fetch(`${entry('polling').url}/open`, { method: 'POST' });
    assert.equal(res.status, 201);
    const { sid } = (await res.json()) as { sid: string };
    assert.equal(typeof sid, 'string');
    await fetch(`${entry('polling').url}/close?sid=${sid}`, { method: 'POST' });
  });

  test('an upgrade on an unknown path is refused with 404 when no Next.js is attached', async () => {
    assert.equal(await upgradeStatus(lab.url, '/_next/hmr'), 404);
    assert.equal(await upgradeStatus(lab.url, '/nowhere'), 404);
  });

  test('an unknown HTTP path answers 404', async () => {
    for (const path of ['/nowhere', '/api/nothing', '/rtx']) {
      const res = await fetch(lab.url + path);
      assert.equal(res.status, 404, path);
      await res.body?.cancel();
    }
  });

  test('a plain GET on the ws endpoint answers 426 Upgrade Required', async () => {
    const res = await fetch(`${lab.url}/rt/ws`);
    assert.equal(res.status, 426);
    assert.equal(((await res.json()) as { code: string }).code, 'bad_request');
  });
});
