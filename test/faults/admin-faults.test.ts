/**
 * The fault API end to end: stall, latency, clear and restart, each against all four transports
 * with real clients. Server and tests share one process and one clock, so "arrived after the
 * stall ended" is a plain comparison of Date.now() values, no sleeps.
 */
import { after, afterEach, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { io } from 'socket.io-client';
import { TRANSPORT_IDS, TRANSPORT_PATHS, type MessageEvent, type ServerEvent, type TransportId } from '../../protocol';
import type { FaultState } from '../../server/faults/fault-injector';
import { ClientPool, startLab, waitFor, waitUntil, type RunningLab } from '../support/lab-fixture';

/** Calls the admin API; resolves with status and parsed body. */
async function admin(url: string, method: string, path: string, headers: Record<string, string> = {}) {
  const res = await fetch(url + path, { method, headers });
  return { status: res.status, body: (await res.json()) as unknown };
}

/** Another transport to send from, so the sender is never the faulted one. */
const otherThan = (t: TransportId): TransportId => (t === 'ws' ? 'sockjs' : 'ws');

describe('admin faults', () => {
  let lab: RunningLab;
  const pool = new ClientPool(() => lab.url);

  before(async () => {
    lab = await startLab();
  });
  afterEach(async () => {
    pool.closeAll();
    await admin(lab.url, 'DELETE', '/api/admin/faults');
  });
  after(() => lab.close());

  for (const t of TRANSPORT_IDS) {
    test(`stall on ${t}: incoming still handled, outgoing held until the stall ends, then in order`, async () => {
      const receiver = await pool.connect(t);
      const sender = await pool.connect(otherThan(t));
      const { body } = await admin(lab.url, 'POST', `/api/admin/stall?transport=${t}&ms=800`);
      const until = (body as FaultState).transports[t].stalledUntil!;
      assert.ok(until > Date.now(), 'the stall is reported as running');
      const texts = ['first', 'second', 'third'].map((w) => `${w} ${t} ${Date.now()}`);
      const arrivals: { text: string; at: number }[] = [];
      const stop = receiver.on('message', (m) => arrivals.push({ text: m.text, at: Date.now() }));
      const last = waitFor(receiver, 'message', (m) => m.text === texts[2], 5000);
      for (const text of texts) await sender.say('all', text);
      // The sender's own transport is not stalled: its acks came back during the stall.
      assert.ok(Date.now() < until, 'the sends were acknowledged before the stall ended');
      await last;
      stop();
      const ours = arrivals.filter((a) => texts.includes(a.text));
      assert.deepEqual(ours.map((a) => a.text), texts, 'released in the order sent');
      for (const a of ours) assert.ok(a.at >= until, `${a.text} arrived ${until - a.at} ms before the stall ended`);
    });
  }

  for (const t of TRANSPORT_IDS) {
    test(`latency on ${t}: every event is delayed by at least latency - jitter, order kept`, async () => {
      const receiver = await pool.connect(t);
      const sender = await pool.connect(otherThan(t));
      const latency = 250;
      const jitter = 100;
      const set = await admin(lab.url, 'POST', `/api/admin/latency?transport=${t}&ms=${latency}&jitter=${jitter}`);
      assert.equal(set.status, 200);
      assert.deepEqual(
        { latencyMs: (set.body as FaultState).transports[t].latencyMs, jitterMs: (set.body as FaultState).transports[t].jitterMs },
        { latencyMs: latency, jitterMs: jitter },
      );
      const texts = [1, 2, 3, 4, 5].map((i) => `lat ${t} ${i} ${Date.now()}`);
      const received: { m: MessageEvent; at: number }[] = [];
      const stop = receiver.on('message', (m) => received.push({ m, at: Date.now() }));
      const last = waitFor(receiver, 'message', (m) => m.text === texts[4]);
      for (const text of texts) await sender.say('all', text);
      await last;
      stop();
      const ours = received.filter((r) => texts.includes(r.m.text));
      assert.deepEqual(ours.map((r) => r.m.text), texts, 'jitter never reorders one connection');
      // sentAt is the server's clock when it accepted the message: the same clock as ours.
      for (const r of ours) assert.ok(r.at - r.m.sentAt >= latency - jitter, `delay ${r.at - r.m.sentAt} ms`);
    });
  }

  test('clear releases held events at once and restores direct delivery', async () => {
    const receivers = await Promise.all(TRANSPORT_IDS.map((t) => pool.connect(t)));
    const sender = await pool.connect('ws');
    for (const t of TRANSPORT_IDS) await admin(lab.url, 'POST', `/api/admin/stall?transport=${t}&ms=30000`);
    const text = `held ${Date.now()}`;
    const arrived = receivers.map((r) => waitFor(r, 'message', (m) => m.text === text, 4000));
    // The sender's ack is held too (ws is stalled), so the send settles only after the clear.
    const acked = sender.say('others', text);
    await waitUntil(() => TRANSPORT_IDS.every((t) => lab.lab.faults.snapshot().transports[t].held > 0), 'events are held');
    const cleared = await admin(lab.url, 'DELETE', '/api/admin/faults');
    // A 30 s stall, yet every receiver has the message within the 4 s wait: clear released it.
    await Promise.all([...arrived, acked]);
    for (const t of TRANSPORT_IDS) {
      assert.deepEqual((cleared.body as FaultState).transports[t], { stalledUntil: null, latencyMs: 0, jitterMs: 0, held: 0 });
      assert.equal(lab.lab.faults.holds(t), false);
    }
    const after = `after clear ${Date.now()}`;
    await Promise.all([...receivers.map((r) => waitFor(r, 'message', (m) => m.text === after)), sender.say('others', after)]);
  });

  test('a Socket.IO acknowledgement callback still gets its reply when the reply is stalled', async () => {
    const socket = io(lab.url, { path: TRANSPORT_PATHS.socketio, transports: ['websocket'], forceNew: true, reconnection: false });
    try {
      await new Promise<void>((resolve) => socket.once('connect', () => resolve()));
      await admin(lab.url, 'POST', '/api/admin/stall?transport=socketio&ms=300');
      const emitted: string[] = [];
      socket.onAny((name: string) => emitted.push(name));
      const reply = await new Promise<ServerEvent>((resolve) => socket.emit('hello', { name: 'acker' }, resolve));
      assert.equal(reply.type, 'welcome');
      assert.ok(!emitted.includes('welcome'), 'the welcome went to the callback, not as an event');
    } finally {
      socket.disconnect();
    }
  });

  test('restart closes every connection of all four transports and every client comes back by itself', async () => {
    const clients = await Promise.all(TRANSPORT_IDS.map((t) => pool.connect(t)));
    const ids = clients.map((c) => c.id);
    const res = await admin(lab.url, 'POST', '/api/admin/restart');
    assert.equal(res.status, 200);
    assert.deepEqual(res.body, { restarted: [...TRANSPORT_IDS] });
    await waitUntil(() => clients.every((c) => c.reconnects === 1 && c.state === 'open'), 'all four reconnected', 10_000);
    clients.forEach((c, i) => assert.notEqual(c.id, ids[i], `${c.transport} has a new connection`));
  });

  test('bad parameters are refused with 400', async () => {
    for (const path of [
      '/api/admin/stall?transport=carrier-pigeon&ms=100',
      '/api/admin/stall?transport=ws',
      '/api/admin/stall?transport=ws&ms=0',
      '/api/admin/stall?transport=ws&ms=999999',
      '/api/admin/latency?transport=ws&ms=-5',
      '/api/admin/latency?transport=ws&ms=10&jitter=x',
    ]) {
      const res = await admin(lab.url, 'POST', path);
      assert.equal(res.status, 400, path);
      assert.equal((res.body as { code: string }).code, 'bad_request');
    }
  });
});

describe('admin API guard', () => {
  const ROUTES: [string, string][] = [
    ['POST', '/api/admin/drop?transport=ws'],
    ['POST', '/api/admin/stall?transport=ws&ms=100'],
    ['POST', '/api/admin/latency?transport=ws&ms=100'],
    ['POST', '/api/admin/restart'],
    ['GET', '/api/admin/faults'],
    ['DELETE', '/api/admin/faults'],
  ];

  test('with the admin API off every admin route is 404', async () => {
    const lab = await startLab({ adminApi: false });
    try {
      for (const [method, path] of ROUTES) assert.equal((await admin(lab.url, method, path)).status, 404, `${method} ${path}`);
    } finally {
      await lab.close();
    }
  });

  test('with ADMIN_TOKEN set, a request needs the bearer token', async () => {
    const lab = await startLab({ adminToken: 's3cret' });
    try {
      for (const [method, path] of ROUTES) {
        assert.equal((await admin(lab.url, method, path)).status, 401, `${method} ${path} without a token`);
        assert.equal((await admin(lab.url, method, path, { authorization: 'Bearer wrong!' })).status, 401, 'wrong token');
        assert.equal((await admin(lab.url, method, path, { authorization: 'Bearer s3cret' })).status, 200, 'right token');
      }
    } finally {
      await lab.close();
    }
  });
});
