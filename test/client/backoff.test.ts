import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { backoffDelay, DEFAULT_BACKOFF } from '../../client/backoff';

const options = { baseMs: 100, capMs: 1000 };
const low = () => 0;
const high = () => 0.999999;

describe('backoffDelay', () => {
  test('ceilings double per attempt: the top of each range is monotone', () => {
    const tops = [0, 1, 2, 3].map((a) => backoffDelay(a, options, high));
    assert.deepEqual(tops, [100, 200, 400, 800]);
  });

  test('the ceiling stops at capMs, even for huge attempt numbers', () => {
    for (const attempt of [4, 5, 10, 31, 1000]) {
      assert.equal(backoffDelay(attempt, options, high), 1000, `attempt ${attempt}`);
      assert.equal(backoffDelay(attempt, options, low), 500, `attempt ${attempt}`);
    }
  });

  test('equal jitter: every delay lies in [ceiling / 2, ceiling]', () => {
    for (let attempt = 0; attempt < 8; attempt++) {
      const ceiling = Math.min(options.capMs, options.baseMs * 2 ** attempt);
      for (const r of [0, 0.25, 0.5, 0.75, 0.999999]) {
        const delay = backoffDelay(attempt, options, () => r);
        assert.ok(delay >= ceiling / 2 && delay <= ceiling, `attempt ${attempt}, random ${r}: ${delay}`);
      }
      assert.equal(backoffDelay(attempt, options, low), Math.round(ceiling / 2));
    }
  });

  test('defaults: 250 ms base, 10 s cap, Math.random when nothing is injected', () => {
    assert.deepEqual(DEFAULT_BACKOFF, { baseMs: 250, capMs: 10_000 });
    const delay = backoffDelay(0);
    assert.ok(delay >= 125 && delay <= 250, String(delay));
  });
});
