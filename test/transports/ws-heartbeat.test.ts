/**
 * Raw ws finds dead peers with WebSocket ping frames: a peer that does not answer a ping by the
 * next heartbeat is terminated, and the others hear it left.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { ClientPool, startLab, waitFor, type RunningLab } from '../support/lab-fixture';
import { openRaw } from '../support/raw-clients';

const HEARTBEAT_MS = 200;

describe('ws heartbeat', () => {
  let lab: RunningLab;
  const pool = new ClientPool(() => lab.url);

  before(async () => {
    lab = await startLab({ wsHeartbeatMs: HEARTBEAT_MS });
  });
  after(async () => {
    pool.closeAll();
    await lab.close();
  });

  test('a peer that does not answer pings is terminated within about two heartbeats', async () => {
    const observer = await pool.connect('ws', { name: 'observer' });
    const silent = await openRaw('ws', lab.url, { ws: { autoPong: false } });
    const started = Date.now();
    const welcome = await silent.hello('silent');
    const gone = waitFor(observer, 'event', (e) => e.type === 'presence' && e.event === 'disconnected' && e.client.id === welcome.id);

    const closed = await silent.closed;
    const elapsed = Date.now() - started;
    assert.equal(closed.code, 1006, 'terminated, not closed with a handshake');
    await gone;
    // Two heartbeats plus generous slack for a busy machine.
    assert.ok(elapsed < HEARTBEAT_MS * 2 + 800, `terminated after ${elapsed} ms`);
    assert.equal(observer.state, 'open', 'a peer that answers pings stays connected');
  });
});
