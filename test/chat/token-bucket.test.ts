import assert from 'node:assert/strict';
import { test } from 'node:test';
import { RateLimiter, STRIKE_WINDOW_MS } from '../../server/chat/rate-limiter';
import { TokenBucket } from '../../server/chat/token-bucket';

/** A clock the test moves by hand. */
function fakeClock(start = 1_000_000) {
  let now = start;
  return { now: () => now, advance: (ms: number) => void (now += ms), set: (ms: number) => void (now = ms) };
}

test('a new bucket allows exactly `burst` operations back to back', () => {
  const clock = fakeClock();
  const bucket = new TokenBucket({ ratePerSec: 5, burst: 5, clock: clock.now });
  const results = Array.from({ length: 6 }, () => bucket.tryTake());
  assert.deepEqual(results, [true, true, true, true, true, false]);
});

test('tokens come back at `ratePerSec`, never beyond `burst`', () => {
  const clock = fakeClock();
  const bucket = new TokenBucket({ ratePerSec: 5, burst: 5, clock: clock.now });
  for (let i = 0; i < 5; i++) bucket.tryTake();
  clock.advance(199);
  assert.equal(bucket.tryTake(), false, 'one token takes 200 ms at 5/s');
  clock.advance(1);
  assert.equal(bucket.tryTake(), true);
  clock.advance(60_000);
  assert.equal(bucket.available(), 5);
});

test('a clock stepping backwards neither adds nor removes tokens', () => {
  const clock = fakeClock();
  const bucket = new TokenBucket({ ratePerSec: 5, burst: 5, clock: clock.now });
  bucket.tryTake();
  clock.advance(-10_000);
  assert.equal(bucket.available(), 4);
});

test('the rate limiter rejects over the limit and kicks after more than `strikes` rejections in a window', () => {
  const clock = fakeClock();
  const limiter = new RateLimiter({ perSec: 1, burst: 2, strikes: 3 }, clock.now);
  const verdicts = Array.from({ length: 6 }, () => limiter.check());
  assert.deepEqual(verdicts, ['allow', 'allow', 'reject', 'reject', 'reject', 'kick']);
});

test('strikes are forgotten after the strike window', () => {
  const clock = fakeClock();
  const limiter = new RateLimiter({ perSec: 0.001, burst: 1, strikes: 2 }, clock.now);
  assert.equal(limiter.check(), 'allow');
  assert.equal(limiter.check(), 'reject');
  assert.equal(limiter.check(), 'reject');
  clock.advance(STRIKE_WINDOW_MS);
  assert.equal(limiter.check(), 'reject', 'a new window starts counting at one');
  assert.equal(limiter.check(), 'reject');
  assert.equal(limiter.check(), 'kick');
});
