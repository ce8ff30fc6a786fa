/**
 * The load tool in miniature: a real server process, real clients on all four transports;
 * checks the bookkeeping (every expected delivery counted once), never the timings.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { TRANSPORT_IDS } from '../../protocol';
import { runLoad } from '../../scripts/load/load-run';
import { startServerProcess } from '../../scripts/load/server-process';

test('a small load run delivers every room message exactly once and samples the server', async () => {
  const server = await startServerProcess({ POLL_INTERVAL_MS: '100' });
  try {
    const result = await runLoad(
      server,
      {
        clients: 8,
        ratePerSec: 20,
        durationSec: 1.5,
        roomSize: 4,
        transports: [...TRANSPORT_IDS],
        pollIntervalMs: 100,
        warmupSec: 0.5,
        sampleEverySec: 0.5,
        connectConcurrency: 8,
        presence: 'rooms',
      },
      () => undefined,
    );
    assert.equal(result.connected, 8);
    assert.deepEqual(result.perTransport, { polling: 2, ws: 2, sockjs: 2, socketio: 2 });
    assert.ok(result.sent > 0);
    assert.equal(result.expected, result.sent * 4, 'rooms of 4: every message is expected 4 times');
    assert.equal(result.delivered, result.expected);
    assert.equal(result.missed, 0);
    assert.equal(result.duplicated, 0);
    assert.equal(result.latencyMs.samples, result.delivered);
    assert.deepEqual(Object.keys(result.latencyMsByTransport).sort(), [...TRANSPORT_IDS].sort());
    assert.ok(result.samples.length >= 1 && result.samples.every((s) => s.rssMb > 0));
  } finally {
    await server.stop();
  }
});
