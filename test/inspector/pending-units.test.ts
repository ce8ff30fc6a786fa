/** The inspector's store of undecoded units: order, the oldest dropped when full, every field of a frame kept. */
import assert from 'node:assert/strict';
import type { Socket } from 'node:net';
import { test } from 'node:test';
import { setFlagsFromString } from 'node:v8';
import { PendingUnits, type PendingUnit } from '../../server/inspector/pending-units';
import type { WireUnit } from '../../server/metering/wire-units';

const socket = {} as Socket;
const frame = (i: number): WireUnit => ({
  transport: 'socketio',
  lane: 'socketio:upgrade',
  socket,
  dir: i % 2 === 0 ? 'in' : 'out',
  kind: 'ws-frame',
  bytes: 6 + i,
  layers: { payload: i, http: 0, keepalive: i % 3 },
  text: `42["send",{"n":${i}}]`,
  ws: { opcode: i % 2 === 0 ? 1 : 9, fin: i % 4 !== 3, masked: i % 2 === 0, headerBytes: i % 2 === 0 ? 6 : 2, payloadLength: 70_000 + i, headerHex: `81${i}` },
});
const request: WireUnit = { transport: 'polling', lane: 'polling', socket, dir: 'in', kind: 'http-request', bytes: 120, layers: { payload: 0, http: 120, keepalive: 0 }, text: '', req: { method: 'GET', url: '/rt/poll/events', httpVersion: '1.1', rawHeaders: [], headers: {} } };
const drained = (store: PendingUnits<string>): PendingUnit<string>[] => {
  const out: PendingUnit<string>[] = [];
  store.drain((p) => out.push(p));
  return out;
};

test('frames come back with every field as they went in; other units come back as they were', () => {
  const store = new PendingUnits<string>(10);
  for (let i = 0; i < 4; i++) store.push(i + 1, 100.5 + i, 1_765_000_000_000 + i, frame(i), `conn${i}`, () => false, () => assert.fail('nothing dropped'));
  store.push(5, 200, 1_765_000_000_100, request, 'conn-http', () => false, () => assert.fail('nothing dropped'));
  assert.equal(store.length, 5);
  const out = drained(store);
  assert.equal(store.length, 0);
  assert.deepEqual(out.map((p) => [p.seq, p.at, p.wallTime, p.conn]), [
    [1, 100.5, 1_765_000_000_000, 'conn0'],
    [2, 101.5, 1_765_000_000_001, 'conn1'],
    [3, 102.5, 1_765_000_000_002, 'conn2'],
    [4, 103.5, 1_765_000_000_003, 'conn3'],
    [5, 200, 1_765_000_000_100, 'conn-http'],
  ]);
  for (let i = 0; i < 4; i++) {
    const { socket: _s, ...expected } = frame(i);
    assert.deepEqual(out[i].unit, expected, `frame ${i}`);
  }
  assert.equal(out[4].unit, request);
  assert.equal(drained(store).length, 0, 'drained once');
});

test('when full, the oldest goes first, and only one worth keeping is rebuilt for the caller', () => {
  const store = new PendingUnits<string>(3);
  const dropped: number[] = [];
  for (let i = 0; i < 7; i++) store.push(i + 1, i, i, frame(i), 'c', (text) => text.includes('"n":1}') || text.includes('"n":2}'), (p) => dropped.push(p.seq));
  assert.deepEqual(dropped, [2, 3]);
  assert.equal(store.length, 3);
  assert.deepEqual(drained(store).map((p) => p.seq), [5, 6, 7]);
  // After a drain the store fills from the start again.
  store.push(8, 0, 0, frame(8), 'c', () => false, () => assert.fail('nothing dropped'));
  assert.deepEqual(drained(store).map((p) => p.seq), [8]);
});

test('with no room at all, every unit is dropped at once', () => {
  const store = new PendingUnits<string>(0);
  const dropped: PendingUnit<string>[] = [];
  store.push(1, 0, 0, frame(0), 'c', () => true, (p) => dropped.push(p));
  assert.equal(store.length, 0);
  assert.deepEqual(dropped.map((p) => p.seq), [1]);
});

test('texts come back exactly, whatever their characters, through many drops and drains', () => {
  // A store of 4 keeps its texts in an arena of 2 KiB: long texts do not fit and stay strings,
  // the others wrap round it many times.
  const store = new PendingUnits<string>(4);
  const texts = ['', 'a', 'é日本', '😀 emoji', 'x'.repeat(600), '42["message",{"text":"ünïcødé"}]', 'y'.repeat(2000), '\u0000\n\t'];
  const kept: number[] = [];
  const expect = new Map<number, string>();
  for (let seq = 1; seq <= 400; seq++) {
    const text = texts[seq % texts.length] + (seq % 3 === 0 ? String(seq) : '');
    expect.set(seq, text);
    store.push(seq, 0, 0, { ...frame(seq), text }, 'c', (t) => t.startsWith('a'), (p) => {
      kept.push(p.seq);
      assert.equal(p.unit.text, expect.get(p.seq), `dropped ${p.seq}`);
    });
    if (seq % 37 === 0) for (const p of drained(store)) assert.equal(p.unit.text, expect.get(p.seq), `drained ${p.seq}`);
  }
  for (const p of drained(store)) assert.equal(p.unit.text, expect.get(p.seq), `drained ${p.seq}`);
  assert.ok(kept.length > 0, 'some texts worth keeping were dropped and rebuilt');
});

test('a rebuilt frame holds its sizes as small integers, in the maps the meter made them with', () => {
  // Why it matters: a double in one `layers` object changes the field's representation in the
  // map every frame's `layers` shares, and V8 then migrates each new one on its first read
  // (4.5 migrations per Socket.IO message, counted; see pending-units.ts). natives syntax shows
  // what a test otherwise cannot see: whether a number is a small integer, whether two objects
  // share a map.
  setFlagsFromString('--allow-natives-syntax');
  const isSmi = new Function('x', 'return %IsSmi(x)') as (x: unknown) => boolean;
  const sameMap = new Function('a', 'b', 'return %HaveSameMap(a, b)') as (a: object, b: object) => boolean;
  const store = new PendingUnits<string>(4);
  store.push(1, 0.5, 1_765_000_000_000, frame(3), 'c', () => false, () => assert.fail('nothing dropped'));
  const [p] = drained(store);
  const { bytes, layers, ws } = p.unit;
  for (const [name, value] of Object.entries({ bytes, ...layers, payloadLength: ws!.payloadLength, headerBytes: ws!.headerBytes, opcode: ws!.opcode })) {
    assert.ok(isSmi(value), `${name} (${value}) is a small integer`);
  }
  assert.ok(sameMap(layers, { payload: 1, http: 0, keepalive: 0 }), 'layers: the map of the meter literal');
  assert.ok(sameMap(ws!, { opcode: 1, fin: true, masked: false, headerBytes: 2, payloadLength: 3, headerHex: '81' }), 'ws: the map of the meter literal');
  // The rebuilt unit itself is not a literal whose first field is seq (the history's entries are).
  assert.ok(!sameMap(p, { seq: 1, at: 0.5, wallTime: 0, unit: p.unit, conn: 'c' }), 'a map of its own');
});
