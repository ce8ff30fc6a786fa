/**
 * Chapter 3 of the lesson: the old-API → v4 mapping table is complete for every call the seed
 * lesson lists, and every card's Run really performs its call, on every transport, with the
 * recipients Socket.IO's semantics say (real server, real client libraries, the page's own runner).
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { API_CALLS, API_CALL_IDS, type ApiCallId } from '../../app/lib/lesson/api-calls';
import { LessonCast, castKey } from '../../app/lib/lesson/lesson-cast';
import { runApiCall, type RunDeps } from '../../app/lib/lesson/run-api-call';
import { parseCatalog } from '../../app/lib/transport-catalog';
import { TRANSPORT_IDS, type TransportId, type WireMetricsResponse } from '../../protocol';
import { makeClient, startLab, type RunningLab } from '../support/lab-fixture';

/** Every call of the seed lesson, as it writes them, and whether v4 removed it. */
const SEED_CALLS: { call: string; removed: boolean }[] = [
  { call: "io.sockets.on('connection'", removed: false },
  { call: 'io.sockets.emit(', removed: false },
  { call: 'io.sockets.socket(', removed: true },
  { call: 'socket.on(', removed: false },
  { call: 'socket.emit(', removed: false },
  { call: 'socket.broadcast.emit(', removed: false },
  { call: 'socket.join(', removed: false },
  { call: 'socket.leave(', removed: false },
  { call: 'socket.broadcast.to(', removed: false },
  { call: 'io.sockets.in(', removed: false },
  { call: 'io.sockets.clients()', removed: true },
  { call: 'io.sockets.manager.rooms', removed: true },
  { call: 'io.sockets.manager.roomClients', removed: true },
  { call: "io.sockets.clients('room')", removed: true },
  { call: 'io.of(', removed: false },
  { call: 'io.configure(', removed: true },
  { call: 'io.set(', removed: true },
  { call: 'io.enable(', removed: true },
  { call: 'io.disable(', removed: true },
  { call: "io.connect('ws://host:port')", removed: false },
  { call: "socket.on('disconnect'", removed: false },
  { call: "socket.on('reconnect'", removed: false },
];

test('the mapping table has every seed call, each with a v4 form, and marks what v4 removed', () => {
  assert.deepEqual(API_CALLS.map((c) => c.id), [...API_CALL_IDS], 'one card per id, in order');
  for (const { call, removed } of SEED_CALLS) {
    const cards = API_CALLS.filter((c) => c.seed.includes(call));
    assert.ok(cards.length > 0, `no card shows the seed's ${call}`);
    if (removed) assert.ok(cards.some((c) => c.removedInV4), `${call} was removed in v4: a card must say so`);
  }
  for (const card of API_CALLS) {
    assert.ok(card.v4.trim().length > 0, `${card.id} has a v4 form`);
    if (card.removedInV4) assert.notEqual(card.v4, card.seed, `${card.id}: a removed call's v4 form differs`);
  }
});

describe('every card runs on every transport with the right recipients', () => {
  let running: RunningLab;
  let cast: LessonCast;
  let counter = 0;
  const deps: RunDeps = {
    readWire: async () => (await (await fetch(`${running.url}/api/metrics/wire`)).json()) as WireMetricsResponse,
    readCatalog: async () => parseCatalog(await (await fetch(`${running.url}/api/transports`)).json()),
    now: () => performance.now(),
    nonce: () => `n${++counter}`,
    otherNs: '/',
  };
  const all = TRANSPORT_IDS.flatMap((t) => ['A', 'B', 'C'].map((r) => castKey(t, r)));

  before(async () => {
    running = await startLab();
    cast = await LessonCast.open(TRANSPORT_IDS, '/lab', 't', (t, ns, name) => makeClient(t, running.url, { ns, name }));
  });
  after(async () => {
    cast.close();
    await running.close();
  });

  /** Keys that received `kind` in a run. */
  const who = (received: Record<string, string[]>, kind: string) =>
    Object.keys(received)
      .filter((k) => received[k].some((r) => r === kind || (kind === 'message' && r === 'replay')))
      .sort();
  const expected: Record<Exclude<ApiCallId, 'configure'>, (t: TransportId) => { kind: string; keys: string[] }> = {
    connection: () => ({ kind: 'presence', keys: all }),
    'client-connect': () => ({ kind: 'presence', keys: all }),
    'emit-all': () => ({ kind: 'message', keys: all }),
    'emit-to-id': (t) => ({ kind: 'message', keys: [castKey(t, 'C')] }),
    'socket-on-emit': (t) => ({ kind: 'reply', keys: [castKey(t, 'A')] }),
    'broadcast-emit': (t) => ({ kind: 'message', keys: all.filter((k) => k !== castKey(t, 'A')) }),
    'join-leave': (t) => ({ kind: 'reply', keys: [castKey(t, 'A')] }),
    'broadcast-to-room': (t) => ({ kind: 'message', keys: all.filter((k) => !k.endsWith(':B') && k !== castKey(t, 'A')) }),
    'in-room-emit': () => ({ kind: 'message', keys: all.filter((k) => !k.endsWith(':B')) }),
    'list-clients': (t) => ({ kind: 'reply', keys: [castKey(t, 'A')] }),
    'list-rooms': (t) => ({ kind: 'reply', keys: [castKey(t, 'A')] }),
    'client-rooms': (t) => ({ kind: 'reply', keys: [castKey(t, 'A')] }),
    'room-clients': (t) => ({ kind: 'reply', keys: [castKey(t, 'A')] }),
    namespace: (t) => ({ kind: 'message', keys: [castKey(t, 'E')] }),
    'disconnect-reconnect': () => ({ kind: 'message', keys: all }),
  };

  for (const card of API_CALLS) {
    test(`${card.id}`, async () => {
      for (const t of TRANSPORT_IDS) {
        const result = await runApiCall(card.action, cast, t, deps);
        assert.ok(result.bytes[t].bytesIn + result.bytes[t].bytesOut > 0 || card.id === 'configure', `${card.id} on ${t}: the meter saw its traffic`);
        if (card.id === 'configure') {
          assert.deepEqual(result.config?.namespaces, ['/', '/lab']);
          continue;
        }
        const want = expected[card.id](t);
        const got = who(result.received, want.kind).filter((k) => !k.endsWith(':D'));
        assert.deepEqual(got, [...want.keys].sort(), `${card.id} on ${t}: who got a ${want.kind}`);
        if (card.id === 'emit-to-id' || card.id.startsWith('in-room') || card.id === 'broadcast-to-room') assert.ok(result.ops.length === 1);
        if (card.id === 'room-clients') assert.equal(result.reply?.type === 'list' && result.reply.items.length, 8, 'A and C on four transports');
        if (card.id === 'list-clients') assert.equal(result.reply?.type === 'list' && result.reply.items.length, 12);
        if (card.id === 'join-leave') assert.deepEqual(result.rooms, [cast.room]);
        if (card.id === 'disconnect-reconnect') {
          assert.equal(result.drop?.recovered, true, `${t}: nothing lost`);
          assert.ok(result.drop!.reason.length > 0);
        }
      }
    });
  }
});
