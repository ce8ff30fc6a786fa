/** The latency charts' default axis: log where values span more than two orders of magnitude. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { needsLogScale } from '../../app/lib/log-scale';

test('log by default only beyond a 100× span of positive values', () => {
  assert.equal(needsLogScale([1.2, 2.5, 3, 480]), true, "polling's 480 ms beside WebSocket's 1.2 ms");
  assert.equal(needsLogScale([1, 100]), false, 'exactly 100× stays linear');
  assert.equal(needsLogScale([1, 100.5]), true);
  assert.equal(needsLogScale([0, 0.5, 40]), false, 'zeros do not count (they cannot be drawn on a log axis)');
  assert.equal(needsLogScale([5]), false);
  assert.equal(needsLogScale([]), false);
  assert.equal(needsLogScale([Number.NaN, 1, 1000]), true);
});
