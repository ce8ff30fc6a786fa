/** The inspector's byte store of texts: first in, first out, exact, and it says when it is full. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { TextArena } from '../../server/inspector/text-arena';

test('a text comes back as it went in, with any characters', () => {
  const arena = new TextArena(1024);
  for (const text of ['a', 'é', '日本語', '😀', '42["send",{"text":"x"}]']) {
    const start = arena.put(text);
    assert.ok(start >= 0);
    assert.equal(arena.text(start, arena.lastEnd), text);
  }
});

test('an empty text, or one that may not fit, is refused', () => {
  const arena = new TextArena(30);
  assert.equal(arena.put(''), -1);
  // 11 UTF-16 units may need 33 bytes: more than there are.
  assert.equal(arena.put('x'.repeat(11)), -1);
  assert.equal(arena.put('x'.repeat(10)), 0);
});

test('texts are placed one after the other, then round to the start once older ones are freed', () => {
  const arena = new TextArena(40);
  const put = (text: string) => {
    const start = arena.put(text);
    return start < 0 ? undefined : { start, end: arena.lastEnd, text };
  };
  const a = put('aaaa')!; // 0..4
  const b = put('bbbb')!; // 4..8
  const c = put('日'.repeat(10))!; // 30 bytes: 8..38, 2 left at the end
  assert.deepEqual([a.start, b.start, c.start, c.end], [0, 4, 8, 38]);
  assert.equal(put('xx'), undefined, 'the end is too short and nothing before it is free');
  arena.freeOldest(a.end);
  arena.freeOldest(b.end);
  const x = put('xx')!; // needs 6: 0..8 is free now
  const y = put('yy')!;
  assert.deepEqual([x.start, y.start], [0, 2]);
  assert.equal(put('zzz'), undefined, '9 needed, 4 free before the oldest (c)');
  for (const t of [c, x, y]) assert.equal(arena.text(t.start, t.end), t.text, 'no text overwritten');
  arena.freeOldest(c.end);
  const z = put('z'.repeat(10))!; // after y, in the room c left
  assert.equal(z.start, 4);
  for (const t of [x, y, z]) assert.equal(arena.text(t.start, t.end), t.text);
  arena.freeOldest(x.end);
  arena.freeOldest(y.end);
  arena.freeOldest(z.end);
  assert.equal(put('w'.repeat(13))?.start, 0, 'empty again: starts over');
});
