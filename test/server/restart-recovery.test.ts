/**
 * Nothing lost across a server restart, on every transport: the server runs as a child process
 * with a history file, is stopped with SIGTERM and started again on the same port. A client that
 * stayed connected is told why (`bye`) and comes back by itself; a client that was away while
 * messages went by gets all of them replayed by the new process, with `recovered: true`.
 */
import { after, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { TRANSPORT_IDS, type ServerEvent, type TransportId, type WelcomeEvent } from '../../protocol';
import type { ChatClient } from '../../client/chat-client';
import { connectClient, makeClient, waitFor } from '../support/lab-fixture';
import { freePort, startLabProcess, terminate, type LabProcess } from '../support/server-process';

const AWAY = 20;
const dir = mkdtempSync(join(tmpdir(), 'lab-restart-'));
after(() => rmSync(dir, { recursive: true, force: true }));

/** Resolves with the first `bye` a client receives. */
function byeOf(client: ChatClient): Promise<ServerEvent> {
  return waitFor(client, 'event', (e) => e.type === 'bye', 15_000);
}

describe('restart: SIGTERM, start again on the same port, nothing lost', () => {
  for (const t of TRANSPORT_IDS) {
    test(`${t}: the away client gets all ${AWAY} messages replayed by the new process, recovered true`, async () => {
      const senderTransport: TransportId = t === 'ws' ? 'socketio' : 'ws';
      const port = await freePort();
      const env = { HISTORY_FILE: join(dir, `${t}.json`), POLL_INTERVAL_MS: '50' };
      const clients: ChatClient[] = [];
      let server: LabProcess | undefined = await startLabProcess(port, env);
      const url = server.url;
      try {
        const sender = await connectClient(senderTransport, url, { name: 'sender' });
        const stayer = await connectClient(t, url, { name: 'stayer' });
        const away = await connectClient(t, url, { name: 'away' });
        clients.push(sender, stayer, away);
        await Promise.all([sender.join('r'), stayer.join('r'), away.join('r')]);
        const seen = waitFor(away, 'message', (m) => m.text === 'before');
        await sender.say('room', 'before', { room: 'r' });
        await seen;

        // The away client leaves, keeping what a reload keeps; messages go by without it.
        const saved = away.resumeState();
        away.close();
        for (let i = 0; i < AWAY; i += 1) await sender.say('room', `away${i}`, { room: 'r' });

        const stayerBye = byeOf(stayer);
        const stopped = await terminate(server);
        assert.equal(stopped.code, 0, server.log.join('\n'));
        assert.deepEqual(await stayerBye, { type: 'bye', reason: 'server shutting down' });
        const firstEpoch = server.epoch;

        // Back on the same port: the stayer reconnects by itself and resumes.
        const stayerBack = waitFor(stayer, 'recovery', () => true, 20_000);
        server = await startLabProcess(port, env);
        assert.equal(server.history, 'loaded');
        assert.equal(server.epoch, firstEpoch, 'the epoch survived the restart');
        assert.deepEqual(await stayerBack, { recovered: true, replayed: 0 });

        const back = makeClient(t, url, { name: 'away', resumeFrom: saved });
        clients.push(back);
        const texts: string[] = [];
        back.on('message', (m) => texts.push(m.text));
        const welcome = waitFor(back, 'event', (e) => e.type === 'welcome', 10_000) as Promise<WelcomeEvent>;
        const lastReplayed = waitFor(back, 'message', (m) => m.text === `away${AWAY - 1}`, 10_000);
        back.connect();
        assert.deepEqual((await welcome).recovery, { recovered: true, replayed: AWAY });
        await lastReplayed;

        // Live traffic carries on after the replay, on both, with no gap in the positions.
        if (sender.state !== 'open') await waitFor(sender, 'state', (s) => s === 'open', 20_000);
        const live = Promise.all([back, stayer].map((c) => waitFor(c, 'message', (m) => m.text === 'after', 10_000)));
        await sender.say('room', 'after', { room: 'r' });
        await live;
        assert.deepEqual(texts, [...Array.from({ length: AWAY }, (_, i) => `away${i}`), 'after'], 'all, in order, once');
        for (const client of [back, stayer]) {
          assert.equal(client.ledger.counts.missed, 0, `${client.name}: missed`);
          assert.equal(client.ledger.counts.duplicated, 0, `${client.name}: duplicated`);
          assert.equal(client.ledger.counts.unknownGaps, 0, `${client.name}: unknown gaps`);
        }
        assert.equal(back.ledger.counts.recovered, AWAY);
      } finally {
        for (const client of clients) client.close();
        if (server) await terminate(server);
      }
    });
  }
});
