/**
 * fast-check generators for hostile client input: what a fuzzing client, a broken library or an
 * attacker could put on the wire. Used by hostile-input.property.test.ts.
 */
import fc from 'fast-check';
import { OP_NAMES } from '../../protocol';

export interface HostileLimits {
  maxFrameBytes: number;
  maxTextChars: number;
}

/** Names that are dangerous as keys or event names: prototype members and reserved-looking words. */
const PROTO_NAMES = ['__proto__', 'constructor', 'prototype', 'toString', 'hasOwnProperty', 'valueOf'];
/** Socket.IO refuses these event names in the client library itself (raw packets test them). */
const SOCKET_IO_RESERVED = new Set(['connect', 'connect_error', 'disconnect', 'disconnecting', 'newListener', 'removeListener']);

/** An operation name: a real one, a prototype member, an event name, or anything. */
const opName = fc.oneof(
  fc.constantFrom(...OP_NAMES),
  fc.constantFrom(...PROTO_NAMES, 'error', 'message', 'welcome', 'bye', ''),
  fc.string({ maxLength: 80, unit: 'binary' }),
);

/** A field value: plausible ones (so deeper rules run) mixed with any JSON at all. */
const fieldValue = fc.oneof(
  fc.constantFrom('all', 'others', 'room', 'direct', 'clients', 'rooms', 'room-clients', '/', '/lab', 'general', 'Ann', true, 0, null),
  fc.array(fc.constantFrom('general', 'help', 'bad room', '', '\ud800'), { maxLength: 20 }),
  fc.jsonValue({ maxDepth: 2 }),
  fc.string({ maxLength: 40, unit: 'binary' }),
);

/** Every field of every operation, each present or not, each of any type. */
const fields = fc.record(
  {
    name: fieldValue,
    ns: fieldValue,
    scope: fieldValue,
    text: fieldValue,
    room: fieldValue,
    rooms: fieldValue,
    to: fieldValue,
    includeSelf: fieldValue,
    what: fieldValue,
    id: fieldValue,
    ref: fieldValue,
  },
  { requiredKeys: [] },
);

/** Own-property prototype keys, as JSON.parse makes them (an object literal would set the prototype instead). */
const PROTO_PAYLOADS = [
  '{"__proto__":{"polluted":"yes"}}',
  '{"constructor":{"prototype":{"polluted":"yes"}}}',
  '{"prototype":{"polluted":"yes"}}',
  '{"rooms":["a"],"__proto__":{"polluted":"yes"}}',
  '{"scope":"all","text":"x","__proto__":{"polluted":"yes","text":"y"}}',
];

/** Deeply nested arrays or objects, `depth` levels, as JSON text. */
const nested = (depth: number, kind: 'array' | 'object') =>
  kind === 'array' ? '['.repeat(depth) + ']'.repeat(depth) : '{"a":'.repeat(depth) + '1' + '}'.repeat(depth);
const deep = fc.tuple(fc.integer({ min: 500, max: 10_000 }), fc.constantFrom<'array' | 'object'>('array', 'object'));

/**
 * One hostile text frame for ws, SockJS and polling.
 * @param limits the server's limits, so sizes land just under and over them
 */
export function hostileText(limits: HostileLimits): fc.Arbitrary<string> {
  const sendWith = (text: string) => JSON.stringify({ op: 'send', scope: 'all', text });
  return fc.oneof(
    fc.jsonValue({ maxDepth: 4 }).map((v) => JSON.stringify(v)),
    fc.string({ maxLength: 200, unit: 'binary' }),
    fc.tuple(opName, fields).map(([op, body]) => JSON.stringify({ ...body, op })),
    fc.tuple(opName, fc.constantFrom(...PROTO_PAYLOADS)).map(([op, body]) => `{"op":${JSON.stringify(op)},${body.slice(1)}`),
    fc.constantFrom(...PROTO_PAYLOADS).map((body) => `{"op":"send",${body.slice(1)}`),
    deep.map(([depth, kind]) => `{"op":"send","scope":"all","text":${nested(depth, kind)}}`),
    deep.map(([depth, kind]) => nested(depth, kind)),
    // Frame sizes around the soft limit and the hard (4×) limit.
    fc
      .oneof(
        fc.integer({ min: limits.maxFrameBytes - 64, max: limits.maxFrameBytes + 64 }),
        fc.integer({ min: limits.maxFrameBytes * 4 - 64, max: limits.maxFrameBytes * 4 + 64 }),
      )
      .map((size) => sendWith('x'.repeat(Math.max(1, size - 35)))),
    // Text length around maxTextChars, counted in code points (each emoji is two UTF-16 units).
    fc
      .tuple(fc.integer({ min: limits.maxTextChars - 2, max: limits.maxTextChars + 2 }), fc.constantFrom('x', '€', '😀'))
      .map(([n, ch]) => sendWith(ch.repeat(n))),
    // Lone surrogates, escaped in the JSON and raw in the string.
    fc.constantFrom(
      '{"op":"hello","name":"\\ud800"}',
      '{"op":"send","scope":"all","text":"\\udc00\\ud800"}',
      '{"op":"join","rooms":["\\ud83d"]}',
      '{"op":"\\ud800"}',
      '{"op":"send","scope":"all","text":"\ud800"}',
      '{"op":"rename","name":"a\udfff"}',
    ),
  );
}

/** One hostile Socket.IO emit: an event name and a payload of any shape. */
export function hostileOp(limits: HostileLimits): fc.Arbitrary<{ name: string; body: unknown }> {
  const body = fc.oneof(
    fc.constant(undefined),
    fc.jsonValue({ maxDepth: 4 }),
    fields,
    fc.constantFrom(...PROTO_PAYLOADS).map((text) => JSON.parse(text) as unknown),
    deep.map(([depth, kind]) => ({ scope: 'all', text: JSON.parse(nested(depth, kind)) as unknown })),
    fc
      .integer({ min: limits.maxFrameBytes - 64, max: limits.maxFrameBytes * 4 + 64 })
      .map((size) => ({ scope: 'all', text: 'x'.repeat(size) })),
    fc.constantFrom({ name: '\ud800' }, { scope: 'all', text: '\udc00' }, { rooms: ['\ud83d'] }),
  );
  return fc.record({ name: opName.filter((n) => !SOCKET_IO_RESERVED.has(n)), body });
}
