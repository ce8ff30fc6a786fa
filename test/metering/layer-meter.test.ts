/**
 * The layer split against independent observers: a TCP proxy's byte counts and raw bytes (HTTP
 * heads), and each scenario's own record of the frames it sent and received run through the byte
 * model. Every layer must match exactly, and the four must add up to the meter's totals.
 */
import assert from 'node:assert/strict';
import { afterEach, beforeEach, describe, test } from 'node:test';
import { io } from 'socket.io-client';
import { LANE_IDS, TRANSPORT_PATHS, WIRE_LAYERS, type LaneId, type TransportId, type WireLayerBytes, type WireLayerTotals } from '../../protocol';
import { startByteCountingProxy, type ByteCountingProxy } from '../support/byte-counting-proxy';
import { firstHeadBytes } from '../support/http-stream';
import { startLab, waitUntil, type RunningLab } from '../support/lab-fixture';
import { rawWsScenario, socketIoScenario, sockjsScenario, type ScenarioResult } from '../support/layer-scenarios';
import { pollingScenario, predictPollingLayers } from '../support/polling-layer-scenario';
import { predictSockJsXhrLayers, sockjsXhrScenario } from '../support/sockjs-xhr-scenario';
import { waitForMeterIdle, waitForSocketIoPollingClose } from '../support/wire-scenario';

let running: RunningLab;
let proxy: ByteCountingProxy;

beforeEach(async () => {
  // Short heartbeats so every scenario sees at least one within a few hundred milliseconds.
  running = await startLab({ wsHeartbeatMs: 100, sockjsHeartbeatMs: 100, socketIoPingIntervalMs: 100, socketIoPingTimeoutMs: 1000 });
  proxy = await startByteCountingProxy(running.url);
});
afterEach(async () => {
  await proxy.close();
  await running.close();
});

/**
 * Ends every proxied connection, waits until the meter settled them; returns the layers. Call it
 * once the client has sent its last request: endAll() ends only the connections already there.
 */
async function settledLayers(transport: TransportId): Promise<WireLayerTotals> {
  await proxy.endAll();
  await waitForMeterIdle(running.lab.wireMeter);
  const snapshot = running.lab.layerMeter.snapshot();
  const { bytesIn, bytesOut } = snapshot.buckets[transport];
  const layers = snapshot.layers![transport];
  const sum = (l: WireLayerBytes) => WIRE_LAYERS.reduce((n, id) => n + l[id], 0);
  const seen = proxy.totals();
  // The wire meter equals the proxy (wire-meter.test.ts); the layers add up to both, exactly.
  assert.equal(bytesIn, seen.toServer);
  assert.equal(bytesOut, seen.fromServer);
  assert.equal(sum(layers.in), bytesIn, 'inbound layers add up');
  assert.equal(sum(layers.out), bytesOut, 'outbound layers add up');
  // The inspector's records of the transport add up to the same, layer by layer (after the
  // tick in which it settles what a closed connection's units did not claim).
  await new Promise((resolve) => setImmediate(resolve));
  const records = running.lab.inspector!.all().filter((r) => r.transport === transport);
  for (const dir of ['in', 'out'] as const) {
    const mine = records.filter((r) => r.dir === dir);
    const logged = Object.fromEntries(WIRE_LAYERS.map((id) => [id, mine.reduce((n, r) => n + r.layers[id], 0)]));
    assert.deepEqual(logged, { ...layers[dir] }, `the inspector's ${dir} layers`);
    assert.equal(mine.reduce((n, r) => n + r.bytes, 0), dir === 'in' ? bytesIn : bytesOut, `the inspector's ${dir} bytes`);
  }
  return layers;
}

const bytes = (texts: string[]) => texts.reduce((n, t) => n + Buffer.byteLength(t), 0);

const SCENARIOS: [TransportId, (base: string) => Promise<ScenarioResult>][] = [
  ['ws', rawWsScenario],
  ['sockjs', sockjsScenario],
  ['socketio', socketIoScenario],
];

describe('layer meter', () => {
  for (const [transport, scenario] of SCENARIOS) {
    test(`${transport}: payload, framing, http and keepalive match the frames exchanged and the byte model`, async () => {
      const predicted = await scenario(proxy.url);
      const layers = await settledLayers(transport);
      const [conn] = proxy.connections;
      assert.equal(proxy.connections.length, 1, 'one upgraded connection');
      assert.deepEqual(layers.in, {
        ...predicted.in,
        http: firstHeadBytes(Buffer.concat(conn.toServer)),
      });
      assert.deepEqual(layers.out, {
        ...predicted.out,
        http: firstHeadBytes(Buffer.concat(conn.fromServer)),
      });
      assert.equal(layers.in.payload, bytes(predicted.sentJson), 'inbound payload is exactly the JSON sent');
      assert.ok(layers.out.keepalive > 0, 'the heartbeat was counted');
      assert.equal(layers.keepaliveRequests, 0);
    });
  }

  test('polling: heads are http, an empty poll is keepalive whole, envelopes are framing', async () => {
    const sent = await pollingScenario(proxy.url);
    const layers = await settledLayers('polling');
    const predicted = predictPollingLayers(proxy.connections);
    assert.deepEqual(layers.in, predicted.in);
    assert.deepEqual(layers.out, predicted.out);
    assert.equal(layers.in.payload, bytes(sent), 'inbound payload is exactly the JSON posted');
    assert.equal(layers.in.framing, 0, 'a polling request has no framing: heads are http, bodies payload');
    assert.ok(layers.in.keepalive > 0 && layers.out.keepalive > 0, 'the empty poll was counted');
    assert.ok(layers.keepaliveRequests >= 1);
  });

  for (const transport of ['xhr-streaming', 'xhr-polling', 'eventsource'] as const) {
    test(`sockjs over ${transport}: heads and chunked coding are http, h frames keepalive, the app's strings payload`, async () => {
      const run = await sockjsXhrScenario(proxy.url, transport);
      const layers = await settledLayers('sockjs');
      const predicted = predictSockJsXhrLayers(proxy.connections);
      assert.deepEqual(layers.in, predicted.in);
      assert.deepEqual(layers.out, predicted.out);
      assert.equal(layers.in.payload, bytes(run.sent), 'inbound payload is exactly the JSON sent');
      assert.equal(layers.out.payload, bytes(run.received), 'outbound payload is exactly the JSON received');
      assert.equal(running.lab.wireMeter.snapshot().buckets.sockjs.requests, predicted.requests, 'every request the proxy passed');
      assert.equal(layers.keepaliveRequests, predicted.keepaliveRequests);
      assert.ok(layers.out.keepalive > 0, 'the heartbeat was counted');
      if (transport !== 'xhr-polling') {
        // A streaming answer is recorded chunk by chunk, each frame as it went.
        const chunks = running.lab.inspector!.all().filter((r) => r.kind === 'http-chunk');
        assert.ok(chunks.some((r) => r.decoded.some((p) => p.protocol === 'sockjs' && p.type === 'a')), 'an a[...] chunk');
        assert.ok(chunks.some((r) => r.decoded.some((p) => p.protocol === 'sockjs' && p.type === 'h')), 'an h chunk');
      }
      if (transport === 'eventsource') {
        // One streaming answer too: each h is an SSE event among others, counted whole.
        assert.equal(layers.out.keepalive, predicted.heartbeatFrameBytes);
        assert.equal(layers.keepaliveRequests, 0);
      } else if (transport === 'xhr-streaming') {
        // One streaming answer: its heartbeats are h frames among others, its 2 KiB prelude framing.
        assert.equal(layers.out.keepalive, predicted.heartbeatFrameBytes);
        assert.equal(predicted.preludeBytes, 2049, 'the prelude was on the wire');
        assert.equal(layers.keepaliveRequests, 0);
      } else {
        assert.ok(layers.keepaliveRequests >= 1, 'a poll answered only h is a keepalive exchange');
      }
    });
  }

  test('socketio over HTTP long-polling: payload inside Engine.IO polling bodies, pings as keepalive exchanges', async () => {
    const socket = io(proxy.url, { path: TRANSPORT_PATHS.socketio, transports: ['polling'], forceNew: true, reconnection: false });
    const received: { name: string; json: string }[] = [];
    socket.onAny((name: string, payload: unknown) => received.push({ name, json: JSON.stringify(payload) }));
    await new Promise<void>((resolve) => socket.once('connect', () => resolve()));
    const bodies = [{ name: 'layers' }, ...[64, 300].map((n, i) => ({ scope: 'all', text: 'é'.repeat(n), ref: `r${i}` }))];
    for (const [i, body] of bodies.entries()) {
      socket.emit(i === 0 ? 'hello' : 'send', body);
      const answered = (r: { name: string; json: string }) => (i === 0 ? r.name === 'welcome' : r.name === 'ack' && r.json.includes(`"r${i - 1}"`));
      await waitUntil(() => received.some(answered), 'the answer');
    }
    // At least one ping/pong round trip (100 ms interval), then a clean close.
    await waitUntil(() => running.lab.layerMeter.layers().socketio.keepaliveRequests >= 2, 'a ping and its pong');
    const finalCount = received.length;
    // socket.io-client does not abort its pending long poll: it POSTs `41` and then `1`, each on a
    // new connection, and the server answers the poll (a noop) when the `1` comes. Ending the
    // proxy's connections any earlier cuts that poll, the session dies, and the late POSTs get a
    // 400 the proxy reads only after the meter counted it (see wire-capture.test.ts).
    const closed = waitForSocketIoPollingClose(running.lab);
    socket.disconnect();
    await closed;
    const layers = await settledLayers('socketio');
    assert.equal(layers.in.payload, bytes(bodies.map((b) => JSON.stringify(b))), 'inbound payload is exactly the JSON emitted');
    assert.equal(layers.out.payload, bytes(received.slice(0, finalCount).map((r) => r.json)), 'outbound payload is exactly the JSON received');
    for (const dir of [layers.in, layers.out]) assert.ok(dir.framing > 0 && dir.http > 0 && dir.keepalive > 0, JSON.stringify(dir));
  });

  test('reset zeroes the layers with the meter', async () => {
    await pollingScenario(proxy.url);
    await proxy.endAll();
    await waitForMeterIdle(running.lab.wireMeter);
    const res = await fetch(`${running.url}/api/metrics/wire/reset`, { method: 'POST' });
    await res.arrayBuffer();
    const layers = running.lab.layerMeter.layers();
    assert.deepEqual(layers.polling.in, { payload: 0, framing: 0, http: 0, keepalive: 0 });
    assert.deepEqual(layers.polling.out, { payload: 0, framing: 0, http: 0, keepalive: 0 });
  });

  test('GET /api/metrics/wire carries the layers of every lane', async () => {
    const res = await fetch(`${running.url}/api/metrics/wire`);
    const body = (await res.json()) as { layers: Record<LaneId, WireLayerTotals> };
    assert.deepEqual(Object.keys(body.layers).sort(), [...LANE_IDS].sort());
    assert.deepEqual(Object.keys(body.layers.ws.in).sort(), [...WIRE_LAYERS].sort());
  });
});
