/** The sticky matrix as Markdown: one row per lane, ✓/✗ per mode and step, a reason per ✗. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { matrixMarkdown, type LaneOutcome, type StickyMatrix } from '../../scripts/cluster/sticky-matrix';

const works: LaneOutcome = { connects: true, delivers: true, reconnects: true, elapsedMs: 300 };
const matrix: StickyMatrix = {
  measuredAt: '2026-01-01T00:00:00.000Z',
  haproxy: 'HAProxy version 2.6.12',
  nodes: 2,
  deadlineMs: 8000,
  rows: [
    { row: 'ws', note: 'raw WebSocket', off: works, on: works },
    {
      row: 'socketio:polling',
      note: 'long-polling | only',
      off: { connects: false, delivers: false, reconnects: false, elapsedMs: 8000, reason: 'connect: timed out\n(xhr poll error)' },
      on: works,
    },
  ],
};

test('matrixMarkdown: lanes as rows, off/on × connects/delivers/reconnects, and why each ✗', () => {
  const lines = matrixMarkdown(matrix).split('\n');
  assert.equal(lines[0], 'Measured 2026-01-01T00:00:00.000Z through HAProxy version 2.6.12 over 2 Lab nodes; each step had 8 s.');
  assert.equal(lines[2], '| lane | client | off: connects | off: delivers | off: reconnects | on: connects | on: delivers | on: reconnects |');
  assert.equal(lines[4], '| `ws` | raw WebSocket | ✓ | ✓ | ✓ | ✓ | ✓ | ✓ |');
  // A pipe in a cell is escaped, so the row keeps its columns.
  assert.equal(lines[5], '| `socketio:polling` | long-polling \\| only | ✗ | ✗ | ✗ | ✓ | ✓ | ✓ |');
  assert.ok(lines.includes('- `socketio:polling`, sticky off: connect: timed out (xhr poll error)'));
  assert.ok(!lines.some((l) => l.includes('sticky on:')), 'no reason where everything worked');
});
