/**
 * Times requests made through a fetch function: wrap the polling link's fetch with it and the
 * benchmark can report how long one `GET events` round trip takes in the very run it measures.
 */

/** Durations of the matching requests since the last `reset()`. */
export interface RequestTimer<F> {
  /** The wrapped fetch: same behaviour, timed when the URL matches. */
  readonly fetch: F;
  /** Forgets the samples taken so far. */
  reset(): void;
  /** Durations (ms) from the call to the response headers, oldest first. */
  samples(): number[];
  /** When each matching request started (ms on the `now` clock), oldest first. */
  starts(): number[];
}

/**
 * Wraps `fetchImpl` so requests whose URL matches `pattern` are timed with `now` (the page's
 * `performance.now()`, the same clock as every other latency on the page).
 * @param fetchImpl the real fetch
 * @param pattern which requests to time, e.g. `/\/events\?/`
 * @param now a monotonic clock in ms
 */
export function createRequestTimer<F extends (input: string, init?: never) => Promise<unknown>>(
  fetchImpl: F,
  pattern: RegExp,
  now: () => number,
): RequestTimer<F> {
  let durations: number[] = [];
  let startTimes: number[] = [];
  const timed = (async (input: string, init?: never) => {
    if (!pattern.test(input)) return fetchImpl(input, init);
    const start = now();
    startTimes.push(start);
    const response = await fetchImpl(input, init);
    durations.push(now() - start);
    return response;
  }) as F;
  return {
    fetch: timed,
    reset: () => {
      durations = [];
      startTimes = [];
    },
    samples: () => [...durations],
    starts: () => [...startTimes],
  };
}
