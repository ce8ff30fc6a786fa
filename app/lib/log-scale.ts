/**
 * When a latency chart should start on a logarithmic axis: where its values span more than two
 * orders of magnitude (polling's hundreds of ms beside WebSocket's 1–3 ms), a linear axis flattens
 * the small ones to nothing.
 */

/** Ratio of largest to smallest positive value above which the default is a log axis. */
export const LOG_SCALE_SPAN = 100;

/** True when the positive values span more than {@link LOG_SCALE_SPAN}×. */
export function needsLogScale(values: readonly number[]): boolean {
  const positive = values.filter((v) => Number.isFinite(v) && v > 0);
  if (positive.length < 2) return false;
  return Math.max(...positive) / Math.min(...positive) > LOG_SCALE_SPAN;
}
