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
