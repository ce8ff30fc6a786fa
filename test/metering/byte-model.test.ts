/**
 * The byte model against the libraries' own encoders: ws's frame builder, socket.io-parser and
 * engine.io-parser, and sockjs's quote function. No expected number is typed by hand except
 * where RFC 6455 states it.
 */
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import { describe, test } from 'node:test';
import { Encoder } from 'socket.io-parser';
import {
  pollingEnvelopeBytes,
  socketIoEventOverheadBytes,
  socketIoEventText,
  sockjsArrayFrameBytes,
  sockjsOverheadBytes,
  sockjsQuote,
  utf8,
  wsFrameBytes,
  wsHeaderBytes,
} from '../../server/metering/byte-model';
import { wsBuiltFrame } from '../support/ws-built-frame';

const require = createRequire(__filename);
const sockjsUtils = require('sockjs/lib/utils') as { quote(s: string): string };
const engineParser = require('engine.io-parser') as { encodePacket(p: { type: string; data: string }, binary: boolean, cb: (s: string) => void): void };

/** Bytes of the text frame ws itself builds for `payloadBytes` (header and payload). */
const wsBuiltFrameBytes = (payloadBytes: number, masked: boolean) => wsBuiltFrame(Buffer.alloc(payloadBytes), 1, masked).length;

/** The text socket.io-parser and engine.io-parser put on the wire for one event. */
function libraryEventText(name: string, payload: unknown, nsp = '/', id?: number): string {
  const [packet] = new Encoder().encode({ type: 2, nsp, data: [name, payload], id }) as string[];
  let text = '';
  engineParser.encodePacket({ type: 'message', data: packet }, false, (encoded) => (text = encoded));
  return text;
}

describe('byte model: WebSocket frame headers (RFC 6455 §5.2)', () => {
  const cases: [number, number, number][] = [
    // payload bytes, header unmasked, header masked
    [0, 2, 6],
    [125, 2, 6],
    [126, 4, 8],
    [65535, 4, 8],
    [65536, 10, 14],
  ];
  for (const [payload, unmasked, masked] of cases) {
    test(`${payload}-byte payload: ${unmasked} bytes from the server, ${masked} from a client`, () => {
      assert.equal(wsHeaderBytes(payload, false), unmasked);
      assert.equal(wsHeaderBytes(payload, true), masked);
      assert.equal(wsFrameBytes(payload, false), wsBuiltFrameBytes(payload, false), 'ws builds the same server frame');
      assert.equal(wsFrameBytes(payload, true), wsBuiltFrameBytes(payload, true), 'ws builds the same client frame');
    });
  }
});

describe('byte model: Engine.IO / Socket.IO event packets', () => {
  const payloads: unknown[] = [{ text: 'hi' }, { text: 'quote " and é, 😀' }, { n: 1, list: [1, 2, 3] }];
  for (const payload of payloads) {
    for (const nsp of ['/', '/lab']) {
      test(`${JSON.stringify(payload)} in ${nsp}: the model's text is the encoders' text`, () => {
        const json = JSON.stringify(payload);
        assert.equal(socketIoEventText('message', json, nsp), libraryEventText('message', payload, nsp));
        assert.equal(socketIoEventText('message', json, nsp, 7), libraryEventText('message', payload, nsp, 7), 'with an ack id');
        assert.equal(socketIoEventOverheadBytes('message', json, nsp), utf8(libraryEventText('message', payload, nsp)) - utf8(json));
      });
    }
  }

  test('`42["message",…]` costs 14 bytes around the payload in the default namespace', () => {
    assert.equal(socketIoEventOverheadBytes('message', '{}'), utf8('42["message",]'));
  });
});

describe('byte model: SockJS frames and escaping', () => {
  const messages = ['plain', 'with "quotes" and \\', 'non-ASCII é ü', 'escaped by sockjs: \u2028 \u200d \ufeff', 'a surrogate pair 😀', 'control \u0001'];
  for (const message of messages) {
    test(`${JSON.stringify(message)}: quoted exactly as sockjs quotes it`, () => {
      assert.equal(sockjsQuote(message), sockjsUtils.quote(message));
    });
  }

  test('an a[...] frame is a, brackets, commas and the quoted messages', () => {
    const frame = `a[${messages.map((m) => sockjsUtils.quote(m)).join(',')}]`;
    assert.equal(sockjsArrayFrameBytes(messages), utf8(frame));
    assert.equal(sockjsOverheadBytes(messages), utf8(frame) - messages.reduce((n, m) => n + utf8(m), 0));
  });

  test('sockjs escapes what JSON leaves alone: an emoji costs 12 bytes instead of 4', () => {
    assert.equal(sockjsOverheadBytes(['😀']) - sockjsOverheadBytes(['']), 12 - 4);
    assert.equal(sockjsOverheadBytes(['é']), sockjsOverheadBytes(['']), 'é passes unescaped');
  });
});

describe('byte model: polling envelope', () => {
  test('{"next":N,"events":[…]} minus the events', () => {
    const events = [JSON.stringify({ type: 'message', text: 'é' }), JSON.stringify({ type: 'ack', ref: 'r1' })];
    const body = JSON.stringify({ next: 12, events: events.map((e) => JSON.parse(e) as unknown) });
    assert.equal(pollingEnvelopeBytes(12, events), utf8(body) - utf8(events.join('')));
    assert.equal(pollingEnvelopeBytes(3, []), utf8('{"next":3,"events":[]}'));
  });
});
