/**
 * Clients that never read: one slow consumer per transport sits in a room while a sender floods
 * it. The server closes each within bounded time (MAX_BUFFERED_BYTES on the WebSocket transports,
 * the queue limit or session TTL on polling), its memory stays bounded, and a bystander on every
 * transport still receives every message.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { TRANSPORT_IDS, type TransportId } from '../../protocol';
import { BYSTANDER_ROOM, HostileLab } from '../support/hostile-lab';
import { waitUntil } from '../support/lab-fixture';
import { openSlowClient, openSlowHttpClient, type SlowClient } from '../support/slow-clients';

const BUDGET = 256 * 1024;
const TEXT = 'y'.repeat(8000);
/** Stop flooding past this much sent per client (≈ 40 MB): the budget must have acted long before. */
const MAX_MESSAGES = 5000;
const BATCH = 40;

// The server shares this process with its clients, whose garbage (every message received by
// four bystanders) inflates RSS; memory still reachable after a full GC is what the server holds.
setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;
/** Bytes reachable after a full collection (JS heap plus Buffers). */
function retained(): number {
  gc();
  const m = process.memoryUsage();
  return m.heapUsed + m.external;
}

describe('slow consumers', () => {
  const hostile = new HostileLab();
  const slow: SlowClient[] = [];

  before(() =>
    hostile.start({
      maxBufferedBytes: BUDGET,
      maxTextChars: TEXT.length,
      pollQueueLimit: 2000,
      pollSessionTtlMs: 3000,
      // The inspector keeps a fixed ring of records (each raw text cut at 4 KB, so a flood of
      // large messages fills it with ≈ 5 KB records): bounded on its own, but at the default
      // 10000 records it would be most of this budget. A small ring keeps the measurement about
      // what the transports buffer for a client that does not read.
      inspectorRecords: 500,
      // Long heartbeats: a client closed during this test was closed by its send budget, not
      // because it stopped answering pings.
      wsHeartbeatMs: 120_000,
      sockjsHeartbeatMs: 120_000,
      socketIoPingIntervalMs: 120_000,
      socketIoPingTimeoutMs: 120_000,
    }),
  );
  after(async () => {
    for (const client of slow) client.destroy();
    await hostile.stop();
  });

  test('over HTTP sub-transports too: Socket.IO long-polling that stops polling, an unread SockJS xhr_streaming', async () => {
    const counts = () => hostile.lab.lab.hub.connectionCounts();
    slow.push(await openSlowHttpClient('socketio-polling', hostile.url, BYSTANDER_ROOM));
    slow.push(await openSlowHttpClient('sockjs-xhr_streaming', hostile.url, BYSTANDER_ROOM));
    assert.equal(counts().socketio, 2);
    assert.equal(counts().sockjs, 2);
    let sent = 0;
    while ((counts().socketio > 1 || counts().sockjs > 1) && sent < MAX_MESSAGES) {
      await Promise.all(Array.from({ length: BATCH }, () => hostile.sender.say('room', TEXT, { room: BYSTANDER_ROOM })));
      sent += BATCH;
    }
    console.log(`HTTP slow consumers closed after ${sent} messages (${((sent * TEXT.length) / 1e6).toFixed(1)} MB)`);
    assert.deepEqual([counts().socketio, counts().sockjs], [1, 1], 'both slow consumers closed');
    await hostile.assertHealthy('HTTP slow consumers');
  });

  test('each transport closes a client that stops reading; memory stays bounded; bystanders get everything', async () => {
    for (const t of TRANSPORT_IDS) slow.push(await openSlowClient(t, hostile.url, BYSTANDER_ROOM));
    const counts = () => hostile.lab.lab.hub.connectionCounts();
    // One bystander per transport, plus the sender on ws.
    const baseline: Record<TransportId, number> = { polling: 1, ws: 2, sockjs: 1, socketio: 1 };
    assert.deepEqual(counts(), { polling: 2, ws: 3, sockjs: 2, socketio: 2 }, 'slow clients connected');

    const received = Object.fromEntries(TRANSPORT_IDS.map((t) => [t, 0])) as Record<TransportId, number>;
    for (const t of TRANSPORT_IDS) {
      hostile.bystanders[t].on('message', (m) => {
        if (m.text === TEXT) received[t] += 1;
      });
    }
    const allGone = () => TRANSPORT_IDS.every((t) => counts()[t] === baseline[t]);
    const before = retained();
    const rssBefore = process.memoryUsage().rss;
    let peak = before;
    let peakRss = rssBefore;
    let sent = 0;
    const started = Date.now();
    while (!allGone() && sent < MAX_MESSAGES) {
      await Promise.all(Array.from({ length: BATCH }, () => hostile.sender.say('room', TEXT, { room: BYSTANDER_ROOM })));
      sent += BATCH;
      peakRss = Math.max(peakRss, process.memoryUsage().rss);
      peak = Math.max(peak, retained());
    }
    const elapsed = Date.now() - started;
    const left = TRANSPORT_IDS.filter((t) => counts()[t] !== baseline[t]);
    assert.deepEqual(left, [], `slow consumers still connected after ${sent} messages (${(sent * TEXT.length) / 1e6} MB): ${left.join(', ')}`);
    const mb = (bytes: number) => (bytes / 1e6).toFixed(1);
    console.log(`slow consumers closed after ${sent} messages (${mb(sent * TEXT.length)} MB) in ${elapsed} ms; retained +${mb(peak - before)} MB, RSS +${mb(peakRss - rssBefore)} MB`);
    // Four slow clients at a 256 KiB budget, plus what sits in flight: far below what was sent.
    assert.ok(peak - before < 40e6, `retained memory grew ${mb(peak - before)} MB`);
    assert.ok(peakRss - rssBefore < 250e6, `RSS grew ${mb(peakRss - rssBefore)} MB`);

    // Nobody else was slowed down or dropped: every bystander has every message.
    await waitUntil(() => TRANSPORT_IDS.every((t) => received[t] === sent), `bystanders got all ${sent} (${JSON.stringify(received)})`, 20_000, 50);
    for (const t of TRANSPORT_IDS) assert.equal(hostile.bystanders[t].state, 'open', `${t} bystander still connected`);
    await hostile.assertHealthy('slow consumers');
  });
});
