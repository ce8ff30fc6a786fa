/**
 * Latency statistics from an HDR histogram of integer microseconds. Uses the pure-JS
 * `Int32Histogram` directly rather than `build()`: the package's index also pulls in its
 * WebAssembly variant, which the page does not need and the bundler would have to carry.
 */
import Int32Histogram from 'hdr-histogram-js/dist/Int32Histogram';

/** Percentiles and counts of one set of samples; times in milliseconds with µs resolution. */
export interface LatencySummary {
  count: number;
  meanMs: number;
  p50Ms: number;
  p90Ms: number;
  p95Ms: number;
  p99Ms: number;
  maxMs: number;
}

/** One point of a cumulative distribution: `percentile` % of samples took at most `latencyMs`. */
export interface CdfPoint {
  percentile: number;
  latencyMs: number;
}

/**
 * Percentiles at which the CDF is sampled: every percent from 1, then the tail in finer steps.
 * Not 0: the histogram answers 0 there, which a log axis cannot draw.
 */
const CDF_PERCENTILES = [...Array.from({ length: 99 }, (_, i) => i + 1), 99.5, 99.9, 100];

const toMs = (micros: number) => micros / 1000;
/** Means are not integers: round them to the histogram's resolution (1 µs) too. */
const roundMs = (ms: number) => Math.round(ms * 1000) / 1000;

/** A histogram of latencies, 1 µs to 1 hour at 3 significant digits, resized as needed. */
export class LatencyHistogram {
  private readonly histogram = new Int32Histogram(1, 3_600_000_000, 3);

  constructor() {
    this.histogram.autoResize = true;
  }

  /**
   * Records one latency.
   * @param ms milliseconds (fractional); stored as whole microseconds, at least 1
   */
  record(ms: number): void {
    if (!Number.isFinite(ms)) return;
    this.histogram.recordValue(Math.max(1, Math.round(ms * 1000)));
  }

  get count(): number {
    return this.histogram.totalCount;
  }

  /** p50/p90/p95/p99/max, mean and count; all zero when empty. */
  summary(): LatencySummary {
    const h = this.histogram;
    if (h.totalCount === 0) return { count: 0, meanMs: 0, p50Ms: 0, p90Ms: 0, p95Ms: 0, p99Ms: 0, maxMs: 0 };
    // HDR reports a percentile as the top edge of its bucket, which can lie a few µs above the
    // exact maximum it also keeps; no percentile can exceed the largest sample, so cap at it.
    const max = h.maxValue;
    const at = (percentile: number) => toMs(Math.min(h.getValueAtPercentile(percentile), max));
    return {
      count: h.totalCount,
      meanMs: roundMs(toMs(h.mean)),
      p50Ms: at(50),
      p90Ms: at(90),
      p95Ms: at(95),
      p99Ms: at(99),
      maxMs: toMs(max),
    };
  }

  /** The cumulative distribution, read from the histogram (empty when no samples). */
  cdf(): CdfPoint[] {
    if (this.histogram.totalCount === 0) return [];
    return CDF_PERCENTILES.map((percentile) => ({
      percentile,
      latencyMs: toMs(Math.min(this.histogram.getValueAtPercentile(percentile), this.histogram.maxValue)),
    }));
  }
}
