/**
 * Per-client operation rate limit: a token bucket for the rate, plus a strike count that
 * decides when a client that keeps hammering is disconnected instead of merely slowed down.
 */
import { TokenBucket, type Clock } from './token-bucket';

/** Window over which rejected operations (strikes) are counted before they are forgotten. */
export const STRIKE_WINDOW_MS = 10_000;

export interface RateLimitOptions {
  /** Sustained operations per second. */
  perSec: number;
  /** Operations allowed back to back. */
  burst: number;
  /** Rejected operations within STRIKE_WINDOW_MS after which the client is disconnected. */
  strikes: number;
}

/** What to do with one operation. */
export type RateVerdict = 'allow' | 'reject' | 'kick';

export class RateLimiter {
  private readonly bucket: TokenBucket;
  private strikes = 0;
  private windowStart = 0;

  constructor(
    private readonly options: RateLimitOptions,
    private readonly clock: Clock = Date.now,
  ) {
    this.bucket = new TokenBucket({ ratePerSec: options.perSec, burst: options.burst, clock });
  }

  /**
   * Judges one incoming operation.
   * @returns `allow`; `reject` (drop it, tell the client); or `kick` once the client has been
   * rejected more than `strikes` times within one fixed window of STRIKE_WINDOW_MS
   */
  check(): RateVerdict {
    if (this.bucket.tryTake()) return 'allow';
    const now = this.clock();
    // A fixed window is enough here: it only has to tell a burst from a client that never stops.
    if (this.strikes === 0 || now - this.windowStart >= STRIKE_WINDOW_MS) {
      this.windowStart = now;
      this.strikes = 0;
    }
    this.strikes += 1;
    return this.strikes > this.options.strikes ? 'kick' : 'reject';
  }
}
