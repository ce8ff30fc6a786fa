/**
 * A token bucket: `ratePerSec` tokens flow in per second up to `burst`; each operation takes one.
 * Written here rather than taken from a library because it is twenty lines and the tests need an
 * injectable clock (the `limiter` package reads the wall clock itself).
 */

/** Milliseconds since some fixed point; `Date.now` in production, a fake in tests. */
export type Clock = () => number;

export interface TokenBucketOptions {
  /** Tokens added per second (the sustained rate). */
  ratePerSec: number;
  /** Most tokens the bucket holds (the largest burst); a new bucket starts full. */
  burst: number;
  clock?: Clock;
}

export class TokenBucket {
  private tokens: number;
  private updatedAt: number;
  private readonly clock: Clock;

  constructor(private readonly options: TokenBucketOptions) {
    this.clock = options.clock ?? Date.now;
    this.tokens = options.burst;
    this.updatedAt = this.clock();
  }

  /**
   * Takes one token if there is one.
   * @returns true when the operation may go ahead, false when it is over the limit
   */
  tryTake(): boolean {
    this.refill();
    if (this.tokens < 1) return false;
    this.tokens -= 1;
    return true;
  }

  /** Tokens available right now (fractional while refilling). */
  available(): number {
    this.refill();
    return this.tokens;
  }

  private refill(): void {
    const now = this.clock();
    // A clock that steps backwards (a fake, or a wall-clock adjustment) must not drain the bucket.
    const elapsedMs = Math.max(0, now - this.updatedAt);
    this.updatedAt = now;
    this.tokens = Math.min(this.options.burst, this.tokens + (elapsedMs * this.options.ratePerSec) / 1000);
  }
}
