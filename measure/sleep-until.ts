/** Waiting on the page clock, cancellable: shared by every runner in measure/. */

/** The error every runner throws when its signal aborts (`name === 'AbortError'`). */
export function abortError(): Error {
  return Object.assign(new Error('benchmark cancelled'), { name: 'AbortError' });
}

/**
 * Resolves at `at` on the `now` clock; rejects with an AbortError when the signal aborts.
 * @param at target time on the `now` clock, ms
 * @param now the clock (`performance.now()` in the page)
 * @param signal cancels the wait
 */
export function sleepUntil(at: number, now: () => number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(abortError());
    const onAbort = () => {
      clearTimeout(timer);
      reject(abortError());
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, Math.max(0, at - now()));
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}
