/** The inspector page's record store: replace by seq, trim, polling's waste, the carriers of a message. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { addRecord, carriersOf, emptyStore, visibleRecords } from '../../app/lib/inspector/record-store';
import type { WireRecord } from '../../protocol';

let seq = 0;
function record(over: Partial<WireRecord>): WireRecord {
  seq += 1;
  return {
    seq,
    at: seq,
    wallTime: seq,
    transport: 'ws',
    lane: 'ws',
    connection: 'ws-1',
    dir: 'in',
    bytes: 10,
    layers: { payload: 0, framing: 10, http: 0, keepalive: 0 },
    kind: 'ws-frame',
    summary: '',
    decoded: [],
    raw: '',
    ...over,
  };
}
const poll = (bytes: number) => record({ transport: 'polling', connection: 'polling-1', kind: 'http-request', bytes, http: { method: 'GET', path: '/rt/poll/events?sid=s&after=0', headers: [] } });
const answer = (bytes: number, empty: boolean) =>
  record({ transport: 'polling', connection: 'polling-1', kind: 'http-response', dir: 'out', bytes, decoded: [{ protocol: 'lab-polling', type: 'events' }], ...(empty ? { emptyPoll: true } : {}) });

test('polling waste: empty and useful answers counted with their request bytes', () => {
  let store = emptyStore();
  for (const r of [poll(100), answer(150, true), poll(100), answer(400, false), poll(100), answer(150, true)]) store = addRecord(store, r, 100);
  assert.deepEqual(store.polls, { empty: 2, useful: 1, emptyBytes: 500, usefulBytes: 500 });
});

test('a record sent again replaces its copy without counting twice; the newest `capacity` are kept', () => {
  let store = emptyStore();
  const send = record({ summary: 'send' });
  store = addRecord(store, send, 3);
  store = addRecord(store, { ...send, messageIds: ['m1'] }, 3);
  assert.equal(store.records.length, 1);
  assert.deepEqual(store.records[0].messageIds, ['m1']);
  for (let i = 0; i < 5; i++) store = addRecord(store, record({}), 3);
  assert.equal(store.records.length, 3);
  assert.equal(store.records.at(-1)!.seq, store.lastSeq);
  // A trimmed record sent again is not added back.
  assert.equal(addRecord(store, { ...send, messageIds: ['m1', 'm2'] }, 3), store);
});

test('carriers of a message: every record naming it, on every transport; the filter by transport', () => {
  const records = [record({ messageIds: ['m1'] }), record({ transport: 'sockjs', messageIds: ['m1'] }), record({ transport: 'sockjs', messageIds: ['m2'] }), record({ transport: 'polling' })];
  const { seqs, transports } = carriersOf(records, 'm1');
  assert.deepEqual([...seqs], [records[0].seq, records[1].seq]);
  assert.deepEqual([...transports].sort(), ['sockjs', 'ws']);
  assert.equal(carriersOf(records, undefined).seqs.size, 0);
  let store = emptyStore();
  for (const r of records) store = addRecord(store, r, 10);
  assert.deepEqual(visibleRecords(store, new Set(['polling'])).map((r) => r.transport), ['polling']);
});
