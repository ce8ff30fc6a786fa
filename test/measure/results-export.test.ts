import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { BenchmarkResult } from '../../measure/benchmark-result';
import { resultToCsv, resultToJson } from '../../measure/results-export';
import { scenarioSchema } from '../../measure/scenario';

const zero = { count: 0, meanMs: 0, p50Ms: 0, p90Ms: 0, p95Ms: 0, p99Ms: 0, maxMs: 0 };
const result: BenchmarkResult = {
  scenario: scenarioSchema.parse({ transports: ['ws'] }),
  startedAt: '2026-01-01T00:00:00.000Z',
  durationMs: 1,
  senders: [
    {
      transport: 'ws',
      sent: 2,
      roundTrip: { ...zero, count: 2, p50Ms: 1.5 },
      roundTripRaw: zero,
      cdf: [],
      timeline: [],
      fanout: {},
      server: zero,
      wire: { bytesIn: 10, bytesOut: 20, requests: 0, bytesInPerMessage: 5, bytesOutPerMessage: 10, requestsPerMessage: 0, exact: true,
        layers: {
          in: { payload: 6, framing: 4, http: 0, keepalive: 0 },
          out: { payload: 12, framing: 8, http: 0, keepalive: 0 },
          inPerMessage: { payload: 3, framing: 2, http: 0, keepalive: 0 },
          outPerMessage: { payload: 6, framing: 4, http: 0, keepalive: 0 },
          keepaliveRequests: 0,
          keepaliveRequestsPerMessage: 0,
        },
      },
    },
  ],
  receivers: [{ transport: 'ws', delivered: 2, expected: 2, fanout: zero }],
  pollRequest: null,
  serverErrors: {},
};

test('JSON keeps every figure and adds the scenario query', () => {
  const parsed = JSON.parse(resultToJson(result));
  assert.equal(parsed.senders[0].roundTrip.p50Ms, 1.5);
  assert.match(parsed.scenarioQuery, /transports=ws/);
});

test('CSV: one row per figure with its unit', () => {
  const lines = resultToCsv(result).trim().split('\n');
  assert.equal(lines[0], 'section,transport,metric,value,unit');
  assert.ok(lines.includes('round-trip,ws,p50,1.5,ms'));
  assert.ok(lines.includes('wire,ws,bytesOutPerMessage,10,B/msg'));
  assert.ok(lines.includes('delivery,ws,delivered,2,copies'));
  assert.ok(lines.includes('layers,ws,in.payloadPerMessage,3,B/msg'));
  assert.ok(lines.includes('layers,ws,out.framingPerMessage,4,B/msg'));
});

test('cost exports: JSON with its kind, CSV in the same layout as a run', async () => {
  const { costToCsv, costToJson } = await import('../../measure/cost-export');
  const idle = { startedAt: 'x', requestedMs: 3000, elapsedMs: 3001, pollIntervalMs: 250, rows: [{ transport: 'ws' as const, clients: 1, bytesInPerMin: 36, bytesOutPerMin: 12, requestsPerMin: 0 }] };
  assert.equal(JSON.parse(costToJson({ kind: 'idle', result: idle })).kind, 'idle');
  const lines = costToCsv({ kind: 'idle', result: idle }).trim().split('\n');
  assert.equal(lines[0], 'section,transport,metric,value,unit');
  assert.ok(lines.includes('idle,ws,bytesInPerMin,36,B/min'));
});
