/**
 * Reconnection delays: capped exponential backoff with "equal jitter" (half fixed, half random),
 * so a classroom of clients dropped at once does not return in lock-step.
 */
export interface BackoffOptions {
  /** First delay before jitter, ms. */
  baseMs: number;
  /** Largest delay before jitter, ms. */
  capMs: number;
}

export const DEFAULT_BACKOFF: BackoffOptions = { baseMs: 250, capMs: 10_000 };

/**
 * Delay before reconnection attempt `attempt` (0 for the first).
 * @param random a source in [0, 1), injectable for tests
 */
export function backoffDelay(attempt: number, options: BackoffOptions = DEFAULT_BACKOFF, random = Math.random): number {
  const ceiling = Math.min(options.capMs, options.baseMs * 2 ** Math.min(attempt, 30));
  return Math.round(ceiling / 2 + (random() * ceiling) / 2);
}
