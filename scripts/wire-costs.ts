/**
 * Prints what each transport costs on the wire, measured on a Lab started in-process (no pages):
 * bytes by layer for one chat message whose operation JSON is 64 bytes, connect cost until the
 * welcome, and idle cost per client. Run: `NODE_ENV=test npx tsx scripts/wire-costs.ts`.
 * Intervals are shortened (see IDLE_CONFIG) so the idle window stays short; rates scale with them.
 */
import { once } from 'node:events';
import { measureConnectCost, measureIdleCost, TRANSPORT_IDS, WIRE_LAYERS, type TransportId, type WireLayerTotals } from '../protocol';
import { ChatClient } from '../client/chat-client';
import { createPollingLink } from '../client/links/polling-link';
import { connectClient, startLab, TEST_BACKOFF, waitFor, waitUntil, type RunningLab } from '../test/support/lab-fixture';

const MESSAGE_BYTES = 64;
const IDLE_CONFIG = { pollIntervalMs: 1000, wsHeartbeatMs: 5000, sockjsHeartbeatMs: 5000, socketIoPingIntervalMs: 5000, socketIoPingTimeoutMs: 5000 };
const IDLE_POLLS = 6;

/** Layers gained between two snapshots. */
function layerDelta(a: WireLayerTotals, b: WireLayerTotals): string {
  const dir = (d: 'in' | 'out') => WIRE_LAYERS.map((l) => `${l} ${b[d][l] - a[d][l]}`).join(', ');
  return `in: ${dir('in')} | out: ${dir('out')}`;
}

/** Sends one message whose operation JSON is MESSAGE_BYTES long (calibrated on a first one). */
async function messageCost(running: RunningLab, transport: TransportId): Promise<string> {
  const meter = running.lab.layerMeter;
  const client = await connectClient(transport, running.url, { name: 'cost' });
  // Settle after an exchange finished, so no poll is half-counted in the snapshot.
  const settled = async () => {
    if (transport === 'polling') await once(running.lab.wireMeter, 'exchange');
    return meter.snapshot().layers![transport];
  };
  let before = await settled();
  await client.say('all', 'x'.repeat(10));
  let after = await settled();
  const text = 'x'.repeat(10 + MESSAGE_BYTES - (after.in.payload - before.in.payload));
  before = await settled();
  await client.say('all', text);
  after = await settled();
  client.close();
  return layerDelta(before, after);
}

async function main(): Promise<void> {
  const running = await startLab(IDLE_CONFIG);
  const meter = running.lab.wireMeter;
  console.log(`One ${MESSAGE_BYTES}-byte message sent to 'all' (echoed to the sender, acked), bytes by layer:`);
  for (const t of TRANSPORT_IDS) console.log(`  ${t.padEnd(8)} ${await messageCost(running, t)}`);

  console.log('\nConnect cost until the welcome (fresh client, Node libraries):');
  for (const t of TRANSPORT_IDS) {
    let client: ChatClient | undefined;
    const cost = await measureConnectCost(() => meter.snapshot(), t, async () => (client = await connectClient(t, running.url)));
    console.log(`  ${t.padEnd(8)} in ${cost.bytesIn} B, out ${cost.bytesOut} B, ${cost.requests} request(s), ${cost.ms.toFixed(1)} ms`);
    client?.close();
  }

  const clients: ChatClient[] = [];
  for (const t of TRANSPORT_IDS.filter((t) => t !== 'polling')) clients.push(await connectClient(t, running.url));
  const polling = new ChatClient(createPollingLink(running.url, fetch, IDLE_CONFIG.pollIntervalMs), { name: 'idle', backoff: TEST_BACKOFF });
  const opened = waitFor(polling, 'state', (s) => s === 'open');
  polling.connect();
  await opened;
  const start = meter.snapshot().buckets.polling.requests;
  const { elapsedMs, rates } = await measureIdleCost(() => meter.snapshot(), { polling: 1, ws: 1, sockjs: 1, socketio: 1 }, () =>
    waitUntil(() => meter.snapshot().buckets.polling.requests >= start + IDLE_POLLS, 'idle polls', 60_000, 50),
  );
  console.log(`\nIdle cost per client over ${(elapsedMs / 1000).toFixed(1)} s (poll ${IDLE_CONFIG.pollIntervalMs} ms, heartbeats ${IDLE_CONFIG.wsHeartbeatMs} ms):`);
  for (const [t, r] of Object.entries(rates)) {
    console.log(`  ${t.padEnd(8)} in ${r.bytesInPerMin.toFixed(0)} B/min, out ${r.bytesOutPerMin.toFixed(0)} B/min, ${r.requestsPerMin.toFixed(1)} requests/min`);
  }
  for (const c of [...clients, polling]) c.close();
  await running.close();
}

main().catch((err) => {
  console.error(err);
  process.exitCode = 1;
});
