/**
 * Part of the chat contract (chat-contract.ts calls it inside its suite): hello's
 * `presence: 'rooms'`, the scope that keeps a large chat from paying N² for presence.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { LaneId, ServerEvent, WelcomeEvent } from '../../protocol';
import { eventsBeforeBarrier, makeClient, recordEvents, waitFor, type ClientPool } from '../support/lab-fixture';

/** Ids of the clients the presence events among `events` are about. */
const presenceAbout = (events: ServerEvent[]) => events.flatMap((e) => (e.type === 'presence' ? [e.client.id] : []));

/** Registers the presence-scope tests for one lane on the caller's pool and server. */
export function presenceScopeTests(lane: LaneId, pool: ClientPool, url: () => string): void {
  test('1d. presence "rooms": only room-mates are heard of and listed; a namespace watcher hears everyone', async () => {
    const watcher = await pool.connect(lane, { name: 'watcher' });
    const scoped = await pool.connect(lane, { name: 'scoped', presence: 'rooms' });
    await scoped.join('r1d');
    const rec = recordEvents(scoped);

    const stranger = await pool.connect(lane, { name: 'stranger' });
    const strangerId = stranger.id!;
    const watcherId = watcher.id!;
    const mate = await pool.connect(lane, { name: 'mate' });
    const joined = waitFor(scoped, 'event', (e) => e.type === 'presence' && e.event === 'joined' && e.client.id === mate.id);
    await mate.join('r1d');
    await joined;
    assert.ok(scoped.members.some((m) => m.id === mate.id), 'a room-mate joins the member list');

    const renamed = waitFor(scoped, 'event', (e) => e.type === 'presence' && e.event === 'renamed' && e.client.id === mate.id);
    await mate.rename('mate 2');
    await renamed;
    const left = waitFor(scoped, 'event', (e) => e.type === 'presence' && e.event === 'left' && e.client.id === mate.id);
    await mate.leave('r1d');
    await left;
    assert.ok(!scoped.members.some((m) => m.id === mate.id), 'no longer sharing a room, it leaves the member list');

    const watcherSaw = waitFor(watcher, 'event', (e) => e.type === 'presence' && e.event === 'disconnected' && e.client.id === strangerId);
    stranger.close();
    await watcherSaw;
    const before = await eventsBeforeBarrier(rec, watcher, scoped);
    assert.ok(!presenceAbout(before).includes(strangerId), 'nothing about a client that shares no room');
    assert.ok(!presenceAbout(before).includes(watcherId), 'nothing about the watcher either');
    assert.ok(!scoped.members.some((m) => m.id === strangerId || m.id === watcherId));
    assert.ok(watcher.members.some((m) => m.id === scoped.id) && watcher.members.some((m) => m.id === mate.id), 'the watcher lists everyone');
  });

  test('1e. presence "rooms": the welcome lists me and my room-mates only', async () => {
    await pool.connect(lane, { name: 'outsider' });
    const inside = await pool.connect(lane, { name: 'inside' });
    await inside.join('r1e');
    // Rooms in hello (from resumeFrom): joined before the welcome, so it lists who is there.
    const newcomer = pool.add(makeClient(lane, url(), { name: 'newcomer', presence: 'rooms', resumeFrom: { token: `r1e-${lane.replace(/[^A-Za-z0-9]/g, '-')}-${Date.now()}`, rooms: ['r1e'] } }));
    const welcome = waitFor(newcomer, 'event', (e) => e.type === 'welcome') as Promise<WelcomeEvent>;
    newcomer.connect();
    const w = await welcome;
    assert.deepEqual(w.clients.map((c) => c.name).sort(), ['inside', 'newcomer']);
  });
}
