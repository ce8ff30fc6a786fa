/** A compare report shaped like the CLI's (the page's exports wrapped), for the report writers' tests. */
import type { BenchmarkResult } from '../../measure/benchmark-result';
import { resultToJson } from '../../measure/results-export';
import { scenarioSchema } from '../../measure/scenario';
import { buildReport, type CompareReport } from '../../scripts/compare/compare-report';
import { EXPORTED } from './cost-fixtures';

const latency = (p50Ms: number, p99Ms: number) => ({ count: 100, meanMs: p50Ms, p50Ms, p90Ms: p50Ms, p95Ms: p50Ms, p99Ms, maxMs: p99Ms });
const layers = { payload: 0, framing: 0, http: 0, keepalive: 0 };
const sender = (transport: 'polling' | 'ws', p50Ms: number, p99Ms: number) => ({
  transport,
  sent: 100,
  roundTrip: latency(p50Ms, p99Ms),
  roundTripRaw: latency(p50Ms, p99Ms),
  cdf: [{ latencyMs: p50Ms, percentile: 50 }, { latencyMs: p99Ms, percentile: 99 }],
  timeline: [{ seq: 0, atMs: 0, latencyMs: p50Ms }],
  fanout: {},
  server: latency(0.05, 0.2),
  wire: {
    bytesIn: 123_456, bytesOut: 7890, requests: 200, bytesInPerMessage: 1234.56, bytesOutPerMessage: 78.9, requestsPerMessage: 2, exact: true,
    layers: { in: layers, out: layers, inPerMessage: layers, outPerMessage: layers, keepaliveRequests: 0, keepaliveRequestsPerMessage: 0 },
  },
});
const RESULT: BenchmarkResult = {
  scenario: scenarioSchema.parse({ transports: ['polling', 'ws'] }),
  startedAt: '2026-12-06T10:00:00.000Z',
  durationMs: 12_345,
  senders: [sender('polling', 260.5, 1234.5), sender('ws', 1.2, 3.4)],
  receivers: [{ transport: 'ws', delivered: 100, expected: 100, fanout: latency(1, 2) }],
  pollRequest: latency(2.5, 6),
  serverErrors: { rate_limited: 2 },
};

/** A report of a polling + ws run with every cost measurement, on a fixed machine. */
export function report(): CompareReport {
  const built = buildReport(RESULT.scenario, resultToJson(RESULT), { pageUrl: 'http://127.0.0.1:1/compare', browserVersion: '131.0', serverStartedByCli: true }, EXPORTED);
  // A fixed machine: the real one's CPU model would put Latin words into the Chinese page.
  return { ...built, machine: { ...built.machine, cpuModel: 'X', platform: 'linux', release: '6.1', node: 'v20.20.0', cpus: 2, totalMemMiB: 24_000, loadAverage: [0.5] } };
}
