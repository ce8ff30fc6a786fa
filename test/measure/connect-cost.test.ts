/** Connect cost over lanes, with each fresh client's negotiation timeline read from the inspector's log. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { emptyBuckets, type LaneId, type WireLogPage, type WireMetricsResponse, type WireRecord } from '../../protocol';
import { runConnectCost } from '../../measure/connect-cost';

/** A fake server: a wire log and buckets that the fake probes write to. */
function fakeServer() {
  const log: WireRecord[] = [];
  const buckets = emptyBuckets();
  let clock = 1000;
  const record = (lane: LaneId, connection: string, client: string | undefined, dir: 'in' | 'out', summary: string, welcome = false) => {
    clock += 1.5;
    log.push({
      seq: log.length + 1,
      at: clock,
      wallTime: 0,
      transport: lane.split(':')[0] as WireRecord['transport'],
      lane,
      connection,
      ...(client ? { client } : {}),
      dir,
      bytes: 100,
      layers: { payload: 0, framing: 0, http: 100, keepalive: 0 },
      kind: dir === 'in' ? 'http-request' : 'http-response',
      summary,
      decoded: welcome ? [{ protocol: 'lab-ws', type: 'welcome' }] : [],
      raw: '',
    } as WireRecord);
    buckets[lane][dir === 'in' ? 'bytesIn' : 'bytesOut'] += 100;
  };
  const readWire = async (): Promise<WireMetricsResponse> => ({ since: 1, buckets: structuredClone(buckets) });
  const readWireLog = async (since: number, lane: LaneId): Promise<WireLogPage> => {
    const last = log.length;
    if (since >= last) return { next: last, wrapped: false, enabled: true, records: [] };
    return { next: last, wrapped: false, enabled: true, records: log.filter((r) => r.seq > since && r.lane === lane) };
  };
  return { record, readWire, readWireLog };
}

test('each lane: its bytes until the welcome, and its own client\u2019s units as the timeline', async () => {
  const server = fakeServer();
  let n = 0;
  const result = await runConnectCost({
    readWire: server.readWire,
    readWireLog: server.readWireLog,
    now: () => performance.now(),
    transports: ['sockjs', 'sockjs:xhr-streaming'],
    ns: '/lab',
    idleWindowMs: 1,
    tailMs: 1,
    pollIntervalMs: 500,
    openProbe: async (lane) => {
      const id = `probe-${++n}`;
      // The pane's own client of this lane polls meanwhile: not the probe's, so not on its timeline.
      server.record(lane, 'c-pane', 'pane', 'in', 'the pane');
      server.record(lane, `c-info-${n}`, undefined, 'in', 'GET /rt/sockjs/info');
      server.record(lane, `c-info-${n}`, undefined, 'out', 'SockJS /info → 200');
      server.record(lane, `c-${n}`, id, 'out', 'welcome', true);
      return { id, close: () => undefined };
    },
  });
  assert.deepEqual(result.rows.map((r) => r.transport), ['sockjs', 'sockjs:xhr-streaming']);
  for (const row of result.rows) {
    assert.equal(row.bytesIn, 200, 'the pane\u2019s and the probe\u2019s requests: the bucket is not split');
    assert.deepEqual(row.timeline?.map((m) => [m.summary, m.welcome]), [
      ['GET /rt/sockjs/info', false],
      ['SockJS /info → 200', false],
      ['welcome', true],
    ]);
    assert.equal(row.timeline?.[0].atMs, 0, 'times from the client\u2019s first unit');
    assert.equal(row.timeline?.[2].atMs, 3);
  }
});

test('without the inspector\u2019s log, no timeline (null), the cost all the same', async () => {
  const server = fakeServer();
  const result = await runConnectCost({
    readWire: server.readWire,
    now: () => performance.now(),
    transports: ['ws'],
    ns: '/lab',
    idleWindowMs: 1,
    pollIntervalMs: 500,
    openProbe: async (lane) => {
      server.record(lane, 'c', 'p', 'in', 'GET /rt/ws (upgrade)');
      return { close: () => undefined };
    },
  });
  assert.equal(result.rows[0].timeline, null);
  assert.equal(result.rows[0].bytesIn, 100);
});
