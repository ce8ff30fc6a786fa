/**
 * Redis restarted under the cluster (a real redis-server, stopped and started empty on its port):
 * nodes keep serving their own clients, refuse sends with `unavailable` while it is away (never a
 * message lost in silence), come back by themselves, and number on from where they were (no seq
 * restarts). A node that starts after the restart finds no entries in Redis, so a client that
 * resumes there from before the outage is told `recovered: false` with how many it missed, and
 * gets what Redis stored after the restart.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { ChatClient } from '../../client/chat-client';
import { TRANSPORT_IDS, type MessageEvent, type RecoveryReport, type ServerEvent, type TransportId } from '../../protocol';
import { RedisChatBus } from '../../server/cluster/redis-chat-bus';
import { startLabNodes, type RunningCluster } from '../support/cluster-fixture';
import { ClientPool, makeClient, startLab, waitFor, type RunningLab } from '../support/lab-fixture';

const ROOM = 'outage';

/** Resolves once `condition` holds, checking every 20 ms; rejects after `timeoutMs`. */
async function until(condition: () => boolean, what: string, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

describe('Redis restarted under a two-node cluster', () => {
  let cluster: RunningCluster;
  let late: RunningLab | undefined;
  const pool = new ClientPool(() => cluster.url);
  const clients = new Map<TransportId, ChatClient>();
  const got = new Map<TransportId, MessageEvent[]>();
  let sender: ChatClient;
  let away: ChatClient;
  const duringOutage: { send?: ServerEvent; whoami?: ServerEvent } = {};
  let lateReport: RecoveryReport | undefined;
  let lateReplayed: string[] = [];

  /** Says `texts` in order from the sender and waits until every client has the last one. */
  async function sayAll(texts: string[]): Promise<void> {
    for (const text of texts) await sender.say('room', text, { room: ROOM });
    const last = texts[texts.length - 1];
    await Promise.all(
      [...clients].map(([t, c]) => (got.get(t)!.some((m) => m.text === last) ? undefined : waitFor(c, 'message', (m) => m.text === last))),
    );
  }

  before(async () => {
    cluster = await startLabNodes();
    // Consecutive clients land on alternate nodes: the four transports are spread over both.
    for (const t of TRANSPORT_IDS) {
      const client = await pool.connect(t, { name: `stay-${t}`, rooms: [ROOM] });
      const messages: MessageEvent[] = [];
      client.on('message', (m) => messages.push(m));
      clients.set(t, client);
      got.set(t, messages);
    }
    sender = await pool.connect('ws', { name: 'sender', rooms: [ROOM] });
    away = await pool.connect('ws', { name: 'away', rooms: [ROOM] });
    await sayAll(['one', 'two', 'three']);
    // This one leaves before the outage and comes back afterwards, on a node that starts then.
    const saved = away.resumeState();
    away.close();
    await sayAll(['four', 'five']);

    await cluster.redis.restart(async () => {
      await until(() => cluster.buses.every((bus) => !bus.connected), 'both nodes to see Redis go');
      duringOutage.send = await sender.say('room', 'into the void', { room: ROOM }).catch((err: Error & { event?: ServerEvent }) => err.event);
      duringOutage.whoami = await sender.request({ op: 'whoami' });
    });
    await until(() => cluster.buses.every((bus) => bus.connected), 'both nodes to be back on Redis');
    await sayAll(['six', 'seven']);

    const bus = await RedisChatBus.connect({ url: cluster.redis.url, historySize: cluster.config.historySize });
    late = await startLab({}, { bus });
    const back = pool.add(makeClient('ws', late.url, { name: 'away', resumeFrom: saved }));
    const report = waitFor(back, 'recovery', () => true, 10_000);
    const replayed = Promise.all(['six', 'seven'].map((text) => waitFor(back, 'message', (m) => m.text === text).then((m) => m.text)));
    back.connect();
    lateReport = await report;
    lateReplayed = await replayed;
  });

  after(async () => {
    pool.closeAll();
    await late?.close();
    await cluster?.close();
  });

  test('while Redis is away a send is refused with "unavailable" and local requests are answered', () => {
    assert.equal(duringOutage.send?.type === 'error' && duringOutage.send.code, 'unavailable');
    assert.equal(duringOutage.whoami?.type, 'whoami');
  });

  for (const t of TRANSPORT_IDS) {
    test(`${t}: every message before and after, once, in order, positions numbered on without a restart`, () => {
      const messages = got.get(t)!;
      assert.deepEqual(
        messages.map((m) => m.text),
        ['one', 'two', 'three', 'four', 'five', 'six', 'seven'],
      );
      assert.deepEqual(
        messages.map((m) => m.seq),
        [1, 2, 3, 4, 5, 6, 7],
        'Redis came back empty, yet the seqs go on from 5',
      );
      assert.equal(clients.get(t)!.ledger.counts.missed, 0);
    });
  }

  test('a node started after the restart: a resume from before it is reported, not silently lost', () => {
    assert.ok(lateReport, 'the welcome carried a recovery report');
    assert.equal(lateReport.recovered, false);
    const room = lateReport.missedStreams?.find((s) => s.stream.endsWith(`:${ROOM}`));
    assert.ok(room, `the room stream is named: ${JSON.stringify(lateReport)}`);
    // Four and five were said before the restart, which took them out of Redis; six and seven
    // were stored after it, so the late node replays those.
    assert.equal(room.missed, 2, 'four and five: no node that could replay them here');
    assert.equal(lateReport.replayed, 2);
    assert.deepEqual(lateReplayed, ['six', 'seven']);
  });
});
