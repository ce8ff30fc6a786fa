import { test } from 'node:test';
import assert from 'node:assert/strict';
import { performance } from 'node:perf_hooks';
import { emptyBuckets, isValidRoom, LANE_IDS, type LaneId, type MessageEvent, type WireMetricsResponse } from '../../protocol';
import { benchRoom, runBenchmark, type BenchClient } from '../../measure/benchmark-runner';
import { scenarioSchema } from '../../measure/scenario';

/** An in-memory chat: room messages reach every member after `delayMs`; each send costs 100 bytes in. */
function fakeChat(delayMs: number) {
  const members = new Map<string, Set<FakeClient>>();
  const wire = Object.fromEntries(LANE_IDS.map((id) => [id, 0])) as Record<LaneId, number>;
  class FakeClient implements BenchClient {
    state = 'open';
    private handlers: ((e: MessageEvent) => void)[] = [];
    constructor(readonly lane: LaneId) {}
    on(type: 'message' | 'error', handler: (event: never) => void) {
      if (type !== 'message') return () => undefined;
      this.handlers.push(handler as (e: MessageEvent) => void);
      return () => (this.handlers = this.handlers.filter((h) => h !== handler));
    }
    send(op: { room: string; text: string; ref: string }) {
      wire[this.lane] += 100;
      const event = { type: 'message', room: op.room, ref: op.ref, text: op.text, serverMicros: 7 } as MessageEvent;
      for (const c of members.get(op.room) ?? []) setTimeout(() => c.handlers.forEach((h) => h(event)), delayMs);
      return true;
    }
    async join(...rooms: string[]) {
      for (const r of rooms) members.set(r, (members.get(r) ?? new Set()).add(this));
    }
    async leave(...rooms: string[]) {
      for (const r of rooms) members.get(r)?.delete(this);
    }
  }
  const readWire = async (): Promise<WireMetricsResponse> => {
    const bucket = (t: LaneId) => ({ bytesIn: wire[t], bytesOut: 0, requests: 0, upgrades: 0, connections: 1 });
    return { since: 1, buckets: { ...emptyBuckets(), ...Object.fromEntries(LANE_IDS.map((id) => [id, bucket(id)])) } };
  };
  return { FakeClient, readWire };
}

test('isolate mode: every copy is counted, latencies and bytes per message come out', async () => {
  const { FakeClient, readWire } = fakeChat(5);
  const scenario = scenarioSchema.parse({ messages: 12, ratePerSec: 100, transports: ['ws', 'sockjs'], warmup: 2 });
  const clients = { ws: new FakeClient('ws'), sockjs: new FakeClient('sockjs') };
  const result = await runBenchmark(scenario, { clients, readWire, now: () => performance.now() });
  assert.equal(result.senders.length, 2);
  for (const s of result.senders) {
    assert.equal(s.sent, 12);
    assert.equal(s.roundTrip.count, 10, 'warmup left out');
    // The fake delivers after a 5 ms timer; Node may fire a timer up to ~1 ms early.
    assert.ok(s.roundTrip.p50Ms >= 3.5, `p50 ${s.roundTrip.p50Ms}`);
    assert.equal(s.server.p50Ms, 0.007);
    assert.equal(s.wire.bytesInPerMessage, 100);
    assert.equal(s.wire.exact, true);
    assert.equal(Object.keys(s.fanout).length, 1);
  }
  for (const r of result.receivers) assert.deepEqual([r.delivered, r.expected], [24, 24]);
});

test('an aborted signal stops the run with an AbortError', async () => {
  const { FakeClient, readWire } = fakeChat(1);
  const scenario = scenarioSchema.parse({ messages: 1000, ratePerSec: 10, transports: ['ws'], warmup: 0 });
  const controller = new AbortController();
  setTimeout(() => controller.abort(), 50);
  await assert.rejects(
    runBenchmark(scenario, { clients: { ws: new FakeClient('ws') }, readWire, now: () => performance.now(), signal: controller.signal }),
    { name: 'AbortError' },
  );
});

test('variant lanes are columns of their own: own sender, own receiver, own bucket', async () => {
  const { FakeClient, readWire } = fakeChat(1);
  const lanes: LaneId[] = ['socketio', 'socketio:polling', 'sockjs:xhr-streaming'];
  const scenario = scenarioSchema.parse({ messages: 6, ratePerSec: 100, transports: lanes, warmup: 1 });
  const clients = Object.fromEntries(lanes.map((id) => [id, new FakeClient(id)]));
  const result = await runBenchmark(scenario, { clients, readWire, now: () => performance.now() });
  assert.deepEqual(result.senders.map((s) => s.transport), lanes);
  assert.deepEqual(result.receivers.map((r) => [r.transport, r.delivered]), lanes.map((id) => [id, 18]));
  for (const s of result.senders) assert.equal(s.wire.bytesInPerMessage, 100, `${s.transport} counted in its own bucket`);
});

test('every lane gets a valid room name, even with the longest tag', () => {
  for (const lane of LANE_IDS) assert.ok(isValidRoom(benchRoom('abcdef', lane)), benchRoom('abcdef', lane));
  assert.notEqual(benchRoom('t', 'socketio'), benchRoom('t', 'socketio:polling'));
});
