/**
 * The hot operation (`send`) checked by a validator compiled to one plain function (ajv), in
 * front of the zod schemas of protocol/client-ops.ts, which stay the contract.
 *
 * Why: measured on the bench's hosts (2026-12-07), skipping validation of `send` took the Lab's
 * Socket.IO p50 round trip from 1.07–1.09× bare's to 1.03×, and ajv's compiled check got the
 * same: zod's parse of one small object is cheap in a loop but costs microseconds on a path
 * that runs once per message between other code.
 *
 * Why only as a gate that says yes: the compiled schema accepts nothing zod refuses (lengths are
 * UTF-16 units, `unicode: false`, never more generous than zod's counts), and `send` has no
 * transforms, so what it accepts is the operation exactly as zod would return it. Anything it
 * does not accept goes to zod, which decides and words the error (codes, issues, messages), so
 * clients see the same answers as before. A property test holds the two together.
 */
import Ajv from 'ajv';
import { MAX_CLIENT_ID_LENGTH, MAX_REF_LENGTH, MAX_ROOM_LENGTH, ROOM_PATTERN, SCOPES, type OpAcceptor } from '../../protocol';

const string = (minLength: number, maxLength?: number) => ({ type: 'string', minLength, ...(maxLength === undefined ? {} : { maxLength }) });

/** `clientOpSchemas.send` as JSON Schema. */
const SEND_JSON_SCHEMA = {
  type: 'object',
  additionalProperties: false,
  required: ['op', 'scope', 'text'],
  properties: {
    op: { const: 'send' },
    scope: { enum: [...SCOPES] },
    text: string(1),
    room: { ...string(1, MAX_ROOM_LENGTH), pattern: ROOM_PATTERN.source },
    to: string(1, MAX_CLIENT_ID_LENGTH),
    includeSelf: { type: 'boolean' },
    ref: string(1, MAX_REF_LENGTH),
  },
  allOf: [
    { if: { properties: { scope: { const: 'room' } } }, then: { required: ['room'] } },
    { if: { properties: { scope: { const: 'direct' } } }, then: { required: ['to'] } },
  ],
} as const;

// unicode: false counts string lengths in UTF-16 units, as zod's min/max do; room names are
// counted in code points by zod, so a room of astral letters may be refused here and is then
// judged by zod. unicodeRegExp (the default) compiles the pattern with the `u` flag it needs.
// strictRequired off: the if/then branches require fields the top-level properties define.
// The logger drops ajv's one deprecation notice for `unicode` (the option still works, and it is
// the one that matches zod): printed at every start, it read as a fault in the server's log.
const ajv = new Ajv({
  unicode: false,
  allErrors: false,
  strict: true,
  strictRequired: false,
  logger: {
    log: console.log,
    warn: (...args: unknown[]) => {
      if (typeof args[0] === 'string' && args[0].startsWith('DEPRECATED: option unicode')) return;
      console.warn(...args);
    },
    error: console.error,
  },
});
const acceptsSend = ajv.compile(SEND_JSON_SCHEMA);

/**
 * Says yes to a valid `send` (then it is the operation as it is), and no to everything else,
 * which zod then judges.
 */
export const compiledOpChecks: OpAcceptor = (name, candidate) => name === 'send' && acceptsSend(candidate);
