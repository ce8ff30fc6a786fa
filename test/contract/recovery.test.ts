/**
 * Nothing lost across a reconnect, on every transport: a receiver is dropped server-side in the
 * middle of a stream of 1,000 room messages and must end with all of them, in order, once each.
 * Plus the honest failures: history too short, and another server run (epoch).
 */
import { after, afterEach, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { TRANSPORT_IDS, type MessageEvent, type TransportId, type WelcomeEvent } from '../../protocol';
import type { ChatClient } from '../../client/chat-client';
import { ClientPool, connectClient, makeClient, startLab, waitFor, type RunningLab } from '../support/lab-fixture';

const TOTAL = 1000;
const DROP_AFTER = 300;
/** Sends in flight before the sender waits for an ack: it keeps going while the receiver is away. */
const WINDOW = 10;
/** Pause after each window: about 1,000 messages a second. */
const PACE_MS = 10;
/** The sender is not the subject: let it go as fast as the server takes it. */
const UNLIMITED = { rateLimitPerSec: 100_000, rateLimitBurst: 100_000 };

/** Texts of the messages in room `room`, in arrival order. */
function roomTexts(client: ChatClient, room: string): { texts: string[] } {
  const texts: string[] = [];
  client.on('message', (m: MessageEvent) => {
    if (m.room === room) texts.push(m.text);
  });
  return { texts };
}

/**
 * Sends `count` room messages, never more than WINDOW unacknowledged; with `paceMs`, pauses that
 * long after each window (load shaping, not a wait for anything) so the stream spans the drop,
 * the reconnect and the replay, and live traffic follows the replay.
 */
async function sendMany(sender: ChatClient, room: string, count: number, prefix: string, paceMs = 0): Promise<void> {
  const inFlight: Promise<unknown>[] = [];
  for (let i = 0; i < count; i += 1) {
    inFlight.push(sender.say('room', `${prefix}${i}`, { room }));
    if (inFlight.length >= WINDOW) await inFlight.shift();
    if (paceMs > 0 && i % WINDOW === WINDOW - 1) await new Promise((resolve) => setTimeout(resolve, paceMs));
  }
  await Promise.all(inFlight);
}

describe('recovery: a server-side drop mid-stream loses nothing', () => {
  let lab: RunningLab;
  const pool = new ClientPool(() => lab.url);

  before(async () => {
    lab = await startLab({ ...UNLIMITED, historySize: TOTAL });
  });
  afterEach(() => pool.closeAll());
  after(async () => {
    pool.closeAll();
    await lab.close();
  });

  for (const t of TRANSPORT_IDS) {
    test(`${t}: ${TOTAL} room messages, receiver dropped after ${DROP_AFTER}: all arrive, in order, once`, async (ctx) => {
      const senderTransport: TransportId = t === 'ws' ? 'socketio' : 'ws';
      const room = `flow-${t}`;
      const receiver = await pool.connect(t, { name: `recv-${t}` });
      const sender = await pool.connect(senderTransport, { name: `send-${t}` });
      await receiver.join(room);
      const got = roomTexts(receiver, room);
      let liveAfterReplay = 0;
      receiver.on('message', (m) => {
        if (receiver.reconnects > 0 && !m.replay) liveAfterReplay += 1;
      });
      const reopened = waitFor(receiver, 'recovery', () => true, 20_000);
      const dropAt = waitFor(receiver, 'message', () => got.texts.length >= DROP_AFTER, 20_000).then(() =>
        lab.lab.transports[t].dropAll('recovery test'),
      );
      const last = waitFor(receiver, 'message', (m) => m.text === `m${TOTAL - 1}`, 30_000);

      await sendMany(sender, room, TOTAL, 'm', PACE_MS);
      await dropAt;
      const recovery = await reopened;
      await last;

      assert.equal(recovery.recovered, true, 'the history reached back');
      assert.equal(receiver.reconnects, 1);
      assert.deepEqual(got.texts, Array.from({ length: TOTAL }, (_, i) => `m${i}`), 'all, in order, once');
      const counts = receiver.ledger.counts;
      assert.equal(counts.missed, 0);
      assert.equal(counts.duplicated, 0);
      assert.equal(counts.received, TOTAL);
      assert.equal(counts.recovered, recovery.replayed);
      ctx.diagnostic(`${t}: ${got.texts.length}/${TOTAL} received, ${counts.recovered} by replay then ${liveAfterReplay} live, missed ${counts.missed}, duplicated ${counts.duplicated}`);
    });
  }
});

describe('recovery: told plainly when it cannot be done', () => {
  for (const t of TRANSPORT_IDS) {
    test(`${t}: history shorter than the absence → recovered false, what is left is replayed`, async () => {
      const lab = await startLab({ ...UNLIMITED, historySize: 10 });
      const sender = await connectClient('ws', lab.url, { name: 'sender' });
      let back: ChatClient | undefined;
      try {
        const first = await connectClient(t, lab.url, { name: 'away' });
        await first.join('short');
        const seen = waitFor(first, 'message', (m) => m.text === 'before');
        await sender.say('room', 'before', { room: 'short' });
        await seen;
        // Leave deterministically: close, keep what a reload would keep, send while away.
        const saved = first.resumeState();
        first.close();
        await sendMany(sender, 'short', 25, 'away');
        back = makeClient(t, lab.url, { name: 'away', resumeFrom: saved });
        const welcome = waitFor(back, 'event', (e) => e.type === 'welcome') as Promise<WelcomeEvent>;
        const lastReplayed = waitFor(back, 'message', (m) => m.text === 'away24');
        back.connect();
        const recovery = (await welcome).recovery;
        assert.equal(recovery?.recovered, false);
        assert.deepEqual(recovery?.missedStreams, [{ stream: 'room:/:short', missed: 15 }]);
        assert.equal(recovery?.replayed, 10);
        await lastReplayed;
        assert.deepEqual(back.rooms, ['short'], 'the room came back with hello');
        assert.equal(back.ledger.counts.missed, 15);
        assert.equal(back.ledger.counts.recovered, 10);
        assert.equal(back.ledger.counts.duplicated, 0);
      } finally {
        back?.close();
        sender.close();
        await lab.close();
      }
    });

    test(`${t}: another server run (new epoch) → recovered false`, async () => {
      const one = await startLab();
      const first = await connectClient(t, one.url, { name: 'survivor' });
      await first.join('epoch');
      const seen = waitFor(first, 'message', (m) => m.text === 'run one');
      await first.say('room', 'run one', { room: 'epoch' });
      await seen;
      const saved = first.resumeState();
      first.close();
      await one.close();
      const two = await startLab();
      const back = makeClient(t, two.url, { name: 'survivor', resumeFrom: saved });
      try {
        const welcome = waitFor(back, 'event', (e) => e.type === 'welcome') as Promise<WelcomeEvent>;
        back.connect();
        const w = await welcome;
        assert.notEqual(w.epoch, saved.resume?.epoch);
        assert.equal(w.recovery?.recovered, false);
        assert.deepEqual(w.recovery?.missedStreams, [{ stream: 'room:/:epoch' }]);
        assert.equal(back.ledger.counts.unknownGaps, 1);
        // Positions start over in the new run: the next message is not a gap.
        const next = waitFor(back, 'message', (m) => m.text === 'run two');
        await back.say('room', 'run two', { room: 'epoch' });
        await next;
        assert.equal(back.ledger.counts.missed, 0);
      } finally {
        back.close();
        await two.close();
      }
    });
  }
});

describe('recovery: a sender left out of its own message sees no gap', () => {
  for (const t of TRANSPORT_IDS) {
    test(`${t}: "others" and room-without-me move the sender's position by their ack, live and in a replay`, async () => {
      const lab = await startLab();
      const other = await connectClient('ws', lab.url, { name: 'other' });
      let back: ChatClient | undefined;
      try {
        const me = await connectClient(t, lab.url, { name: 'me' });
        await Promise.all([me.join('quiet'), other.join('quiet')]);
        await me.say('others', 'not to me 1');
        let seen = waitFor(me, 'message', (m) => m.text === 'to all 1');
        await other.say('all', 'to all 1');
        await seen;
        await me.say('room', 'not to me 2', { room: 'quiet', includeSelf: false });
        seen = waitFor(me, 'message', (m) => m.text === 'room 2');
        await other.say('room', 'room 2', { room: 'quiet' });
        await seen;
        assert.equal(me.ledger.counts.missed, 0, 'live: the acks filled the positions');
        // Positions saved before my own left-out message: the resumed client never saw its ack,
        // so the replay must bring that ack back.
        const saved = me.resumeState();
        await me.say('others', 'not to me, ack only in the replay');
        me.close();
        await other.say('all', 'to all 2');
        back = makeClient(t, lab.url, { name: 'me', resumeFrom: saved });
        const last = waitFor(back, 'message', (m) => m.text === 'to all 3');
        const replayedAck = waitFor(back, 'event', (e) => e.type === 'ack' && e.replay === true);
        back.connect();
        await waitFor(back, 'state', (s) => s === 'open');
        await back.say('others', 'not to me 3');
        await other.say('all', 'to all 3');
        await last;
        await replayedAck;
        assert.deepEqual(back.lastRecovery, { recovered: true, replayed: 1 });
        assert.equal(back.ledger.counts.missed, 0);
        assert.equal(back.ledger.counts.duplicated, 0);
      } finally {
        back?.close();
        other.close();
        await lab.close();
      }
    });
  }
});

describe('recovery: a replay never overflows a polling queue', () => {
  test('polling: more missed than half the queue limit → the oldest are reported missed, the rest replayed once', async () => {
    const lab = await startLab({ ...UNLIMITED, historySize: 100, pollQueueLimit: 20 });
    const sender = await connectClient('ws', lab.url, { name: 'sender' });
    let back: ChatClient | undefined;
    try {
      const first = await connectClient('polling', lab.url, { name: 'away' });
      await first.join('busy');
      const saved = first.resumeState();
      first.close();
      await sendMany(sender, 'busy', 25, 'b');
      back = makeClient('polling', lab.url, { name: 'away', resumeFrom: saved });
      const recovery = waitFor(back, 'recovery');
      const last = waitFor(back, 'message', (m) => m.text === 'b24');
      back.connect();
      assert.deepEqual(await recovery, { recovered: false, missedStreams: [{ stream: 'room:/:busy', missed: 15 }], replayed: 10 });
      await last;
      assert.equal(back.reconnects, 0, 'the session survived its replay');
      assert.deepEqual([back.ledger.counts.recovered, back.ledger.counts.missed], [10, 15]);
    } finally {
      back?.close();
      sender.close();
      await lab.close();
    }
  });
});
