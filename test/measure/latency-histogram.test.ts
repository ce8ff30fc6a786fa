import { test } from 'node:test';
import assert from 'node:assert/strict';
import { LatencyHistogram } from '../../measure/latency-histogram';

test('percentiles of 1..100 ms, in whole microseconds', () => {
  const h = new LatencyHistogram();
  for (let ms = 1; ms <= 100; ms++) h.record(ms);
  const s = h.summary();
  assert.equal(s.count, 100);
  // 3 significant digits: values are exact to within 0.1 %.
  assert.ok(Math.abs(s.p50Ms - 50) <= 0.05, `p50 ${s.p50Ms}`);
  assert.ok(Math.abs(s.p99Ms - 99) <= 0.1, `p99 ${s.p99Ms}`);
  assert.ok(Math.abs(s.maxMs - 100) <= 0.1, `max ${s.maxMs}`);
  assert.ok(Math.abs(s.meanMs - 50.5) <= 0.05, `mean ${s.meanMs}`);
});

test('an empty histogram summarises to zeros and an empty CDF; non-finite samples are ignored', () => {
  const h = new LatencyHistogram();
  h.record(Number.NaN);
  assert.equal(h.summary().count, 0);
  assert.deepEqual(h.cdf(), []);
});

test('the CDF rises from the first percentile to the maximum', () => {
  const h = new LatencyHistogram();
  for (let i = 0; i < 1000; i++) h.record(0.5 + i / 100);
  const cdf = h.cdf();
  assert.equal(cdf[0].percentile, 1);
  assert.equal(cdf.at(-1)!.percentile, 100);
  for (let i = 1; i < cdf.length; i++) assert.ok(cdf[i].latencyMs >= cdf[i - 1].latencyMs);
});
