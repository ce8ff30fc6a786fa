import { test } from 'node:test';
import assert from 'node:assert/strict';
import { emptyBuckets, type LaneId, type WireLayerTotals, type WireMetricsResponse } from '../../protocol';
import { wireCost } from '../../measure/wire-cost';

const zero = { bytesIn: 0, bytesOut: 0, requests: 0, upgrades: 0, connections: 0 };
const noLayers = { in: { payload: 0, framing: 0, http: 0, keepalive: 0 }, out: { payload: 0, framing: 0, http: 0, keepalive: 0 }, keepaliveRequests: 0 };

function reading(polling: { bytesIn: number; bytesOut: number; requests: number }, layers?: WireLayerTotals): WireMetricsResponse {
  const buckets = { ...emptyBuckets(), polling: { ...zero, ...polling }, ws: zero, sockjs: zero, socketio: zero, page: zero, api: zero };
  const all = layers ? ({ polling: layers, ws: noLayers, sockjs: noLayers, socketio: noLayers } as Record<LaneId, WireLayerTotals>) : undefined;
  return { since: 1, buckets, ...(all ? { layers: all } : {}) };
}

test('layers: the deltas per direction, per message, adding up to the bucket totals', () => {
  const before = reading({ bytesIn: 100, bytesOut: 200, requests: 1 }, { in: { payload: 10, framing: 10, http: 70, keepalive: 10 }, out: { payload: 20, framing: 20, http: 150, keepalive: 10 }, keepaliveRequests: 1 });
  const after = reading({ bytesIn: 1100, bytesOut: 1203, requests: 7 }, { in: { payload: 310, framing: 110, http: 570, keepalive: 110 }, out: { payload: 320, framing: 121, http: 650, keepalive: 112 }, keepaliveRequests: 3 });
  const cost = wireCost(before, after, 'polling', 3, true);
  assert.deepEqual(cost.layers?.in, { payload: 300, framing: 100, http: 500, keepalive: 100 });
  assert.deepEqual(cost.layers?.out, { payload: 300, framing: 101, http: 500, keepalive: 102 });
  assert.equal(Object.values(cost.layers!.in).reduce((a, b) => a + b, 0), cost.bytesIn);
  assert.equal(Object.values(cost.layers!.out).reduce((a, b) => a + b, 0), cost.bytesOut);
  assert.deepEqual(cost.layers?.outPerMessage, { payload: 100, framing: 33.67, http: 166.67, keepalive: 34 });
  assert.equal(cost.layers?.keepaliveRequestsPerMessage, 0.67);
  assert.equal(cost.requestsPerMessage, 2);
});

test('no layer split in the readings: layers is null, the totals are still there', () => {
  const cost = wireCost(reading({ bytesIn: 0, bytesOut: 0, requests: 0 }), reading({ bytesIn: 10, bytesOut: 20, requests: 1 }), 'polling', 2, true);
  assert.equal(cost.layers, null);
  assert.equal(cost.bytesOutPerMessage, 10);
});
