/**
 * Name and room rules count characters as code points: a name of 32 astral letters (64 UTF-16
 * units) is fine, 33 is not, and the counting without an array agrees with `[...s].length`.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { isValidName, isValidRoom, MAX_NAME_LENGTH, MAX_ROOM_LENGTH, NAME_PATTERN, ROOM_PATTERN } from '../../protocol';

/** U+20000, a CJK letter outside the BMP: one character, two UTF-16 units. */
const ASTRAL_LETTER = '\u{20000}';

test('rooms and names: the length limit counts code points, not UTF-16 units', () => {
  assert.equal(isValidRoom(ASTRAL_LETTER.repeat(MAX_ROOM_LENGTH)), true);
  assert.equal(isValidRoom(ASTRAL_LETTER.repeat(MAX_ROOM_LENGTH + 1)), false);
  assert.equal(isValidRoom('r'.repeat(MAX_ROOM_LENGTH)), true);
  assert.equal(isValidRoom('r'.repeat(MAX_ROOM_LENGTH + 1)), false);
  assert.equal(isValidRoom(''), false);
  assert.equal(isValidName(ASTRAL_LETTER.repeat(MAX_NAME_LENGTH)), true);
  assert.equal(isValidName(ASTRAL_LETTER.repeat(MAX_NAME_LENGTH + 1)), false);
  assert.equal(isValidName(`  ${'n'.repeat(MAX_NAME_LENGTH)}  `), true, 'trimmed before counting');
  assert.equal(isValidName('   '), false);
});

test('rooms and names agree with the rule written with [...s].length, for any string', () => {
  const reference = (s: string, max: number, pattern: RegExp) => [...s].length >= 1 && [...s].length <= max && pattern.test(s);
  const letters = fc.constantFrom('a', 'Z', '9', '_', '-', ' ', '.', 'é', '张', ASTRAL_LETTER, '\u{1F600}', '\uD800');
  const anyName = fc.oneof(fc.string({ unit: 'binary', maxLength: 80 }), fc.string({ unit: letters, maxLength: 40 }));
  fc.assert(
    fc.property(anyName, (s) => {
      assert.equal(isValidRoom(s), reference(s, MAX_ROOM_LENGTH, ROOM_PATTERN));
      assert.equal(isValidName(s), reference(s.trim(), MAX_NAME_LENGTH, NAME_PATTERN));
    }),
    { numRuns: 3000 },
  );
});
