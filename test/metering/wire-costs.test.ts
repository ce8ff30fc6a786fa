/**
 * Idle and connect cost, measured from the wire meter's deltas with the shared functions the
 * page runner and CLI use (protocol/wire-metrics.ts).
 */
import assert from 'node:assert/strict';
import { afterEach, beforeEach, describe, test } from 'node:test';
import { measureConnectCost, measureIdleCost, TRANSPORT_IDS, type TransportId } from '../../protocol';
import { ChatClient } from '../../client/chat-client';
import { createPollingLink } from '../../client/links/polling-link';
import { ClientPool, connectClient, startLab, TEST_BACKOFF, waitFor, waitUntil, type RunningLab } from '../support/lab-fixture';

const POLL_MS = 200;
let running: RunningLab;
let pool: ClientPool;

beforeEach(async () => {
  running = await startLab({ pollIntervalMs: POLL_MS, wsHeartbeatMs: 300, sockjsHeartbeatMs: 300, socketIoPingIntervalMs: 300, socketIoPingTimeoutMs: 1000 });
  pool = new ClientPool(() => running.url);
});
afterEach(async () => {
  pool.closeAll();
  await running.close();
});

/** A polling client that polls every POLL_MS (the fixture's default link polls faster). */
async function connectPolling(): Promise<ChatClient> {
  const client = new ChatClient(createPollingLink(running.url, fetch, POLL_MS), { name: 'idle-polling', backoff: TEST_BACKOFF });
  const opened = waitFor(client, 'state', (s) => s === 'open');
  client.connect();
  await opened;
  return pool.add(client);
}

describe('wire costs', () => {
  test(`idle: a polling client makes about ${60_000 / POLL_MS} requests a minute, the others none, and nobody sends payload`, async () => {
    // Polling last: the others' presence events then reach everyone before the window opens.
    for (const t of TRANSPORT_IDS.filter((t) => t !== 'polling')) await pool.connect(t);
    await connectPolling();
    const meter = running.lab.layerMeter;
    const before = meter.snapshot();
    const POLLS = 10;
    // The window is a count of polls, not a sleep: the rate is then independent of machine load.
    const { elapsedMs, rates } = await measureIdleCost(() => meter.snapshot(), { polling: 1, ws: 1, sockjs: 1, socketio: 1 }, () =>
      waitUntil(() => meter.snapshot().buckets.polling.requests >= before.buckets.polling.requests + POLLS, `${POLLS} polls`, 10_000),
    );
    const after = meter.snapshot();
    assert.ok(elapsedMs >= (POLLS - 1) * POLL_MS, `the window lasted ${elapsedMs} ms`);
    const expected = 60_000 / POLL_MS;
    assert.ok(Math.abs(rates.polling!.requestsPerMin - expected) <= expected * 0.2, `polling: ${rates.polling!.requestsPerMin} requests/min`);
    assert.ok(rates.polling!.bytesInPerMin > 0 && rates.polling!.bytesOutPerMin > 0);
    for (const t of ['ws', 'sockjs', 'socketio'] as const) {
      assert.equal(rates[t]!.requestsPerMin, 0, `${t} makes no request when idle`);
      assert.ok(rates[t]!.bytesOutPerMin > 0, `${t}'s heartbeat costs bytes`);
    }
    for (const t of TRANSPORT_IDS) {
      assert.equal(after.layers![t].in.payload, before.layers![t].in.payload, `${t}: no inbound payload while idle`);
      assert.equal(after.layers![t].out.payload, before.layers![t].out.payload, `${t}: no outbound payload while idle`);
    }
    assert.ok(after.layers!.polling.keepaliveRequests - before.layers!.polling.keepaliveRequests >= POLLS - 1, 'idle polls are keepalive');
  });

  const EXPECTED_REQUESTS: Record<TransportId, (n: number) => boolean> = {
    polling: (n) => n >= 3, // open, hello, at least one poll
    ws: (n) => n === 1, // the upgrade
    sockjs: (n) => n === 2, // /info, then the upgrade
    socketio: (n) => n === 1, // the upgrade (pinned to websocket)
  };
  for (const transport of TRANSPORT_IDS) {
    test(`connect: ${transport} costs bytes, requests and time until the welcome`, async () => {
      const meter = running.lab.wireMeter;
      const cost = await measureConnectCost(() => meter.snapshot(), transport, async () => pool.add(await connectClient(transport, running.url)));
      assert.ok(cost.bytesIn > 0 && cost.bytesOut > 0, JSON.stringify(cost));
      assert.ok(EXPECTED_REQUESTS[transport](cost.requests), `${transport}: ${cost.requests} requests`);
      assert.ok(cost.ms > 0);
    });
  }
});
