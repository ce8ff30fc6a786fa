/** Picking one client's units out of the wire log. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { WireRecord } from '../../protocol';
import { negotiationOfClient, recordsOfClient } from '../../measure/client-records';

let seq = 0;
const rec = (at: number, connection: string, client?: string): WireRecord =>
  ({ seq: ++seq, at, connection, ...(client ? { client } : {}), dir: 'in', summary: `${connection}@${at}` }) as WireRecord;

test('recordsOfClient: its connections and the anonymous ones, never another client\u2019s', () => {
  const log = [rec(0, 'info'), rec(1, 'c1', 'me'), rec(2, 'c2', 'other'), rec(3, 'c2'), rec(4, 'c1')];
  assert.deepEqual(recordsOfClient(log, 'me').map((r) => r.summary), ['info@0', 'c1@1', 'c1@4']);
});

test('negotiationOfClient: only the window around its first own unit', () => {
  const log = [
    rec(0, 'old-info'), // another client's /info, long before
    rec(9000, 'info'),
    rec(9500, 'c1', 'me'),
    rec(9600, 'c1'),
    rec(20000, 'c1', 'me'), // chat traffic, long after
    rec(20001, 'late-anon'),
  ];
  assert.deepEqual(negotiationOfClient(log, 'me', 3000).map((r) => r.summary), ['info@9000', 'c1@9500', 'c1@9600']);
  assert.deepEqual(negotiationOfClient(log, 'nobody', 3000), []);
  assert.deepEqual(negotiationOfClient(log, undefined, 3000), []);
});
