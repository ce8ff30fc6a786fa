/**
 * The chat's behaviour, one suite for every transport (the Primus "transformer base" shape):
 * each `<transport>.contract.test.ts` is one line calling `runChatContract(transport)`, and
 * variants.contract.test.ts runs it once per library variant (protocol/lanes.ts).
 * Identical expectations on all four; only what is truly transport-specific branches here
 * (how an unknown namespace is refused, and polling's dead-peer check).
 */
import { after, afterEach, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { laneTransport, type LaneId, type ListEvent, type ServerEvent, type TransportId, type WelcomeEvent } from '../../protocol';
import {
  ClientPool,
  connectClient,
  eventsBeforeBarrier,
  makeClient,
  messageTexts,
  recordEvents,
  startLab,
  waitFor,
  type LabStarter,
  type RunningLab,
} from '../support/lab-fixture';
import { openRaw, pollStatus } from '../support/raw-clients';
import { presenceScopeTests } from './presence-contract';

/** Asserts a reply is a list of kind `what` and returns it narrowed. */
function asList<W extends ListEvent['what']>(event: ServerEvent, what: W): Extract<ListEvent, { what: W }> {
  assert.equal(event.type, 'list');
  assert.equal((event as ListEvent).what, what);
  return event as Extract<ListEvent, { what: W }>;
}

/**
 * Runs the whole behavioural suite against one transport.
 * @param topology how the Lab runs: one process (default), or e.g. two nodes on Redis
 *   (cluster-fixture.ts), whose `url` puts consecutive clients on different nodes
 */
export function runChatContract(lane: LaneId, topology: { name: string; start: LabStarter } = { name: 'one process', start: startLab }): void {
  /** The server side sees the transport; the client drives the lane (a variant pins its library). */
  const t = laneTransport(lane);
  const start = topology.start;
  const where = topology.name === 'one process' ? '' : ` (${topology.name})`;
  describe(`chat contract over ${lane}${where}`, () => {
    let lab: RunningLab;
    const pool = new ClientPool(() => lab.url);
    /** A client on another transport, for watching what happens when all `t` clients are dropped. */
    const otherTransport: TransportId = t === 'ws' ? 'socketio' : 'ws';

    before(async () => {
      lab = await start();
    });
    afterEach(() => pool.closeAll());
    after(async () => {
      pool.closeAll();
      await lab.close();
    });

    test('1a. connect: welcome gives an id and the name', async () => {
      const client = makeClient(lane, lab.url, { name: 'Ada' });
      pool.add(client);
      const welcome = waitFor(client, 'event', (e) => e.type === 'welcome') as Promise<WelcomeEvent>;
      const opened = waitFor(client, 'state', (s) => s === 'open');
      client.connect();
      const w = await welcome;
      assert.ok(w.id.length > 0);
      assert.equal(w.name, 'Ada');
      assert.equal(w.ns, '/');
      assert.equal(w.transport, t);
      assert.deepEqual(w.namespaces, ['/', '/lab']);
      assert.ok(w.clients.some((c) => c.id === w.id && c.name === 'Ada'), 'welcome lists me');
      await opened;
      assert.equal(client.id, w.id);
    });

    test('1b. connect: others in the namespace see presence "connected" and their member list grows', async () => {
      const a = await pool.connect(lane, { name: 'first' });
      const seen = waitFor(a, 'event', (e) => e.type === 'presence' && e.event === 'connected' && e.client.name === 'second');
      const b = await pool.connect(lane, { name: 'second' });
      const presence = await seen;
      assert.equal(presence.type === 'presence' && presence.client.id, b.id);
      assert.ok(a.members.some((m) => m.id === b.id && m.name === 'second'));
      assert.ok(b.members.some((m) => m.id === a.id), "the newcomer's welcome lists those already there");
    });

    test('1c. connect: the name is editable; others see "renamed"', async () => {
      const a = await pool.connect(lane, { name: 'watcher' });
      const b = await pool.connect(lane, { name: 'old-name' });
      const renamed = waitFor(a, 'event', (e) => e.type === 'presence' && e.event === 'renamed' && e.client.id === b.id);
      const reply = await b.rename('张三 new');
      assert.equal(reply.type, 'whoami');
      assert.equal(reply.type === 'whoami' && reply.client.name, '张三 new');
      const presence = await renamed;
      assert.equal(presence.type === 'presence' && presence.client.name, '张三 new');
      assert.equal(b.name, '张三 new');
      assert.equal(a.members.find((m) => m.id === b.id)?.name, '张三 new');
    });

    presenceScopeTests(lane, pool, () => lab.url);

    test('2. broadcast to all reaches everyone, the sender included', async () => {
      const [a, b, c] = await Promise.all([pool.connect(lane), pool.connect(lane), pool.connect(lane)]);
      const got = [a, b, c].map((x) => waitFor(x, 'message', (m) => m.text === 'hello all'));
      const ack = await a.say('all', 'hello all');
      assert.equal(ack.type, 'ack');
      assert.ok(ack.type === 'ack' && ack.recipients >= 3);
      const messages = await Promise.all(got);
      for (const m of messages) {
        assert.equal(m.scope, 'all');
        assert.equal(m.from.id, a.id);
        assert.equal(m.from.transport, t);
      }
    });

    test('3. a direct message reaches only the addressed client', async () => {
      const [a, b, c] = await Promise.all([pool.connect(lane), pool.connect(lane), pool.connect(lane)]);
      const recA = recordEvents(a);
      const recC = recordEvents(c);
      const got = waitFor(b, 'message', (m) => m.text === 'psst');
      const ack = await a.say('direct', 'psst', { to: b.id });
      assert.ok(ack.type === 'ack' && ack.recipients === 1);
      const m = await got;
      assert.equal(m.scope, 'direct');
      assert.equal(m.to, b.id);
      assert.deepEqual(messageTexts(await eventsBeforeBarrier(recC, a, c)), [], 'a third client gets nothing');
      assert.deepEqual(messageTexts(await eventsBeforeBarrier(recA, b, a)), [], 'the sender gets no copy');
    });

    test('4a. whoami answers this client only', async () => {
      const [a, b] = await Promise.all([pool.connect(lane, { name: 'me' }), pool.connect(lane)]);
      const recB = recordEvents(b);
      const reply = await a.request({ op: 'whoami' });
      assert.equal(reply.type, 'whoami');
      assert.ok(reply.type === 'whoami');
      assert.equal(reply.client.id, a.id);
      assert.equal(reply.client.name, 'me');
      assert.equal(reply.client.transport, t);
      assert.equal(reply.ns, '/');
      const before = await eventsBeforeBarrier(recB, a, b);
      assert.deepEqual(before.filter((e) => e.type === 'whoami'), []);
    });

    test('4b. an error goes only to the offender', async () => {
      const [a, b] = await Promise.all([pool.connect(lane), pool.connect(lane)]);
      const recB = recordEvents(b);
      await assert.rejects(a.join('not a room!'), (err: Error & { event?: ServerEvent }) => {
        assert.equal(err.event?.type === 'error' && err.event.code, 'invalid_room');
        return true;
      });
      const before = await eventsBeforeBarrier(recB, a, b);
      assert.deepEqual(before.filter((e) => e.type === 'error'), []);
      assert.equal(a.state, 'open', 'the offender stays connected');
    });

    test('5. broadcast to others reaches everyone but the sender', async () => {
      const [a, b, c] = await Promise.all([pool.connect(lane), pool.connect(lane), pool.connect(lane)]);
      const recA = recordEvents(a);
      const got = [b, c].map((x) => waitFor(x, 'message', (m) => m.text === 'not for me'));
      await a.say('others', 'not for me');
      for (const m of await Promise.all(got)) assert.equal(m.scope, 'others');
      assert.deepEqual(messageTexts(await eventsBeforeBarrier(recA, b, a)), []);
    });

    test('6. rooms: join several at once, leave one; the rooms list follows', async () => {
      const [a, b] = await Promise.all([pool.connect(lane), pool.connect(lane)]);
      const joined = await a.join('r6-a', 'r6-b', 'r6-c');
      assert.deepEqual(joined.type === 'rooms' && joined.rooms, ['r6-a', 'r6-b', 'r6-c']);
      assert.deepEqual(a.rooms, ['r6-a', 'r6-b', 'r6-c']);
      await b.join('r6-a');
      const rooms = asList(await b.request({ op: 'list', what: 'rooms' }), 'rooms');
      const mine = rooms.items.filter((r) => r.name.startsWith('r6-'));
      assert.deepEqual(mine, [
        { name: 'r6-a', members: 2 },
        { name: 'r6-b', members: 1 },
        { name: 'r6-c', members: 1 },
      ]);
      const left = await a.leave('r6-b');
      assert.deepEqual(left.type === 'rooms' && left.rooms, ['r6-a', 'r6-c']);
      const after = asList(await b.request({ op: 'list', what: 'rooms' }), 'rooms');
      assert.deepEqual(
        after.items.filter((r) => r.name.startsWith('r6-')).map((r) => r.name),
        ['r6-a', 'r6-c'],
        'an empty room vanishes',
      );
      const ofA = asList(await b.request({ op: 'list', what: 'client-rooms', id: a.id }), 'client-rooms');
      assert.deepEqual(ofA.items, ['r6-a', 'r6-c']);
    });

    test('7. a room message reaches its members, with or without the sender, and no one else', async () => {
      const [a, b, c] = await Promise.all([pool.connect(lane), pool.connect(lane), pool.connect(lane)]);
      await Promise.all([a.join('r7'), b.join('r7')]);
      const recA = recordEvents(a);
      const recC = recordEvents(c);

      const withSelf = [a, b].map((x) => waitFor(x, 'message', (m) => m.text === 'room incl'));
      await a.say('room', 'room incl', { room: 'r7' });
      for (const m of await Promise.all(withSelf)) {
        assert.equal(m.room, 'r7');
        assert.equal(m.includeSelf, true);
      }

      const toB = waitFor(b, 'message', (m) => m.text === 'room excl');
      await a.say('room', 'room excl', { room: 'r7', includeSelf: false });
      assert.equal((await toB).includeSelf, false);

      assert.deepEqual(messageTexts(await eventsBeforeBarrier(recA, b, a)), ['room incl'], 'sender excluded the second time');
      assert.deepEqual(messageTexts(await eventsBeforeBarrier(recC, a, c)), [], 'a non-member gets nothing');
    });

    test('8. lists: clients, rooms with counts, client-rooms (default me), room-clients', async () => {
      const [a, b] = await Promise.all([pool.connect(lane, { name: 'lister' }), pool.connect(lane, { name: 'listed' })]);
      await a.join('r8-x', 'r8-y');
      await b.join('r8-y');

      const clients = asList(await a.request({ op: 'list', what: 'clients' }), 'clients');
      assert.deepEqual(clients.items.find((c) => c.id === a.id), { id: a.id, name: 'lister', transport: t, rooms: ['r8-x', 'r8-y'] });
      assert.deepEqual(clients.items.find((c) => c.id === b.id), { id: b.id, name: 'listed', transport: t, rooms: ['r8-y'] });

      const rooms = asList(await a.request({ op: 'list', what: 'rooms' }), 'rooms');
      assert.deepEqual(
        rooms.items.filter((r) => r.name.startsWith('r8-')),
        [
          { name: 'r8-x', members: 1 },
          { name: 'r8-y', members: 2 },
        ],
      );

      const mine = asList(await a.request({ op: 'list', what: 'client-rooms' }), 'client-rooms');
      assert.equal(mine.id, a.id);
      assert.deepEqual(mine.items, ['r8-x', 'r8-y']);
      const theirs = asList(await a.request({ op: 'list', what: 'client-rooms', id: b.id }), 'client-rooms');
      assert.deepEqual([theirs.id, theirs.items], [b.id, ['r8-y']]);

      const members = asList(await b.request({ op: 'list', what: 'room-clients', room: 'r8-y' }), 'room-clients');
      assert.equal(members.room, 'r8-y');
      assert.deepEqual(members.items.map((c) => c.id).sort(), [a.id, b.id].sort());
      const empty = asList(await b.request({ op: 'list', what: 'room-clients', room: 'r8-none' }), 'room-clients');
      assert.deepEqual(empty.items, []);

      await assert.rejects(a.request({ op: 'list', what: 'client-rooms', id: 'no-such-id' }), /unknown_client/);
    });

    test('9a. namespaces: "/" and "/lab" never see each other\'s messages, rooms or clients', async () => {
      const [root1, root2, lab1, lab2] = await Promise.all([
        pool.connect(lane, { name: 'root-1' }),
        pool.connect(lane, { name: 'root-2' }),
        pool.connect(lane, { name: 'lab-1', ns: '/lab' }),
        pool.connect(lane, { name: 'lab-2', ns: '/lab' }),
      ]);
      assert.equal(lab1.ns, '/lab');
      const recRoot2 = recordEvents(root2);
      const recLab2 = recordEvents(lab2);
      await Promise.all([root1.join('r9-shared', 'r9-root'), lab1.join('r9-shared')]);

      const rootGot = waitFor(root2, 'message', (m) => m.text === 'to root');
      const labGot = waitFor(lab2, 'message', (m) => m.text === 'to lab');
      await root1.say('all', 'to root');
      await lab1.say('all', 'to lab');
      await Promise.all([rootGot, labGot]);
      // Room names are per namespace: a same-named room in the other namespace hears nothing.
      await root1.say('room', 'root room', { room: 'r9-shared' });
      await lab1.say('room', 'lab room', { room: 'r9-shared' });

      const beforeRoot = await eventsBeforeBarrier(recRoot2, root1, root2);
      const beforeLab = await eventsBeforeBarrier(recLab2, lab1, lab2);
      assert.deepEqual(messageTexts(beforeRoot), ['to root']);
      assert.deepEqual(messageTexts(beforeLab), ['to lab']);
      const labIds = [lab1.id, lab2.id];
      const rootIds = [root1.id, root2.id];
      const presenceIds = (events: ServerEvent[]) => events.flatMap((e) => (e.type === 'presence' ? [e.client.id] : []));
      assert.ok(!presenceIds(beforeRoot).some((id) => labIds.includes(id)), '"/" sees no "/lab" presence');
      assert.ok(!presenceIds(beforeLab).some((id) => rootIds.includes(id)), '"/lab" sees no "/" presence');

      const labClients = asList(await lab2.request({ op: 'list', what: 'clients' }), 'clients').items.map((c) => c.id);
      assert.ok(labIds.every((id) => labClients.includes(id!)));
      assert.ok(!rootIds.some((id) => labClients.includes(id!)));
      assert.ok(!lab2.members.some((m) => rootIds.includes(m.id)));
      assert.ok(!root2.members.some((m) => labIds.includes(m.id)));

      const labRooms = asList(await lab2.request({ op: 'list', what: 'rooms' }), 'rooms').items;
      assert.deepEqual(labRooms.filter((r) => r.name.startsWith('r9-')), [{ name: 'r9-shared', members: 1 }]);
      const rootRooms = asList(await root2.request({ op: 'list', what: 'rooms' }), 'rooms').items;
      assert.deepEqual(rootRooms.filter((r) => r.name.startsWith('r9-')), [
        { name: 'r9-root', members: 1 },
        { name: 'r9-shared', members: 1 },
      ]);
      // A direct message cannot cross namespaces either.
      await assert.rejects(root1.say('direct', 'across', { to: lab1.id }), /unknown_client/);
    });

    test('9b. namespaces: an unknown namespace is refused', async () => {
      const client = pool.add(makeClient(lane, lab.url, { ns: '/nope' }));
      const states: string[] = [];
      client.on('state', (s) => states.push(s));
      if (t === 'socketio') {
        // Socket.IO refuses it itself, with a connect_error, before our chat code sees the socket.
        const down = waitFor(client, 'down');
        client.connect();
        assert.match((await down).reason, /Invalid namespace/);
      } else {
        const error = waitFor(client, 'error');
        client.connect();
        assert.equal((await error).code, 'invalid_namespace');
      }
      assert.ok(!states.includes('open'), `never open (states: ${states.join(', ')})`);
      assert.equal(client.id, undefined);
    });

    test('10a. after a server-side drop the client reconnects by itself, keeps its name and rooms', async () => {
      const observer = await pool.connect(otherTransport, { name: 'observer' });
      const client = await pool.connect(lane, { name: 'start-name' });
      await client.rename('keeper');
      await client.join('r10-a', 'r10-b');
      const oldId = client.id!;

      const states: string[] = [];
      client.on('state', (s) => states.push(s));
      const reopened = waitFor(client, 'state', (s) => s === 'open');
      const rejoined = waitFor(client, 'rooms', (rooms) => rooms.length === 2);
      const gone = waitFor(observer, 'event', (e) => e.type === 'presence' && e.event === 'disconnected' && e.client.id === oldId);
      const back = waitFor(observer, 'event', (e) => e.type === 'presence' && e.event === 'connected' && e.client.id !== oldId);

      lab.dropAll(t, 'test');

      await gone;
      await reopened;
      assert.deepEqual(states.slice(0, 2), ['reconnecting', 'open']);
      assert.notEqual(client.id, oldId, 'a new connection gets a new id');
      const arrival = await back;
      assert.equal(arrival.type === 'presence' && arrival.client.id, client.id);
      assert.equal(arrival.type === 'presence' && arrival.client.name, 'keeper', 'the display name is kept');
      assert.deepEqual(await rejoined, ['r10-a', 'r10-b']);

      const onServer = asList(await observer.request({ op: 'list', what: 'client-rooms', id: client.id }), 'client-rooms');
      assert.deepEqual(onServer.items, ['r10-a', 'r10-b'], 'the server has it back in its rooms');
      const got = waitFor(client, 'message', (m) => m.text === 'welcome back');
      await observer.say('room', 'welcome back', { room: 'r10-b' });
      assert.equal((await got).room, 'r10-b');
      assert.equal(client.reconnects, 1);
    });

    test('10c. a client-side drop (client.drop()): the server sees it go, the client reconnects and gets what it missed', async () => {
      const observer = await pool.connect(otherTransport, { name: 'observer' });
      const client = await pool.connect(lane, { name: 'dropper' });
      const oldId = client.id!;
      const downs: string[] = [];
      client.on('down', ({ reason }) => downs.push(reason));
      // Polling's server only notices when the session's TTL runs out, so only the others wait for it.
      const gone = t === 'polling' ? undefined : waitFor(observer, 'event', (e) => e.type === 'presence' && e.event === 'disconnected' && e.client.id === oldId, 20_000);
      const reopened = waitFor(client, 'state', (s) => s === 'open', 20_000);
      const recovered = waitFor(client, 'recovery', () => true, 20_000);
      const missed = waitFor(client, 'message', (m) => m.text === 'while you were away', 20_000);
      assert.equal(client.drop(), true);
      // Polling's session only expires after its TTL; say it now, while the client is away or back.
      await observer.say('all', 'while you were away');
      await Promise.all([reopened, missed]);
      assert.ok(downs.length >= 1, 'the client saw its connection go down');
      assert.notEqual(client.id, oldId, 'a new connection gets a new id');
      const report = await recovered;
      assert.equal(report.recovered, true, 'nothing was lost');
      await gone;
    });

    if (t === 'polling') {
      test('10b. dead peer: a polling session that stops polling expires; others see "disconnected"', async () => {
        const short = await start({ pollSessionTtlMs: 600 });
        const observer = await connectClient('polling', short.url, { name: 'observer' });
        // Read once: over several nodes each read of `url` names the next one.
        const silentUrl = short.url;
        const silent = await openRaw('polling', silentUrl);
        try {
          const welcome = await silent.hello('silent');
          const gone = waitFor(
            observer,
            'event',
            (e) => e.type === 'presence' && e.event === 'disconnected' && e.client.id === welcome.id,
            5000,
          );
          // From here on the raw session never polls again.
          await gone;
          assert.equal(observer.state, 'open', 'a client that keeps polling stays');
          assert.equal(await pollStatus(silentUrl, silent.sid!), 404, 'the expired session is gone');
        } finally {
          observer.close();
          await silent.close();
          await short.close();
        }
      });
    }
  });
}
