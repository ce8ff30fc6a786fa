import { test } from 'node:test';
import assert from 'node:assert/strict';
import { chatMessage } from '../support/chat-message';
import { StreamHistory } from '../../server/chat/stream-history';

const message = chatMessage;

test('positions count up per stream, independently', () => {
  const h = new StreamHistory({ size: 10, maxAgeMs: 1000 });
  assert.equal(h.append('s1', message('a'), { recipients: 1 }), 1);
  assert.equal(h.append('s1', message('b'), { recipients: 1 }), 2);
  assert.equal(h.append('s2', message('c'), { recipients: 1 }), 1);
  assert.equal(h.head('s1'), 2);
  assert.equal(h.head('none'), 0);
});

test('since() replays exactly what came after, or says how much is gone', () => {
  const h = new StreamHistory({ size: 3, maxAgeMs: 60_000 });
  for (const t of ['1', '2', '3', '4', '5']) h.append('s', message(t), { recipients: 1 });
  const full = h.since('s', 2);
  assert.equal(full.ok, true);
  assert.deepEqual(full.entries.map((e) => e.seq), [3, 4, 5]);
  const short = h.since('s', 0);
  assert.deepEqual({ ok: short.ok, missed: short.ok ? 0 : short.missed }, { ok: false, missed: 2 });
  assert.deepEqual(h.since('s', 5), { ok: true, entries: [] });
  assert.equal(h.since('s', 9).ok, false, 'a position past the head is from another run');
});

test('entries age out, but positions never restart', () => {
  let now = 0;
  const h = new StreamHistory({ size: 100, maxAgeMs: 1000, clock: () => now });
  h.append('s', message('old'), { recipients: 1 });
  now = 5000;
  const gone = h.since('s', 0);
  assert.deepEqual({ ok: gone.ok, entries: gone.entries.length }, { ok: false, entries: 0 });
  assert.equal(h.append('s', message('new'), { recipients: 1 }), 2);
});

test('a stream nobody writes any more is trimmed too, by the next write anywhere after a sweep period', () => {
  let now = 0;
  const h = new StreamHistory({ size: 100, maxAgeMs: 1000, clock: () => now });
  for (let i = 0; i < 10; i++) h.append('idle', message(`old${i}`), { recipients: 1 });
  assert.equal(h.entryCount, 10);
  now = 1100;
  // Younger than a sweep period since the last one would not sweep; this write is 1,100 ms later.
  h.append('busy', message('new'), { recipients: 1 });
  assert.equal(h.entryCount, 1, 'the idle stream aged out without being read or written');
  assert.equal(h.head('idle'), 10, 'its position stays');
  assert.equal(h.append('idle', message('again'), { recipients: 1 }), 11, 'seqs never restart');
  const later = h.since('idle', 10);
  assert.deepEqual(later.ok && later.entries.map((e) => e.seq), [11]);
});

test('no sweep before a sweep period has passed: an entry within its age is never dropped early', () => {
  let now = 0;
  const h = new StreamHistory({ size: 100, maxAgeMs: 1000, clock: () => now });
  h.append('a', message('x'), { recipients: 1 });
  now = 999;
  h.append('b', message('y'), { recipients: 1 });
  assert.equal(h.entryCount, 2);
});
