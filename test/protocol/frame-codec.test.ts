import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import {
  decodeServerEvent,
  encodeServerEvent,
  errorEvent,
  ERROR_CODES,
  parseClientFrame,
  parseClientOp,
  toSocketIoEvent,
  type ErrorCode,
  type ParseResult,
} from '../../protocol';

const LIMIT = 1024;

function errorCode(result: ParseResult): ErrorCode | undefined {
  return result.ok ? undefined : result.error.code;
}

describe('parseClientFrame', () => {
  test('a valid operation parses, with names trimmed', () => {
    const result = parseClientFrame('{"op":"hello","name":"  Ada  ","ns":"/lab","ref":"1"}', LIMIT);
    assert.deepEqual(result, { ok: true, op: { op: 'hello', name: 'Ada', ns: '/lab', ref: '1' } });
  });

  const cases: [string, string, ErrorCode][] = [
    ['not JSON', '{"op":', 'bad_json'],
    ['not an object', '[1]', 'bad_envelope'],
    ['null', 'null', 'bad_envelope'],
    ['no op', '{"name":"x"}', 'bad_envelope'],
    ['op not a string', '{"op":1}', 'bad_envelope'],
    ['unknown op', '{"op":"dance"}', 'unknown_op'],
    ['missing field', '{"op":"join"}', 'invalid_field'],
    ['wrong type', '{"op":"send","scope":"all","text":5}', 'invalid_field'],
    ['empty text', '{"op":"send","scope":"all","text":""}', 'invalid_field'],
    ['unknown scope', '{"op":"send","scope":"nearby","text":"x"}', 'invalid_field'],
    ['room scope without room', '{"op":"send","scope":"room","text":"x"}', 'invalid_field'],
    ['direct scope without to', '{"op":"send","scope":"direct","text":"x"}', 'invalid_field'],
    ['room-clients without room', '{"op":"list","what":"room-clients"}', 'invalid_field'],
    ['too many rooms', JSON.stringify({ op: 'join', rooms: Array.from({ length: 17 }, (_, i) => `r${i}`) }), 'invalid_field'],
    ['bad room', '{"op":"join","rooms":["a b"]}', 'invalid_room'],
    ['room too long', JSON.stringify({ op: 'join', rooms: ['r'.repeat(33)] }), 'invalid_room'],
    ['bad name', '{"op":"hello","name":"<b>"}', 'invalid_name'],
    ['blank name', '{"op":"hello","name":"   "}', 'invalid_name'],
    ['name too long', JSON.stringify({ op: 'hello', name: 'n'.repeat(33) }), 'invalid_name'],
    ['bad namespace', '{"op":"hello","name":"x","ns":"lab"}', 'invalid_namespace'],
    ['frame over the limit', JSON.stringify({ op: 'send', scope: 'all', text: 'x'.repeat(LIMIT) }), 'too_large'],
  ];
  for (const [name, frame, code] of cases) {
    test(`${name} → ${code}`, () => {
      const result = parseClientFrame(frame, LIMIT);
      assert.equal(errorCode(result), code, JSON.stringify(result));
      if (!result.ok) assert.equal(result.error.message.length > 0, true);
    });
  }

  test('the size limit counts UTF-8 bytes, not characters', () => {
    const text = '张'.repeat(400); // 400 characters, 1200 bytes
    const frame = JSON.stringify({ op: 'send', scope: 'all', text });
    assert.ok(frame.length < LIMIT);
    assert.equal(errorCode(parseClientFrame(frame, LIMIT)), 'too_large');
    assert.equal(parseClientFrame(frame, 4096).ok, true);
  });

  test('strict schemas reject unknown fields', () => {
    for (const frame of ['{"op":"whoami","admin":true}', '{"op":"send","scope":"all","text":"x","html":"<b>"}']) {
      const result = parseClientFrame(frame, LIMIT);
      assert.equal(errorCode(result), 'invalid_field', frame);
      assert.ok(!result.ok && result.error.issues && result.error.issues.length > 0);
    }
  });

  test('names and rooms in Chinese (and other scripts) are accepted', () => {
    const hello = parseClientFrame('{"op":"hello","name":"张三"}', LIMIT);
    assert.deepEqual(hello, { ok: true, op: { op: 'hello', name: '张三' } });
    const join = parseClientFrame('{"op":"join","rooms":["聊天室","Zoë-room"]}', LIMIT);
    assert.ok(join.ok && join.op.op === 'join');
    assert.deepEqual(join.ok && join.op.op === 'join' && join.op.rooms, ['聊天室', 'Zoë-room']);
    // 32 characters is the limit, however many bytes they take.
    assert.equal(parseClientFrame(JSON.stringify({ op: 'hello', name: '张'.repeat(32) }), LIMIT).ok, true);
  });

  test('an error keeps the ref and the op when they can be read', () => {
    const result = parseClientFrame('{"op":"join","rooms":[],"ref":"abc"}', LIMIT);
    assert.ok(!result.ok);
    assert.deepEqual([result.error.code, result.error.op, result.error.ref], ['invalid_field', 'join', 'abc']);
  });
});

describe('parseClientOp (Socket.IO shape)', () => {
  test('the event name is the op; a stray op in the body is ignored', () => {
    assert.deepEqual(parseClientOp('whoami', { op: 'hello' }), { ok: true, op: { op: 'whoami' } });
    assert.deepEqual(parseClientOp('whoami', undefined), { ok: true, op: { op: 'whoami' } });
  });

  test('a payload that is not an object → invalid_field', () => {
    for (const body of ['text', 42, null, ['a']]) assert.equal(errorCode(parseClientOp('join', body)), 'invalid_field');
  });

  test('a name that is not an operation → unknown_op or bad_envelope', () => {
    assert.equal(errorCode(parseClientOp('toString', {})), 'unknown_op');
    assert.equal(errorCode(parseClientOp(7, {})), 'bad_envelope');
  });
});

describe('events', () => {
  test('errorEvent uses the standard message for its code', () => {
    assert.deepEqual(errorEvent('not_ready'), { type: 'error', code: 'not_ready', message: ERROR_CODES.not_ready });
    assert.deepEqual(errorEvent('too_large', { message: 'big', ref: undefined }), { type: 'error', code: 'too_large', message: 'big' });
  });

  test('encode/decode round trip, and Socket.IO splitting', () => {
    const event = { type: 'rooms' as const, rooms: ['a'], ref: 'r' };
    assert.deepEqual(decodeServerEvent(encodeServerEvent(event)), event);
    assert.equal(decodeServerEvent('not json'), null);
    assert.equal(decodeServerEvent('{"no":"type"}'), null);
    assert.deepEqual(toSocketIoEvent(event), ['rooms', { rooms: ['a'], ref: 'r' }]);
  });
});
