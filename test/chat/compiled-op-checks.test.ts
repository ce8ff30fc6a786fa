/**
 * The compiled check of `send` may only ever say yes where zod says yes, with the operation
 * exactly as zod returns it; and it must say yes to the sends clients really make, or the fast
 * path would be dead code.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { clientOpSchemas, parseClientFrame, parseClientOp, SCOPES } from '../../protocol';
import { compiledOpChecks } from '../../server/chat/compiled-op-checks';

/** U+20000, a CJK letter outside the BMP: one character, two UTF-16 units. */
const ASTRAL_LETTER = '\u{20000}';

const pieces = fc.constantFrom('a', 'Z', '7', '_', '-', ' ', 'é', '张', ASTRAL_LETTER, '\uD800', '"');
const someString = fc.oneof(fc.string({ unit: pieces, maxLength: 70 }), fc.string({ unit: 'binary', maxLength: 70 }));
const someValue = fc.oneof(someString, fc.boolean(), fc.integer(), fc.constant(null), fc.constantFrom(...SCOPES), fc.constant('send'));

/** Mostly `good`, sometimes anything: enough valid sends to reach the yes branch often. */
const mostly = <T,>(good: fc.Arbitrary<T>) => fc.oneof({ weight: 4, arbitrary: good }, { weight: 1, arbitrary: someValue });

/** Objects shaped like sends, valid or not: each field present or not, of the right type or not. */
const sendLike = fc.record(
  {
    op: mostly(fc.constant('send')),
    scope: mostly(fc.constantFrom(...SCOPES)),
    text: mostly(someString),
    room: mostly(fc.string({ unit: fc.constantFrom('a', '1', '_', '-', ASTRAL_LETTER, ' '), maxLength: 40 })),
    to: mostly(someString),
    includeSelf: mostly(fc.boolean()),
    ref: mostly(someString),
    extra: someValue,
  },
  // Objects as JSON.parse and a spread make them (a null prototype never reaches the check).
  { requiredKeys: [], noNullPrototype: true },
);

test('compiled send check: yes only where zod says yes, with the same operation', () => {
  let accepted = 0;
  fc.assert(
    fc.property(sendLike, (candidate) => {
      if (!compiledOpChecks('send', candidate)) return;
      accepted += 1;
      const parsed = clientOpSchemas.send.safeParse(candidate);
      assert.ok(parsed.success, `compiled check accepted what zod refuses: ${JSON.stringify(candidate)}`);
      assert.deepEqual(parsed.data, candidate);
    }),
    { numRuns: 20_000 },
  );
  // The generator reaches valid sends too, or this test would check nothing.
  assert.ok(accepted > 100, `only ${accepted} accepted`);
});

test('compiled send check: says yes to the sends clients make, and no to other operations', () => {
  const sends = [
    { op: 'send', scope: 'room', room: 'rt-12', text: 'hello', ref: 'r1' },
    { op: 'send', scope: 'room', room: '教室', text: '你好', includeSelf: false },
    { op: 'send', scope: 'all', text: 'hi' },
    { op: 'send', scope: 'others', text: 'hi' },
    { op: 'send', scope: 'direct', to: 'abc', text: 'hi' },
  ];
  for (const send of sends) assert.equal(compiledOpChecks('send', send), true, JSON.stringify(send));
  assert.equal(compiledOpChecks('send', { op: 'send', scope: 'room', text: 'no room' }), false);
  assert.equal(compiledOpChecks('send', { op: 'send', scope: 'direct', text: 'no to' }), false);
  assert.equal(compiledOpChecks('join', { op: 'join', rooms: ['a'] }), false, 'other operations are for zod');
});

test('a send the compiled check refuses still gets zod\'s error, code and issues', () => {
  const viaFrame = parseClientFrame(JSON.stringify({ op: 'send', scope: 'room', room: 'a b', text: 'x' }), 4096, compiledOpChecks);
  assert.equal(viaFrame.ok ? undefined : viaFrame.error.code, 'invalid_room');
  const viaOp = parseClientOp('send', { scope: 'room', text: 'x' }, compiledOpChecks);
  assert.equal(viaOp.ok ? undefined : viaOp.error.code, 'invalid_field');
  assert.deepEqual(viaOp.ok ? undefined : viaOp.error.issues?.map((i) => i.path), ['room']);
  const ok = parseClientOp('send', { scope: 'room', room: 'a', text: 'x' }, compiledOpChecks);
  assert.deepEqual(ok, { ok: true, op: { op: 'send', scope: 'room', room: 'a', text: 'x' } });
});
