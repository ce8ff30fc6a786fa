/**
 * One chat, four doors: every ordered pair of transports (same-transport pairs included, between
 * two different clients) exchanges a room message and a direct message through one server.
 * Everything is sent first and awaited afterwards, so the whole matrix costs about one poll.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { TRANSPORT_IDS, type MessageEvent, type TransportId } from '../../protocol';
import type { ChatClient } from '../../client/chat-client';
import { ClientPool, startLab, waitFor, type LabStarter, type RunningLab } from '../support/lab-fixture';

const ROOM = 'crossroads';

/**
 * Runs the matrix on one topology.
 * @param topology one process (default) or several nodes (then senders and receivers alternate nodes)
 */
export function runCrossTransport(topology: { name: string; start: LabStarter } = { name: 'one process', start: startLab }): void {
describe(`cross-transport delivery${topology.name === 'one process' ? '' : ` (${topology.name})`}`, () => {
  let lab: RunningLab;
  const pool = new ClientPool(() => lab.url);
  /** Per transport: one client that sends and one that receives. */
  const senders = {} as Record<TransportId, ChatClient>;
  const receivers = {} as Record<TransportId, ChatClient>;
  /** `${kind} ${from}->${to}` → the message as received. */
  const arrivals = new Map<string, Promise<MessageEvent>>();

  before(async () => {
    lab = await topology.start();
    await Promise.all(
      TRANSPORT_IDS.map(async (t) => {
        senders[t] = await pool.connect(t, { name: `send-${t}` });
        receivers[t] = await pool.connect(t, { name: `recv-${t}` });
        await Promise.all([senders[t].join(ROOM), receivers[t].join(ROOM)]);
      }),
    );
    for (const from of TRANSPORT_IDS) {
      for (const to of TRANSPORT_IDS) {
        const roomText = `room from ${from}`;
        arrivals.set(`room ${from}->${to}`, waitFor(receivers[to], 'message', (m) => m.text === roomText));
        const directText = `direct ${from}->${to}`;
        arrivals.set(`direct ${from}->${to}`, waitFor(receivers[to], 'message', (m) => m.text === directText));
      }
    }
    // Each test awaits its own arrival; until then a failure must not count as unhandled.
    for (const arrival of arrivals.values()) arrival.catch(() => undefined);
    const acks = TRANSPORT_IDS.flatMap((from) => [
      senders[from].say('room', `room from ${from}`, { room: ROOM }),
      ...TRANSPORT_IDS.map((to) => senders[from].say('direct', `direct ${from}->${to}`, { to: receivers[to].id })),
    ]);
    await Promise.all(acks);
  });

  after(async () => {
    pool.closeAll();
    await lab.close();
  });

  for (const from of TRANSPORT_IDS) {
    for (const to of TRANSPORT_IDS) {
      test(`${from} → ${to}: room message and direct message arrive`, async () => {
        const room = await arrivals.get(`room ${from}->${to}`)!;
        assert.equal(room.scope, 'room');
        assert.equal(room.room, ROOM);
        assert.equal(room.from.transport, from);
        assert.equal(room.from.id, senders[from].id);
        const direct = await arrivals.get(`direct ${from}->${to}`)!;
        assert.equal(direct.scope, 'direct');
        assert.equal(direct.to, receivers[to].id);
        assert.equal(direct.from.transport, from);
      });
    }
  }
});
}
