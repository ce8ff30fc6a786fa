/** The inspector's memory bound: units nobody read are dropped past the ring's size, and a read says so. */
import assert from 'node:assert/strict';
import type { Socket } from 'node:net';
import { test } from 'node:test';
import { WireInspector } from '../../server/inspector/wire-inspector';
import type { WireUnit } from '../../server/metering/wire-units';

const socket = {} as Socket;
const frame = (text: string): WireUnit => ({
  transport: 'ws',
  lane: 'ws',
  socket,
  dir: 'out',
  kind: 'ws-frame',
  bytes: 2 + text.length,
  layers: { payload: text.length, http: 0, keepalive: 0 },
  text,
  ws: { opcode: 1, fin: true, masked: false, headerBytes: 2, payloadLength: text.length, headerHex: '8100' },
});

test('past the ring\u2019s size the oldest units go undecoded, the read says wrapped, the newest are all there', () => {
  const inspector = new WireInspector(100);
  inspector.unit(frame(JSON.stringify({ type: 'welcome', id: 'c1' })));
  for (let i = 0; i < 250; i++) inspector.unit(frame(JSON.stringify({ type: 'message', id: `m${i}`, text: 'x' })));
  const page = inspector.read(0);
  assert.equal(page.wrapped, true);
  assert.equal(page.records.length, 100);
  assert.deepEqual(page.records.map((r) => r.seq), Array.from({ length: 100 }, (_, i) => 152 + i));
  assert.deepEqual(page.records.at(-1)!.messageIds, ['m249']);
  // The dropped welcome still named the connection's client.
  assert.ok(page.records.every((r) => r.client === 'c1'));
  // Read from where the kept records start: nothing lost.
  assert.equal(inspector.read(151).wrapped, false);
  assert.equal(inspector.lastSeq, 251);
});

test('a live subscriber gets each unit decoded on the next turn, in order', async () => {
  const inspector = new WireInspector(100);
  const seen: number[] = [];
  inspector.subscribe((r) => seen.push(r.seq));
  inspector.unit(frame('{"type":"presence"}'));
  inspector.unit(frame('{"type":"presence"}'));
  assert.deepEqual(seen, [], 'not on the path of the message');
  await new Promise((resolve) => setImmediate(resolve));
  assert.deepEqual(seen, [1, 2]);
});
