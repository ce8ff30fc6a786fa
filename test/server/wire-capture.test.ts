/**
 * The wire meter against a packet capture: tcpdump records loopback traffic on the Lab's port
 * while clients chat, and every connection's TCP payload in the capture must equal the meter's
 * bytes for it, per direction, and so must the per-bucket sums.
 * Skips (saying why) where tcpdump is missing or may not capture; CI installs it and runs as root.
 */
import assert from 'node:assert/strict';
import { globalAgent } from 'node:http';
import { test } from 'node:test';
import { io } from 'socket.io-client';
import { NODE_LANE_IDS, TRANSPORT_PATHS, type LaneId, type WireBucket } from '../../protocol';
import { startByteCountingProxy, byteLength } from '../support/byte-counting-proxy';
import { startLab, waitUntil, type RunningLab } from '../support/lab-fixture';
import { findTcpdump, startCapture } from '../support/packet-capture';
import { payloadByConnection, type CapturedConnection } from '../support/pcap-reader';
import { sockjsXhrScenario } from '../support/sockjs-xhr-scenario';
import { runChatExchange, waitForMeterIdle, waitForServedBody, waitForSocketIoPollingClose } from '../support/wire-scenario';

const tcpdump = findTcpdump();

/**
 * Runs `scenario` against a Lab under capture, closes what the clients left idle, and resolves
 * with each connection's captured payload (by the client's port) once every packet is in.
 */
async function captured(running: RunningLab, scenario: () => Promise<void>): Promise<Map<number, CapturedConnection>> {
  const port = Number(new URL(running.url).port);
  const capture = await startCapture(tcpdump.path!, port);
  try {
    await scenario();
    // Keep-alive connections left idle by fetch would stay open: close them from the server side
    // (a FIN, no payload), again after any response still finishing, until the meter is idle.
    const closeIdle = () => setImmediate(() => running.lab.http.closeIdleConnections());
    running.lab.http.on('request', (_req, res) => res.once('finish', closeIdle));
    running.lab.http.closeIdleConnections();
    await waitForMeterIdle(running.lab.wireMeter);
    await capture.stop();
    return payloadByConnection(capture.file, port);
  } finally {
    await capture.close();
  }
}

/** Asserts the meter's record of every connection equals the capture, and both saw the same ones. */
function assertMeterMatchesCapture(running: RunningLab, packets: Map<number, CapturedConnection>): void {
  // A connection that carried no payload either way (a client that opened a socket and gave up
  // before sending, a retry cut at once) is invisible to a payload capture, and has nothing to compare.
  const records = running.lab.wireMeter.connectionRecords().filter((r) => r.bytesIn + r.bytesOut > 0);
  const describe = (ports: number[]) => ports.sort((a, b) => a - b).join(',');
  assert.equal(describe([...packets.keys()]), describe(records.map((r) => r.remotePort)), `same connections seen (capture vs meter; meter records: ${JSON.stringify(records.map((r) => [r.remotePort, r.bytesIn, r.bytesOut, r.open]))})`);
  for (const record of records) {
    const seen = packets.get(record.remotePort)!;
    assert.equal(record.bytesIn, seen.toServer, `port ${record.remotePort} client → server`);
    assert.equal(record.bytesOut, seen.fromServer, `port ${record.remotePort} server → client`);
  }
}

/**
 * The inspector's records of each transport add up, per direction, to the meter's bucket (which
 * the caller has checked against the capture): log = meter = capture.
 */
async function assertInspectorMatchesMeter(running: RunningLab, transports: readonly LaneId[]): Promise<void> {
  // The inspector settles a closed connection's unclaimed bytes one tick after the meter.
  await new Promise((resolve) => setImmediate(resolve));
  const { buckets } = running.lab.wireMeter.snapshot();
  const records = running.lab.inspector!.all();
  for (const transport of transports) {
    const sum = (dir: 'in' | 'out') => records.filter((r) => r.lane === transport && r.dir === dir).reduce((n, r) => n + r.bytes, 0);
    assert.deepEqual({ in: sum('in'), out: sum('out') }, { in: buckets[transport].bytesIn, out: buckets[transport].bytesOut }, `${transport}: inspector = meter`);
  }
}

test('packet capture: per-connection and per-lane payload bytes equal the meter and the inspector exactly, every variant included', { skip: tcpdump.reason ?? false }, async () => {
  const running = await startLab();
  try {
    const packets = await captured(running, async () => {
      for (const lane of NODE_LANE_IDS) {
        await runChatExchange(running.lab, lane, running.url);
        // Node's agent keeps connections alive, and the next lane's library would reuse this lane's:
        // the meter splits such a connection by request correctly, but the capture can only be
        // compared per lane when each connection carries one lane.
        globalAgent.destroy();
      }
    });
    const records = running.lab.wireMeter.connectionRecords().filter((r) => r.bytesIn + r.bytesOut > 0);
    assert.ok(records.length >= NODE_LANE_IDS.length, `expected a connection per lane, got ${records.length}`);
    assertMeterMatchesCapture(running, packets);
    const byBucket = new Map<WireBucket, { bytesIn: number; bytesOut: number }>();
    for (const record of records) {
      const seen = packets.get(record.remotePort)!;
      const buckets = Object.keys(record.buckets) as WireBucket[];
      assert.equal(buckets.length, 1, `port ${record.remotePort} carried one bucket in this scenario: ${JSON.stringify(record.buckets)}`);
      const sum = byBucket.get(buckets[0]) ?? { bytesIn: 0, bytesOut: 0 };
      sum.bytesIn += seen.toServer;
      sum.bytesOut += seen.fromServer;
      byBucket.set(buckets[0], sum);
    }
    const { buckets } = running.lab.wireMeter.snapshot();
    const report: string[] = [];
    for (const transport of NODE_LANE_IDS) {
      const fromCapture = byBucket.get(transport);
      assert.ok(fromCapture, `${transport} traffic captured`);
      assert.equal(buckets[transport].bytesIn, fromCapture.bytesIn, `${transport} in`);
      assert.equal(buckets[transport].bytesOut, fromCapture.bytesOut, `${transport} out`);
      report.push(`${transport} in=${fromCapture.bytesIn} out=${fromCapture.bytesOut} conns=${buckets[transport].connections}`);
    }
    console.log(`wire capture: ${report.join('; ')}`);
    await assertInspectorMatchesMeter(running, NODE_LANE_IDS);
  } finally {
    await running.close();
  }
});

/** A Socket.IO client pinned to long-polling that says hello and is welcomed. */
async function socketIoPollingClient(url: string) {
  const socket = io(url, { path: TRANSPORT_PATHS.socketio, transports: ['polling'], forceNew: true, reconnection: false });
  const names: string[] = [];
  socket.onAny((name: string) => names.push(name));
  await new Promise<void>((resolve) => socket.once('connect', () => resolve()));
  socket.emit('hello', { name: 'capture' });
  await waitUntil(() => names.includes('welcome'), 'the welcome');
  socket.emit('send', { scope: 'all', text: 'over long-polling', ref: 'r0' });
  await waitUntil(() => names.includes('ack'), 'the ack');
  return socket;
}

test('packet capture: HTTP clients that disconnect with a long poll or a stream pending, or cut', { skip: tcpdump.reason ?? false }, async () => {
  const running = await startLab({ socketIoPingIntervalMs: 100, socketIoPingTimeoutMs: 1000, sockjsHeartbeatMs: 100 });
  const proxy = await startByteCountingProxy(running.url);
  try {
    const packets = await captured(running, async () => {
      // Direct: socket.io-client POSTs `41` then `1`; the server answers the pending poll (noop).
      const direct = await socketIoPollingClient(running.url);
      const directClosed = waitForSocketIoPollingClose(running.lab);
      direct.disconnect();
      await directClosed;
      // Through the proxy, ended at once (what layer-meter.test.ts once did): the pending poll is
      // cut, the session dies with it, and the late `41` and `1` POSTs get a 400 each, on
      // connections endAll() never knew of. The meter counts each 400 when it is written; the
      // proxy reads it a moment later, so totals taken right after the meter went idle differ.
      const cut = await socketIoPollingClient(proxy.url);
      const lateDisconnect = waitForServedBody(running.lab, `${TRANSPORT_PATHS.socketio}/`, '41');
      const lateClose = waitForSocketIoPollingClose(running.lab);
      cut.disconnect();
      await proxy.endAll();
      await Promise.all([lateDisconnect, lateClose]);
      // Our polling: the link POSTs /close; a poll in flight is answered and read.
      await runChatExchange(running.lab, 'polling', running.url);
      // sockjs-client really aborts its pending xhr poll or stream on close(), and sends nothing after.
      for (const transport of ['xhr-streaming', 'xhr-polling'] as const) await sockjsXhrScenario(running.url, transport);
    });
    assertMeterMatchesCapture(running, packets);
    // Once every connection has closed, the proxy agrees with the capture too, to the byte.
    await Promise.all(proxy.connections.map((c) => c.closed));
    for (const conn of proxy.connections) {
      // A proxied connection cut before it carried a byte has no payload segment to capture.
      const seen = packets.get(conn.upstreamPort!) ?? { toServer: 0, fromServer: 0 };
      assert.deepEqual({ toServer: byteLength(conn.toServer), fromServer: byteLength(conn.fromServer) }, { toServer: seen.toServer, fromServer: seen.fromServer }, `proxied connection ${conn.upstreamPort}`);
    }
    await assertInspectorMatchesMeter(running, ['socketio', 'polling', 'sockjs']);
    const refused = proxy.connections.filter((c) => Buffer.concat(c.fromServer).toString('latin1').startsWith('HTTP/1.1 400 ')).length;
    const { buckets } = running.lab.wireMeter.snapshot();
    const line = (id: LaneId) => `${id} in=${buckets[id].bytesIn} out=${buckets[id].bytesOut} conns=${buckets[id].connections}`;
    console.log(`disconnect capture: ${line('socketio')} (${refused} late POSTs refused); ${line('polling')}; ${line('sockjs')}`);
  } finally {
    await proxy.close();
    await running.close();
  }
});
