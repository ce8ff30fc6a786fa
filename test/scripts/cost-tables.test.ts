/** The cost measurements' terminal tables: the exported numbers, formatted, in columns. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { formatConnectTable, formatCostTables, formatIdleTable, formatSweepTable } from '../../scripts/compare/cost-tables';
import { EXPORTED } from './cost-fixtures';

/** The table's lines after its title, split into cells (none of the cells holds two spaces). */
const cells = (table: string) => table.split('\n').slice(1).map((l) => l.trim().split(/ {2,}/));

test('idle: one row per transport, per client and minute, with its window and polling interval', () => {
  const out = formatIdleTable(EXPORTED.idle);
  assert.match(out.split('\n')[0], /^idle cost: .*window 2\.00 s, polling every 500 ms/);
  const [header, rule, ...rows] = cells(out);
  assert.deepEqual(header, ['transport', 'clients', 'B in/min', 'B out/min', 'req/min']);
  assert.equal(rule.length, header.length);
  assert.deepEqual(rows, [
    ['polling', '1', '78228.3', '26156.1', '120.0'],
    ['ws', '1', '0.0', '0.0', '0.0'],
    ['sockjs', '1', '0.0', '0.0', '0.0'],
    ['socketio', '1', '12.5', '7.0', '0.0'],
  ]);
  // Right-aligned numbers: every line after the title is as long as the rule.
  const lines = out.split('\n').slice(1);
  for (const l of lines) assert.equal(l.length, lines[1].length, JSON.stringify(l));
});

test('connect: bytes, requests and time to the welcome, the idle rate beside them', () => {
  const out = formatConnectTable(EXPORTED.connect);
  assert.match(out.split('\n')[0], /^connect cost: a fresh client in \/lab until its welcome/);
  const [header, , ...rows] = cells(out);
  assert.deepEqual(header, ['transport', 'B in', 'B out', 'requests', 'ms', 'idle B in/s', 'idle B out/s', 'idle req/s']);
  assert.deepEqual(rows[0], ['polling', '3450', '1725', '5', '514.10', '1303.8', '435.9', '2.00']);
  assert.deepEqual(rows[1], ['ws', '601', '301', '1', '3.80', '0.0', '0.0', '0.00']);
  assert.equal(rows.length, 4);
});

test('sweep: one row per interval, the measured mean beside its theory', () => {
  const out = formatSweepTable(EXPORTED.sweep);
  assert.match(out.split('\n')[0], /^polling sweep: 6 round trips per interval; theory = interval \/ 2 \+ /);
  const [header, , ...rows] = cells(out);
  assert.deepEqual(header, ['interval ms', 'received', 'mean ms', 'p50 ms', 'theory ms', 'GET ms', 'cycle ms', 'B in/min', 'B out/min', 'req/min']);
  assert.deepEqual(rows, [
    ['250', '6/6', '128.05', '118.05', '128.25', '3.25', '254.50', '156000.0', '60000.0', '240.0'],
    ['1000', '6/6', '504.65', '494.65', '503.25', '3.25', '1004.50', '39000.0', '15000.0', '60.0'],
  ]);
});

test('the tables of the measurements that ran, in the page\u2019s order, a blank line apart', () => {
  assert.equal(formatCostTables({}), '');
  const all = formatCostTables({ sweep: EXPORTED.sweep, idle: EXPORTED.idle, connect: EXPORTED.connect });
  const blocks = all.split('\n\n');
  assert.deepEqual(
    blocks.map((b) => b.split(':')[0]),
    ['idle cost', 'connect cost', 'polling sweep'],
  );
  assert.equal(formatCostTables({ connect: EXPORTED.connect }), formatConnectTable(EXPORTED.connect));
});
