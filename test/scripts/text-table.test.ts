/** The terminal's table layout. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { textTable } from '../../scripts/compare/text-table';

test('the first column is left-aligned, the others right-aligned, each as wide as its widest cell', () => {
  const lines = textTable(['name', 'n'], [['a', '1000'], ['longer', '7']]).split('\n');
  assert.deepEqual(lines, ['name       n', '------  ----', 'a       1000', 'longer     7']);
});

test('a table without rows is its header and rule', () => {
  assert.equal(textTable(['interval ms', 'mean ms'], []), 'interval ms  mean ms\n-----------  -------');
});
