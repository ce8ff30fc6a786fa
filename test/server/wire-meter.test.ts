/**
 * The wire meter against an independent observer: every client talks to the Lab through a TCP
 * proxy that counts what it passes, and the meter's numbers must match it to the byte.
 */
import assert from 'node:assert/strict';
import { once } from 'node:events';
import http from 'node:http';
import { connect } from 'node:net';
import { afterEach, beforeEach, describe, test } from 'node:test';
import { LANES, NODE_LANE_IDS, WIRE_BUCKETS, type WireMetricsResponse } from '../../protocol';
import { startByteCountingProxy, byteLength, type ByteCountingProxy } from '../support/byte-counting-proxy';
import { startLab, type RunningLab } from '../support/lab-fixture';
import { runChatExchange, waitForMeterIdle } from '../support/wire-scenario';

let running: RunningLab;
let proxy: ByteCountingProxy;

beforeEach(async () => {
  running = await startLab();
  proxy = await startByteCountingProxy(running.url);
});
afterEach(async () => {
  await proxy.close();
  await running.close();
});

/** Ends every proxied connection and waits until the meter has settled all of them. */
async function settle(): Promise<WireMetricsResponse> {
  await proxy.endAll();
  await waitForMeterIdle(running.lab.wireMeter);
  return running.lab.wireMeter.snapshot();
}

/** Byte length of the first HTTP message in `data` (headers + content-length body). */
function firstMessageLength(data: Buffer): number {
  const headerEnd = data.indexOf('\r\n\r\n') + 4;
  assert.ok(headerEnd > 4, 'no end of headers');
  const length = /\r\ncontent-length: *(\d+)/i.exec(data.subarray(0, headerEnd).toString('latin1'));
  return headerEnd + (length ? Number(length[1]) : 0);
}

describe('wire meter', () => {
  for (const lane of NODE_LANE_IDS) {
    test(`${lane}: bucket bytes equal the proxy's bytes exactly, and nothing leaks to other buckets`, async () => {
      await runChatExchange(running.lab, lane, proxy.url);
      const { buckets } = await settle();
      const seen = proxy.totals();
      assert.ok(seen.toServer > 0 && seen.fromServer > 0, 'the proxy saw no traffic');
      assert.equal(buckets[lane].bytesIn, seen.toServer, 'client → server bytes');
      assert.equal(buckets[lane].bytesOut, seen.fromServer, 'server → client bytes');
      assert.equal(buckets[lane].connections, proxy.connections.length);
      // A variant's lane tag moves all of its bytes, /info and handshakes included, to its own bucket.
      for (const other of WIRE_BUCKETS.filter((b) => b !== lane)) {
        assert.deepEqual(buckets[other], { bytesIn: 0, bytesOut: 0, requests: 0, upgrades: 0, connections: 0 }, other);
      }
      const upgrades = buckets[lane].upgrades;
      const overWebSocket = lane === 'ws' || lane === 'sockjs' || lane === 'socketio' || lane === 'socketio:upgrade';
      assert.equal(upgrades, overWebSocket ? 1 : 0, overWebSocket ? 'one WebSocket handshake' : 'HTTP only');
      if (LANES[lane].variant) assert.ok(buckets[lane].requests > 0, 'HTTP requests of the variant');
    });
  }

  test('keep-alive: one connection carrying /api then /rt/poll splits at the response boundary', async () => {
    const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
    const get = (method: string, path: string) =>
      new Promise<void>((resolve, reject) => {
        const req = http.request(`${proxy.url}${path}`, { method, agent }, (res) => {
          res.resume();
          res.on('end', resolve);
        });
        req.on('error', reject);
        req.end();
      });
    await get('GET', '/api/transports');
    await get('POST', '/rt/poll/open');
    agent.destroy();
    const { buckets } = await settle();

    assert.equal(proxy.connections.length, 1, 'both requests went over one connection');
    const [conn] = proxy.connections;
    const toServer = Buffer.concat(conn.toServer);
    const fromServer = Buffer.concat(conn.fromServer);
    const apiIn = firstMessageLength(toServer);
    const apiOut = firstMessageLength(fromServer);
    assert.match(fromServer.subarray(apiOut).toString('latin1'), /^HTTP\/1\.1 201/, 'second response starts where the first ends');
    assert.deepEqual(buckets.api, { bytesIn: apiIn, bytesOut: apiOut, requests: 1, upgrades: 0, connections: 1 });
    assert.deepEqual(buckets.polling, {
      bytesIn: toServer.length - apiIn,
      bytesOut: fromServer.length - apiOut,
      requests: 1,
      upgrades: 0,
      connections: 1,
    });
    const [record] = running.lab.wireMeter.connectionRecords();
    assert.equal(record.bytesIn, toServer.length);
    assert.equal(record.bytesOut, fromServer.length);
  });

  test('pipelined requests: connection totals stay exact; inbound bytes go to the request in flight (documented limit)', async () => {
    const { port } = new URL(proxy.url);
    const socket = connect(Number(port), '127.0.0.1');
    await once(socket, 'connect');
    const first = 'GET /api/transports HTTP/1.1\r\nHost: lab\r\n\r\n';
    const second = 'POST /rt/poll/open HTTP/1.1\r\nHost: lab\r\nContent-Length: 0\r\nConnection: close\r\n\r\n';
    socket.end(first + second);
    socket.resume();
    await once(socket, 'close');
    const { buckets } = await settle();

    const fromServer = Buffer.concat(proxy.connections[0].fromServer);
    const apiOut = firstMessageLength(fromServer);
    assert.equal(buckets.api.bytesOut, apiOut, 'responses are still split exactly');
    assert.equal(buckets.polling.bytesOut, fromServer.length - apiOut);
    // Both requests were read before the first response finished, so both count for it.
    assert.equal(buckets.api.bytesIn, Buffer.byteLength(first + second));
    assert.equal(buckets.polling.bytesIn, 0);
    assert.equal(buckets.api.bytesIn + buckets.polling.bytesIn, byteLength(proxy.connections[0].toServer));
    assert.equal(buckets.api.requests + buckets.polling.requests, 2);
  });

  test('GET /api/metrics/wire reports live totals (an open WebSocket included) and counts itself as api', async () => {
    const { connectClient } = await import('../support/lab-fixture');
    const client = await connectClient('ws', proxy.url);
    await client.say('all', 'live bytes');
    const res = await fetch(`${running.url}/api/metrics/wire`);
    assert.equal(res.status, 200);
    const body = (await res.json()) as WireMetricsResponse;
    assert.deepEqual(Object.keys(body.buckets).sort(), [...WIRE_BUCKETS].sort());
    assert.ok(body.since <= Date.now());
    assert.ok(body.buckets.ws.bytesIn > 0 && body.buckets.ws.bytesOut > 0, 'open socket counted live');
    assert.equal(body.buckets.ws.upgrades, 1);
    assert.equal(body.buckets.api.requests, 1, 'the metrics request itself is api');
    client.close();
  });

  test('POST /api/metrics/wire/reset zeroes the totals when the admin API is on, 404 when off', async () => {
    await fetch(`${running.url}/api/transports`).then((r) => r.arrayBuffer());
    const reset = await fetch(`${running.url}/api/metrics/wire/reset`, { method: 'POST' });
    assert.equal(reset.status, 200);
    await reset.arrayBuffer();
    const after = running.lab.wireMeter.snapshot();
    assert.equal(after.buckets.api.requests, 0);

    const off = await startLab({ adminApi: false });
    try {
      const refused = await fetch(`${off.url}/api/metrics/wire/reset`, { method: 'POST' });
      assert.equal(refused.status, 404);
      await refused.arrayBuffer();
      assert.equal((await fetch(`${off.url}/api/metrics/wire`)).status, 200);
    } finally {
      await off.close();
    }
  });
});

test('WIRE_METER=off: the Lab serves as usual and the meter counts nothing', async () => {
  const lab = await startLab({ wireMeter: false });
  try {
    const res = await fetch(`${lab.url}/api/transports`);
    assert.equal(res.status, 200);
    await res.arrayBuffer();
    assert.equal(lab.lab.wireMeter.openConnections, 0);
    for (const bucket of WIRE_BUCKETS) assert.deepEqual(lab.lab.wireMeter.snapshot().buckets[bucket].requests, 0);
  } finally {
    await lab.close();
  }
});
