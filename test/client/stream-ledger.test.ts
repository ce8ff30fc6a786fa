import { test } from 'node:test';
import assert from 'node:assert/strict';
import { StreamLedger } from '../../client/stream-ledger';

test('in order: received, nothing else', () => {
  const l = new StreamLedger();
  l.welcome('e1', { s: 0 });
  for (const seq of [1, 2, 3]) assert.equal(l.message('s', seq, false), true);
  assert.deepEqual(l.counts, { received: 3, missed: 0, duplicated: 0, outOfOrder: 0, recovered: 0, unknownGaps: 0 });
  assert.deepEqual(l.resumeState(), { epoch: 'e1', streams: { s: 3 } });
});

test('a duplicate is dropped and counted; a late one fills its gap', () => {
  const l = new StreamLedger();
  l.welcome('e1', { s: 0 });
  l.message('s', 1, false);
  l.message('s', 3, false);
  assert.equal(l.counts.missed, 1);
  assert.equal(l.message('s', 2, false), true, 'late, delivered');
  assert.equal(l.message('s', 2, false), false, 'now a duplicate');
  assert.deepEqual(l.counts, { received: 3, missed: 0, duplicated: 1, outOfOrder: 1, recovered: 0, unknownGaps: 0 });
});

test('an ack moves the position without counting a message', () => {
  const l = new StreamLedger();
  l.welcome('e1', { s: 4 });
  l.skip('s', 5);
  l.message('s', 6, false);
  assert.equal(l.counts.missed, 0);
  assert.equal(l.counts.received, 1);
});

test('a resume report: known losses are counted and skipped, a new epoch voids positions', () => {
  const l = new StreamLedger({ epoch: 'e1', streams: { a: 2, b: 7 } });
  l.welcome('e1', { a: 20, b: 7 }, { recovered: false, missedStreams: [{ stream: 'a', missed: 10 }], replayed: 8 });
  for (let seq = 13; seq <= 20; seq += 1) l.message('a', seq, true);
  assert.deepEqual(l.counts, { received: 8, missed: 10, duplicated: 0, outOfOrder: 0, recovered: 8, unknownGaps: 0 });
  l.welcome('e2', { a: 0, b: 0 }, { recovered: false, missedStreams: [{ stream: 'b' }], replayed: 0 });
  assert.deepEqual(l.resumeState(), { epoch: 'e2', streams: { a: 0, b: 0 } });
  assert.equal(l.counts.unknownGaps, 1);
});
