import { test } from 'node:test';
import assert from 'node:assert/strict';
import { sweepSendStep } from '../../measure/polling-sweep';

test('send step: one K-th of the cycle further each time, never under the minimum gap', () => {
  assert.equal(sweepSendStep(2000, 20, 100), 100);
  assert.equal(sweepSendStep(1000, 6, 100), 1000 / 6);
  assert.equal(sweepSendStep(250, 6, 100), 250 + 250 / 6);
  assert.equal(sweepSendStep(100, 20, 100), 105);
  for (const [cycle, k] of [[100, 20], [250, 6], [500, 20], [1000, 6], [2000, 20], [50, 200]]) {
    const step = sweepSendStep(cycle, k, 100);
    assert.ok(step >= 100, `${cycle}/${k}: ${step}`);
    // Phase advance per send is exactly cycle / K: K sends cover the cycle evenly.
    const advance = ((step % cycle) + cycle) % cycle;
    assert.ok(Math.abs(advance - cycle / k) < 1e-9, `${cycle}/${k}: advance ${advance}`);
  }
});
