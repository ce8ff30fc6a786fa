/** Percentiles and medians on exact arrays. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { median, percentile, spread } from '../../bench/stats';

test('percentile is nearest rank on the sorted samples', () => {
  const samples = Array.from({ length: 100 }, (_, i) => 100 - i); // 100..1, unsorted on purpose
  assert.equal(percentile(samples, 50), 50);
  assert.equal(percentile(samples, 99), 99);
  assert.equal(percentile(samples, 100), 100);
  assert.equal(percentile([7], 99), 7);
  assert.deepEqual(samples.slice(0, 2), [100, 99], 'the input is not modified');
  assert.throws(() => percentile([], 50));
});

test('median and spread', () => {
  assert.equal(median([3, 1, 2]), 2);
  assert.equal(median([4, 1, 3, 2]), 2.5);
  assert.deepEqual(spread([1.2, 0.9, 1.0]), { median: 1.0, min: 0.9, max: 1.2, n: 3 });
});
