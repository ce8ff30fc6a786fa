import { test } from 'node:test';
import assert from 'node:assert/strict';
import { emptyBuckets, type WireMetricsResponse } from '../../protocol';
import { runIdleCost } from '../../measure/idle-cost';

test('idle cost: bucket deltas per client and minute, over the window measured on the clock', async () => {
  let clock = 0;
  let reads = 0;
  const zero = { bytesIn: 0, bytesOut: 0, requests: 0, upgrades: 0, connections: 0 };
  const readWire = async (): Promise<WireMetricsResponse> => {
    const k = reads++;
    return {
      since: 1,
      buckets: { ...emptyBuckets(), polling: { ...zero, bytesIn: 300 * k, bytesOut: 600 * k, requests: 10 * k }, ws: zero, sockjs: zero, socketio: zero, page: zero, api: zero },
    };
  };
  // The fake clock moves 1.5 s each time it is read: start, the sleep's check, end → 3 s window.
  const now = () => {
    const t = clock;
    clock += 1500;
    return t;
  };
  const result = await runIdleCost(0, {
    readWire,
    now,
    clients: { polling: 2, ws: 1 },
    pollIntervalMs: 250,
  });
  assert.equal(result.elapsedMs, 3000);
  const polling = result.rows.find((r) => r.transport === 'polling')!;
  assert.deepEqual([polling.bytesInPerMin, polling.bytesOutPerMin, polling.requestsPerMin], [3000, 6000, 100]);
  assert.deepEqual(result.rows.find((r) => r.transport === 'ws')!.requestsPerMin, 0);
});
