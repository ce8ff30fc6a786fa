/**
 * The JSON scanner gives the same byte counts as parsing and encoding again (the reference the
 * meter used before), for any JSON the libraries write: property tests with fast-check, plus the
 * hand-picked edges (escapes, astral characters, lone surrogates, nesting, strings that contain
 * brackets and commas).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { arrayElements, decodedStringBytes } from '../../server/metering/json-scan';
import { messageLayers } from '../../server/metering/message-layers';
import { sockjsQuote } from '../../server/metering/byte-model';

const utf8 = (s: string) => Buffer.byteLength(s, 'utf8');
/** Any string, lone surrogates and control characters included. */
const anyString = fc.string({ unit: 'binary' });
const anyJson = fc.jsonValue().map((v) => (v === undefined ? null : v));

test('arrayElements finds exactly the elements JSON.stringify joined', () => {
  fc.assert(
    fc.property(fc.array(anyJson, { maxLength: 6 }), (values) => {
      const text = JSON.stringify(values);
      const ranges = arrayElements(text, 0);
      assert.ok(ranges);
      assert.deepEqual(ranges.map((r) => text.slice(r.start, r.end)), values.map((v) => JSON.stringify(v)));
    }),
    { numRuns: 1000 },
  );
  assert.deepEqual(arrayElements('[]', 0), []);
  assert.deepEqual(arrayElements('["a,]","b\\"]"]', 0)?.length, 2);
  for (const bad of ['[', '["a"', '["a"]x', '[1]]', '{"a":1}', '["\\"]']) assert.equal(arrayElements(bad, 0), undefined, bad);
});

test('decodedStringBytes equals the UTF-8 size of the string the literal decodes to', () => {
  fc.assert(
    fc.property(anyString, (value) => {
      for (const literal of [JSON.stringify(value), sockjsQuote(value)]) {
        assert.equal(decodedStringBytes(literal, 0, literal.length), utf8(JSON.parse(literal) as string), literal);
      }
    }),
    { numRuns: 2000 },
  );
  assert.equal(decodedStringBytes('"\\ud83d\\ude00"', 0, 14), 4);
  assert.equal(decodedStringBytes('"\\ud83d"', 0, 8), 3);
  assert.equal(decodedStringBytes('"abc', 0, 4), undefined);
  assert.equal(decodedStringBytes('"\\uZZZZ"', 0, 8), undefined);
});

test('Socket.IO and SockJS frames: the payload is what parse-and-encode counts', () => {
  fc.assert(
    fc.property(fc.string(), fc.array(anyJson, { minLength: 1, maxLength: 3 }), fc.array(anyString, { maxLength: 4 }), (name, args, messages) => {
      // Engine.IO message "4", Socket.IO EVENT "2", in the "/lab" namespace with ack id 7.
      const event = `42/lab,7${JSON.stringify([name, ...args])}`;
      assert.equal(messageLayers('socketio', event).payload, args.reduce<number>((n, a) => n + utf8(JSON.stringify(a)), 0));
      const ack = `43${JSON.stringify(args)}`;
      assert.equal(messageLayers('socketio', ack).payload, args.reduce<number>((n, a) => n + utf8(JSON.stringify(a)), 0));
      const frame = `a[${messages.map(sockjsQuote).join(',')}]`;
      assert.equal(messageLayers('sockjs', frame).payload, messages.reduce((n, m) => n + utf8(m), 0));
    }),
    { numRuns: 1000 },
  );
});
