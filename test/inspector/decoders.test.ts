/**
 * Decoding tables per protocol: every Engine.IO and Socket.IO packet type built with the
 * libraries' own encoders, SockJS's frames as its protocol writes them, our polling envelopes.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { encodePacket, encodePayload, type Packet } from 'engine.io-parser';
import { Encoder, PacketType } from 'socket.io-parser';
import { readEngineBody, readEnginePacket, readSocketPacket } from '../../server/inspector/decode/engine-io';
import { readPollingBody } from '../../server/inspector/decode/lab-polling';
import { readSockjsBody, readSockjsFrame } from '../../server/inspector/decode/sockjs';
import { noFacts } from '../../server/inspector/decode/unit-facts';
import { redactText } from '../../server/inspector/redact';

const encodeEngine = (packet: Packet) => new Promise<string>((resolve) => encodePacket(packet, false, (data) => resolve(String(data))));

test('Engine.IO: every packet type from engine.io-parser, the probe flagged', async () => {
  const cases: [Packet, string, Record<string, unknown>?][] = [
    [{ type: 'open', data: JSON.stringify({ sid: 'S1', upgrades: ['websocket'], pingInterval: 25000, pingTimeout: 20000 }) }, 'open', { sid: 'S1', upgrades: ['websocket'], pingInterval: 25000, pingTimeout: 20000 }],
    [{ type: 'close' }, 'close'],
    [{ type: 'ping' }, 'ping'],
    [{ type: 'ping', data: 'probe' }, 'ping', { probe: true }],
    [{ type: 'pong', data: 'probe' }, 'pong', { probe: true }],
    [{ type: 'upgrade' }, 'upgrade'],
    [{ type: 'noop' }, 'noop'],
  ];
  for (const [packet, type, fields] of cases) {
    const facts = noFacts();
    readEnginePacket('out', await encodeEngine(packet), facts);
    assert.deepEqual(facts.packets, [{ protocol: 'engine.io', type, ...(fields ? { fields } : {}) }], type);
  }
  const facts = noFacts();
  readEnginePacket('out', await encodeEngine({ type: 'open', data: JSON.stringify({ sid: 'S2' }) }), facts);
  assert.equal(facts.openedSession, 'S2');
});

test('Socket.IO: CONNECT, DISCONNECT, EVENT, ACK, CONNECT_ERROR from socket.io-parser, with namespace and ack id', () => {
  const encode = (packet: object) => String(new Encoder().encode(packet as never)[0]);
  const read = (dir: 'in' | 'out', packet: object) => {
    const facts = noFacts();
    readSocketPacket(dir, encode(packet), facts);
    return facts;
  };
  assert.deepEqual(read('in', { type: PacketType.CONNECT, nsp: '/lab' }).packets[0], { protocol: 'socket.io', type: 'CONNECT', fields: { nsp: '/lab' } });
  assert.equal(read('out', { type: PacketType.DISCONNECT, nsp: '/' }).packets[0].type, 'DISCONNECT');
  assert.equal(read('out', { type: PacketType.CONNECT_ERROR, nsp: '/', data: { message: 'no' } }).packets[0].type, 'CONNECT_ERROR');
  const send = read('in', { type: PacketType.EVENT, nsp: '/lab', id: 7, data: ['send', { scope: 'all', text: 'hi' }] });
  assert.deepEqual(send.packets[0], { protocol: 'socket.io', type: 'EVENT', fields: { nsp: '/lab', ackId: 7, event: 'send' } });
  assert.deepEqual(send.packets[1], { protocol: 'lab-ws', type: 'send', fields: { scope: 'all', text: 'hi' } });
  assert.deepEqual(send.sends, [{ ackId: 7 }]);
  const ack = read('out', { type: PacketType.ACK, nsp: '/lab', id: 7, data: [{ type: 'ack', messageId: 'm1' }] });
  assert.deepEqual(ack.acks, [{ ackId: 7, messageId: 'm1' }]);
  const message = read('out', { type: PacketType.EVENT, nsp: '/', data: ['message', { id: 'm1', text: 'hi', from: { id: 'c', name: 'Ann' } }] });
  assert.deepEqual(message.messageIds, ['m1']);
  assert.match(message.phrases.join(' '), /SIO EVENT "message" .*message m1 from Ann "hi"/);
  const welcome = read('out', { type: PacketType.EVENT, nsp: '/', data: ['welcome', { id: 'c9', positions: {} }] });
  assert.equal(welcome.welcome, 'c9');
});

test('Engine.IO polling body: packets joined by the record separator; "ok" is only an acknowledgement', async () => {
  const body = await new Promise<string>((resolve) => encodePayload([{ type: 'ping' }, { type: 'message', data: '2["x",{}]' }, { type: 'noop' }], resolve));
  const facts = noFacts();
  readEngineBody('out', body, facts);
  assert.deepEqual(facts.packets.map((p) => `${p.protocol}:${p.type}`), ['engine.io:ping', 'engine.io:message', 'socket.io:EVENT', 'lab-ws:x', 'engine.io:noop']);
  const ok = noFacts();
  readEngineBody('out', 'ok', ok);
  assert.deepEqual(ok.packets, []);
});

test('SockJS: o, h, a[...], c[...], a client\u2019s array, /info', () => {
  const read = (dir: 'in' | 'out', frame: string) => {
    const facts = noFacts();
    readSockjsFrame(dir, frame, facts);
    return facts;
  };
  assert.equal(read('out', 'o').packets[0].type, 'o');
  assert.equal(read('out', 'h\n').packets[0].type, 'h');
  assert.deepEqual(read('out', 'c[3000,"Go away!"]').packets[0], { protocol: 'sockjs', type: 'c', fields: { code: 3000, reason: 'Go away!' } });
  const a = read('out', `a${JSON.stringify([JSON.stringify({ type: 'message', id: 'm2', text: 't' }), JSON.stringify({ type: 'presence' })])}`);
  assert.deepEqual(a.packets.map((p) => p.type), ['a', 'message', 'presence']);
  assert.deepEqual(a.messageIds, ['m2']);
  const sent = read('in', JSON.stringify([JSON.stringify({ op: 'send', scope: 'all', text: 'x', ref: 'r1' })]));
  assert.deepEqual(sent.sends, [{ ref: 'r1' }]);
  const body = noFacts();
  readSockjsBody('out', '/rt/sockjs/info', '{"websocket":true,"origins":["*:*"],"cookie_needed":false,"entropy":1}', body);
  assert.equal(body.packets[0].type, 'info');
  const stream = noFacts();
  readSockjsBody('out', '/rt/sockjs/1/s/xhr_streaming', 'o\nh\na["{\\"type\\":\\"presence\\"}"]\n', stream);
  assert.deepEqual(stream.packets.map((p) => p.type), ['o', 'h', 'a', 'presence']);
});

test('our polling: open, send, events (empty and not), close', () => {
  const read = (dir: 'in' | 'out', path: string, body: string) => {
    const facts = noFacts();
    readPollingBody(dir, path, body, facts);
    return facts;
  };
  const open = read('out', '/rt/poll/open', '{"sid":"p1","pollIntervalMs":1000}');
  assert.equal(open.openedSession, 'p1');
  assert.deepEqual(read('in', '/rt/poll/send', '{"op":"send","scope":"all","text":"a","ref":"r"}').sends, [{ ref: 'r' }]);
  assert.match(read('out', '/rt/poll/events', '{"next":3,"events":[]}').phrases.join(), /events ×0 \(empty\)/);
  const events = read('out', '/rt/poll/events', '{"next":4,"events":[{"type":"ack","ref":"r","messageId":"m3"}]}');
  assert.deepEqual(events.acks, [{ ref: 'r', messageId: 'm3' }]);
  assert.equal(read('in', '/rt/poll/close', '').packets[0].type, 'close');
});

test('redaction: resume tokens in JSON, escaped JSON, queries and direct-stream names', () => {
  const token = 'abcdefgh1234';
  for (const text of [`{"resumeToken":"${token}"}`, JSON.stringify(JSON.stringify({ resumeToken: token })), `/x?token=${token}`, `{"positions":{"direct:/lab:${token}":3}}`]) {
    const shown = redactText(text);
    assert.ok(!shown.includes(token), shown);
    assert.match(shown, /\[redacted\]/);
  }
  assert.equal(redactText('{"text":"hello"}'), '{"text":"hello"}');
});
