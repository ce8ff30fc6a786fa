/**
 * Statistics on exact sorted arrays (no histogram): runs hold at most a few thousand samples,
 * so keeping them all is cheap and a percentile is the sample itself, never a bucket's edge.
 */

/**
 * The `p`-th percentile by nearest rank: the smallest sample with at least p% of samples at or
 * below it (p99 of 100 samples is the 99th smallest).
 * @param samples any order; not modified
 * @param p 0 < p ≤ 100
 */
export function percentile(samples: readonly number[], p: number): number {
  if (samples.length === 0) throw new Error('percentile of no samples');
  return percentileOfSorted([...samples].sort((a, b) => a - b), p);
}

/** {@link percentile} of samples already sorted ascending (no copy, no sort: for large runs). */
export function percentileOfSorted(sorted: readonly number[], p: number): number {
  const rank = Math.max(1, Math.ceil((p / 100) * sorted.length));
  return sorted[rank - 1];
}

/** The median (mean of the two middle samples for an even count). */
export function median(samples: readonly number[]): number {
  if (samples.length === 0) throw new Error('median of no samples');
  const sorted = [...samples].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/** A set of per-round values: their median and spread. */
export interface Spread {
  median: number;
  min: number;
  max: number;
  n: number;
}

/** Median, minimum and maximum of per-round values. */
export function spread(values: readonly number[]): Spread {
  return { median: median(values), min: Math.min(...values), max: Math.max(...values), n: values.length };
}

/** Rounds to `digits` decimals, for readable JSON. */
export function round(value: number, digits = 3): number {
  const f = 10 ** digits;
  return Math.round(value * f) / f;
}
