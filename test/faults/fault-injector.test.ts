/** FaultInjector and DelayLine on mocked timers: order, stall, jitter bounds, clear, pass-through. */
import { afterEach, beforeEach, describe, mock, test } from 'node:test';
import assert from 'node:assert/strict';
import type { ServerEvent } from '../../protocol';
import type { Peer } from '../../server/chat/peer';
import { FaultInjector } from '../../server/faults/fault-injector';

const bye = (reason: string): ServerEvent => ({ type: 'bye', reason });

/** A peer that records what it was sent, and when (mocked time). */
function recordingPeer(now: () => number): Peer & { got: { reason: string; at: number }[] } {
  const got: { reason: string; at: number }[] = [];
  return {
    transport: 'ws',
    got,
    send: (event) => got.push({ reason: (event as { reason: string }).reason, at: now() }),
    close: () => undefined,
  };
}

describe('FaultInjector', () => {
  let time = 1_000_000;
  const clock = () => time;
  /** Advances mocked time a millisecond at a time, firing due timers, so deliveries see their own time. */
  const advance = (ms: number) => {
    for (let i = 0; i < ms; i += 1) {
      time += 1;
      mock.timers.tick(1);
    }
  };

  beforeEach(() => mock.timers.enable({ apis: ['setTimeout'] }));
  afterEach(() => mock.timers.reset());

  test('without a fault an event goes straight through, synchronously', () => {
    const faults = new FaultInjector({ clock });
    const peer = recordingPeer(clock);
    faults.wrap(peer).send(bye('a'));
    assert.deepEqual(peer.got.map((g) => g.reason), ['a']);
    assert.equal(faults.holds('ws'), false);
  });

  test('a stall holds events until it ends, then releases them in order', () => {
    const faults = new FaultInjector({ clock });
    const peer = recordingPeer(clock);
    const wrapped = faults.wrap(peer);
    faults.stall('ws', 500);
    wrapped.send(bye('a'));
    advance(200);
    wrapped.send(bye('b'));
    assert.equal(faults.snapshot().transports.ws.held, 2);
    advance(299);
    assert.equal(peer.got.length, 0);
    advance(1);
    assert.deepEqual(peer.got.map((g) => g.reason), ['a', 'b']);
    assert.equal(faults.holds('ws'), false, 'nothing held, stall over');
  });

  test('a stall leaves other transports alone', () => {
    const faults = new FaultInjector({ clock });
    faults.stall('ws', 500);
    const peer = { ...recordingPeer(clock), transport: 'sockjs' as const };
    faults.wrap(peer).send(bye('x'));
    assert.equal(peer.got.length, 1);
  });

  test('jitter stays within latency ± jitter and never reorders one connection', () => {
    const randoms = [0.99, 0, 0.5, 0.99, 0];
    const faults = new FaultInjector({ clock, random: () => randoms.shift() ?? 0.5 });
    const peer = recordingPeer(clock);
    const wrapped = faults.wrap(peer);
    faults.setLatency('ws', 100, 50);
    const start = time;
    for (const r of ['1', '2', '3', '4', '5']) wrapped.send(bye(r));
    advance(200);
    assert.deepEqual(peer.got.map((g) => g.reason), ['1', '2', '3', '4', '5']);
    // The first waits ~150 ms (0.99 → +49.5); the second (0 → 50 ms) waits behind it, keeping order.
    for (const g of peer.got) assert.ok(g.at - start >= 50 && g.at - start <= 150, `at +${g.at - start}`);
  });

  test('clear releases held events at once and stops delaying', () => {
    const faults = new FaultInjector({ clock });
    const peer = recordingPeer(clock);
    const wrapped = faults.wrap(peer);
    faults.stall('ws', 30_000);
    faults.setLatency('ws', 1000);
    wrapped.send(bye('a'));
    wrapped.send(bye('b'));
    faults.clear();
    assert.deepEqual(peer.got.map((g) => g.reason), ['a', 'b']);
    wrapped.send(bye('c'));
    assert.deepEqual(peer.got.map((g) => g.reason), ['a', 'b', 'c']);
    assert.deepEqual(faults.snapshot().transports.ws, { stalledUntil: null, latencyMs: 0, jitterMs: 0, held: 0 });
  });

  test('a stall that starts while events wait on latency holds them too', () => {
    const faults = new FaultInjector({ clock });
    const peer = recordingPeer(clock);
    const wrapped = faults.wrap(peer);
    faults.setLatency('ws', 100);
    wrapped.send(bye('a'));
    faults.stall('ws', 1000);
    advance(500);
    assert.equal(peer.got.length, 0);
    advance(500);
    assert.deepEqual(peer.got.map((g) => g.reason), ['a']);
  });

  test('bind() is called at send time, its delivery later (Socket.IO acknowledgements)', () => {
    const faults = new FaultInjector({ clock });
    const calls: string[] = [];
    const peer: Peer = {
      transport: 'socketio',
      send: () => calls.push('send'),
      bind: () => {
        calls.push('bind');
        return () => calls.push('deliver');
      },
      close: () => undefined,
    };
    faults.stall('socketio', 100);
    faults.wrap(peer).send(bye('a'));
    assert.deepEqual(calls, ['bind']);
    advance(100);
    assert.deepEqual(calls, ['bind', 'deliver']);
  });
});
