/**
 * Bad input on every transport, sent raw (ChatClient never sends malformed frames). One table of
 * cases, run against a raw connection per transport; after each, the offender gets its error,
 * keeps its connection, and bystanders on all four transports still chat.
 */
import { after, afterEach, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { TRANSPORT_IDS, type ErrorCode, type TransportId } from '../../protocol';
import type { ChatClient } from '../../client/chat-client';
import { ClientPool, startLab, waitFor, type RunningLab } from '../support/lab-fixture';
import { openRaw, type RawConnection } from '../support/raw-clients';

interface Limits {
  maxTextChars: number;
  maxFrameBytes: number;
}

interface BadInputCase {
  name: string;
  /** Say hello before the bad input. */
  hello: boolean;
  /** Transports the case applies to (default: all). */
  only?: TransportId[];
  send(raw: RawConnection, limits: Limits): Promise<void>;
  expect: ErrorCode;
  /** What the error message must say, when the code alone is ambiguous. */
  message?: RegExp;
}

const TEXT_TRANSPORTS: TransportId[] = ['polling', 'ws', 'sockjs'];

const CASES: BadInputCase[] = [
  { name: 'malformed JSON', hello: true, only: TEXT_TRANSPORTS, send: (r) => r.sendRaw('{"op":"send",'), expect: 'bad_json' },
  { name: 'JSON that is not an object', hello: true, only: TEXT_TRANSPORTS, send: (r) => r.sendRaw('[1,2]'), expect: 'bad_envelope' },
  // Socket.IO frames are parsed by the library; the nearest malformed input is a payload that is not an object.
  { name: 'payload that is not an object', hello: true, only: ['socketio'], send: (r) => r.sendOp('join', 'lobby'), expect: 'invalid_field' },
  { name: 'unknown operation', hello: true, send: (r) => r.sendOp('dance', {}), expect: 'unknown_op' },
  { name: 'missing field', hello: true, send: (r) => r.sendOp('join', {}), expect: 'invalid_field' },
  { name: 'wrong-typed field', hello: true, send: (r) => r.sendOp('send', { scope: 'all', text: 42 }), expect: 'invalid_field' },
  { name: 'unknown field (strict schema)', hello: true, send: (r) => r.sendOp('whoami', { admin: true }), expect: 'invalid_field' },
  {
    name: 'text over maxTextChars',
    hello: true,
    send: (r, l) => r.sendOp('send', { scope: 'all', text: 'x'.repeat(l.maxTextChars + 1) }),
    expect: 'too_large',
    message: /^Text is over/,
  },
  {
    name: 'frame over maxFrameBytes',
    hello: true,
    // Over the limit but under the hard limit (4×): refused with an error, connection kept.
    send: (r, l) => r.sendOp('send', { scope: 'all', text: '€'.repeat(Math.ceil(l.maxFrameBytes / 3) + 10) }),
    expect: 'too_large',
    message: /^Frame is over/,
  },
  { name: 'invalid room name', hello: true, send: (r) => r.sendOp('join', { rooms: ['no spaces here'] }), expect: 'invalid_room' },
  { name: 'invalid display name', hello: false, send: (r) => r.sendOp('hello', { name: '<script>' }), expect: 'invalid_name' },
  { name: 'unknown namespace', hello: false, send: (r) => r.sendOp('hello', { name: 'lost', ns: '/nope' }), expect: 'invalid_namespace' },
  { name: 'malformed namespace', hello: false, send: (r) => r.sendOp('hello', { name: 'lost', ns: 'lab' }), expect: 'invalid_namespace' },
  { name: 'operation before hello', hello: false, send: (r) => r.sendOp('whoami', {}), expect: 'not_ready' },
  { name: 'second hello', hello: true, send: (r) => r.sendOp('hello', { name: 'again' }), expect: 'already_hello' },
  {
    name: 'direct message to an unknown client',
    hello: true,
    send: (r) => r.sendOp('send', { scope: 'direct', to: 'nobody', text: 'hi' }),
    expect: 'unknown_client',
  },
];

describe('bad input', () => {
  let lab: RunningLab;
  let limits: Limits;
  const pool = new ClientPool(() => lab.url);
  const bystanders = {} as Record<TransportId, ChatClient>;
  const raws: RawConnection[] = [];
  let round = 0;

  before(async () => {
    lab = await startLab();
    limits = { maxTextChars: lab.config.maxTextChars, maxFrameBytes: lab.config.maxFrameBytes };
    await Promise.all(
      TRANSPORT_IDS.map(async (t) => {
        bystanders[t] = await pool.connect(t, { name: `bystander-${t}` });
        await bystanders[t].join('bystanders');
      }),
    );
  });
  afterEach(async () => {
    await Promise.all(raws.splice(0).map((r) => r.close()));
  });
  after(async () => {
    pool.closeAll();
    await lab.close();
  });

  /** Opens a raw connection that is closed after the test. */
  async function raw(t: TransportId): Promise<RawConnection> {
    const connection = await openRaw(t, lab.url);
    raws.push(connection);
    return connection;
  }

  /** The server is up and every bystander, on every transport, still gets a room message. */
  async function bystandersStillChat(sender: TransportId): Promise<void> {
    const text = `still here ${++round}`;
    const got = TRANSPORT_IDS.map((t) => waitFor(bystanders[t], 'message', (m) => m.text === text));
    await bystanders[sender].say('room', text, { room: 'bystanders' });
    await Promise.all(got);
    for (const t of TRANSPORT_IDS) assert.equal(bystanders[t].state, 'open', `${t} bystander still open`);
  }

  for (const t of TRANSPORT_IDS) {
    describe(`over ${t}`, () => {
      for (const c of CASES.filter((c) => !c.only || c.only.includes(t))) {
        test(`${c.name} → ${c.expect}`, async () => {
          const r = await raw(t);
          if (c.hello) await r.hello('offender');
          await c.send(r, limits);
          const error = await r.nextError();
          assert.equal(error.code, c.expect, JSON.stringify(error));
          assert.match(error.message, c.message ?? /./);
          // The offender keeps its connection: it can still say hello, or ask who it is.
          if (c.hello || c.expect === 'already_hello') {
            await r.sendOp('whoami', {});
            assert.equal((await r.nextEvent((e) => e.type === 'whoami' || e.type === 'error')).type, 'whoami');
          } else {
            await r.hello('reformed');
          }
          await bystandersStillChat(t);
        });
      }

      test('operation with a ref: the error carries it back', async () => {
        const r = await raw(t);
        await r.hello('offender');
        await r.sendOp('join', { rooms: ['bad room'], ref: 'my-ref-1' });
        const error = await r.nextError();
        assert.deepEqual([error.code, error.ref, error.op], ['invalid_room', 'my-ref-1', 'join']);
        await bystandersStillChat(t);
      });
    });
  }

  describe('over the hard limit (4 × maxFrameBytes)', () => {
    test('polling: a body over the hard limit is refused with HTTP 413 and an error body', async () => {
      const r = await raw('polling');
      await r.hello('offender');
      await r.sendRaw(JSON.stringify({ op: 'send', scope: 'all', text: 'x'.repeat(limits.maxFrameBytes * 4 + 1) }));
      assert.equal(r.httpStatus, 413);
      assert.equal((await r.nextError()).code, 'too_large');
      await bystandersStillChat('polling');
    });

    // SockJS runs over its websocket sub-transport here, so both close with 1009 (message too big).
    for (const t of ['ws', 'sockjs'] as const) {
      test(`${t}: a frame over the hard limit closes the connection with 1009`, async () => {
        const r = await raw(t);
        await r.hello('offender');
        await r.sendRaw(JSON.stringify({ op: 'send', scope: 'all', text: 'x'.repeat(limits.maxFrameBytes * 4 + 1) }));
        assert.equal((await r.closed).code, 1009);
        await bystandersStillChat(t);
      });
    }

    test('socketio: a packet over the hard limit closes the connection', async () => {
      const r = await raw('socketio');
      await r.hello('offender');
      await r.sendOp('send', { scope: 'all', text: 'x'.repeat(limits.maxFrameBytes * 4 + 1) });
      assert.match((await r.closed).reason, /transport close|transport error/);
      await bystandersStillChat('socketio');
    });
  });
});
