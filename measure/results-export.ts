/**
 * Exports a run as JSON (the whole result, as measured) or CSV (one row per figure), so a
 * student can take the numbers to a spreadsheet. Node-free; the page turns the text into a file.
 */
import { WIRE_LAYERS } from '../protocol';
import type { BenchmarkResult } from './benchmark-result';
import type { LatencySummary } from './latency-histogram';
import { toCsv, type CsvRow } from './csv';
import { encodeScenario } from './scenario';

/** The whole result as pretty-printed JSON, with the scenario's query string for re-running it. */
export function resultToJson(result: BenchmarkResult): string {
  return JSON.stringify({ ...result, scenarioQuery: encodeScenario(result.scenario) }, null, 2);
}

function latencyRows(section: string, transport: string, s: LatencySummary): (string | number)[][] {
  return [
    [section, transport, 'count', s.count, 'samples'],
    [section, transport, 'mean', s.meanMs, 'ms'],
    [section, transport, 'p50', s.p50Ms, 'ms'],
    [section, transport, 'p90', s.p90Ms, 'ms'],
    [section, transport, 'p95', s.p95Ms, 'ms'],
    [section, transport, 'p99', s.p99Ms, 'ms'],
    [section, transport, 'max', s.maxMs, 'ms'],
  ];
}

/** Every figure of the run as CSV rows: section, transport, metric, value, unit. */
export function resultToCsv(result: BenchmarkResult): string {
  const rows: CsvRow[] = [];
  for (const s of result.senders) {
    rows.push(...latencyRows('round-trip', s.transport, s.roundTrip));
    rows.push(...latencyRows('round-trip-raw', s.transport, s.roundTripRaw));
    rows.push(...latencyRows('server', s.transport, s.server));
    rows.push(
      ['wire', s.transport, 'bytesInPerMessage', s.wire.bytesInPerMessage, 'B/msg'],
      ['wire', s.transport, 'bytesOutPerMessage', s.wire.bytesOutPerMessage, 'B/msg'],
      ['wire', s.transport, 'requestsPerMessage', s.wire.requestsPerMessage, 'req/msg'],
      ['wire', s.transport, 'exact', String(s.wire.exact), ''],
    );
    const layers = s.wire.layers;
    if (layers) {
      for (const dir of ['in', 'out'] as const) {
        const perMessage = dir === 'in' ? layers.inPerMessage : layers.outPerMessage;
        for (const layer of WIRE_LAYERS) rows.push(['layers', s.transport, `${dir}.${layer}PerMessage`, perMessage[layer], 'B/msg']);
      }
      rows.push(['layers', s.transport, 'keepaliveRequestsPerMessage', layers.keepaliveRequestsPerMessage, 'req/msg']);
    }
  }
  for (const r of result.receivers) {
    rows.push(['delivery', r.transport, 'delivered', r.delivered, 'copies'], ['delivery', r.transport, 'expected', r.expected, 'copies']);
    rows.push(...latencyRows('fan-out', r.transport, r.fanout));
  }
  if (result.pollRequest) rows.push(...latencyRows('poll-request', 'polling', result.pollRequest));
  return toCsv(rows);
}
