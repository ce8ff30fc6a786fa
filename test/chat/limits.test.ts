/**
 * Per-client limits, the same on all four transports: operation rate (token bucket, then a kick),
 * rooms per client and clients per room (all-or-nothing joins). Each limit: just under passes,
 * just over gets its error code. The rate limit runs on a frozen clock, so no token ever refills
 * mid-test and the counts are exact.
 */
import assert from 'node:assert/strict';
import { afterEach, describe, test } from 'node:test';
import WebSocket from 'ws';
import { TRANSPORT_IDS, type ErrorEvent, type ServerEvent } from '../../protocol';
import type { ChatClient } from '../../client/chat-client';
import { connectClient, startLab, waitFor, type RunningLab } from '../support/lab-fixture';

const frozen = () => 1_000_000;

let lab: RunningLab | undefined;
const clients: ChatClient[] = [];
afterEach(async () => {
  for (const c of clients.splice(0)) c.close();
  await lab?.close();
  lab = undefined;
});

async function open(transport: (typeof TRANSPORT_IDS)[number], name: string): Promise<ChatClient> {
  const client = await connectClient(transport, lab!.url, { name });
  clients.push(client);
  return client;
}

/** Resolves with the next `count` replies (whoami or error) a client receives. */
function replies(client: ChatClient, count: number): Promise<ServerEvent[]> {
  return new Promise((resolve, reject) => {
    const seen: ServerEvent[] = [];
    const timer = setTimeout(() => reject(new Error(`only ${seen.length} of ${count} replies`)), 5000);
    const off = client.on('event', (e) => {
      if (e.type !== 'whoami' && e.type !== 'error') return;
      seen.push(e);
      if (seen.length === count) {
        clearTimeout(timer);
        off();
        resolve(seen);
      }
    });
  });
}

const codeOf = (err: unknown) => (err as { event?: ErrorEvent }).event?.code;

for (const transport of TRANSPORT_IDS) {
  describe(`limits over ${transport}`, () => {
    test('rate: hello plus burst-1 operations pass, the next one gets rate_limited', async () => {
      const burst = 5;
      lab = await startLab({ rateLimitPerSec: 5, rateLimitBurst: burst, rateLimitStrikes: 50 }, { clock: frozen });
      const client = await open(transport, 'Fast');
      // hello took one token; burst-1 whoami take the rest; one more is over.
      const got = replies(client, burst);
      for (let i = 0; i < burst; i++) client.send({ op: 'whoami' });
      const events = await got;
      assert.equal(events.filter((e) => e.type === 'whoami').length, burst - 1);
      const errors = events.filter((e): e is ErrorEvent => e.type === 'error');
      assert.deepEqual(errors.map((e) => e.code), ['rate_limited']);
      assert.equal(errors[0].op, 'whoami');
      assert.equal(client.state, 'open', 'a rate_limited client stays connected');
    });

    test('rate: more than RATE_LIMIT_STRIKES rejections disconnect the client', async () => {
      lab = await startLab({ rateLimitPerSec: 1, rateLimitBurst: 2, rateLimitStrikes: 2 }, { clock: frozen });
      const client = await open(transport, 'Flood');
      const codes: string[] = [];
      client.on('error', (e) => codes.push(e.code));
      const down = waitFor(client, 'down');
      // hello + 1 allowed, 2 rejected (strikes), the 3rd rejection is over the strike limit.
      for (let i = 0; i < 4; i++) client.send({ op: 'whoami' });
      await down;
      // Polling ends the session at once, so its client learns only from the 404 that follows.
      const expected = transport === 'polling' ? [] : ['rate_limited', 'rate_limited', 'kicked'];
      assert.deepEqual(codes, expected);
    });

    test('rooms per client: up to the limit passes, one more gets room_limit and joins nothing', async () => {
      lab = await startLab({ maxRoomsPerClient: 3 });
      const client = await open(transport, 'Roomy');
      await client.join('a', 'b');
      await assert.rejects(client.join('c', 'd'), (e) => codeOf(e) === 'room_limit');
      assert.deepEqual((await client.request({ op: 'whoami' })).type === 'whoami' && client.rooms, ['a', 'b']);
      const reply = await client.join('c', 'a');
      assert.deepEqual(reply.type === 'rooms' && reply.rooms, ['a', 'b', 'c']);
    });

    test('clients per room: the last seat is taken, the next client gets room_full and joins nothing', async () => {
      lab = await startLab({ maxClientsPerRoom: 2 });
      const first = await open('ws', 'First');
      await first.join('hall');
      const second = await open(transport, 'Second');
      await second.join('hall');
      const third = await open(transport, 'Third');
      await assert.rejects(third.join('lobby', 'hall'), (e) => codeOf(e) === 'room_full');
      const list = await third.request({ op: 'list', what: 'rooms' });
      assert.deepEqual(list.type === 'list' && list.items, [{ name: 'hall', members: 2 }]);
    });
  });
}

test('rate: a frame the adapter refuses itself (ws binary) still costs a token', async () => {
  lab = await startLab({ rateLimitPerSec: 5, rateLimitBurst: 2, rateLimitStrikes: 50 }, { clock: frozen });
  const socket = new WebSocket(`${lab.url.replace(/^http/, 'ws')}/rt/ws`);
  const codes: string[] = [];
  const done = new Promise<void>((resolve, reject) => {
    socket.on('error', reject);
    socket.on('message', (data) => {
      codes.push(JSON.parse(data.toString()).code);
      if (codes.length === 3) resolve();
    });
  });
  await new Promise((resolve) => socket.once('open', resolve));
  for (let i = 0; i < 3; i++) socket.send(Buffer.from([1, 2, 3]));
  await done;
  socket.close();
  assert.deepEqual(codes, ['bad_envelope', 'bad_envelope', 'rate_limited']);
});
