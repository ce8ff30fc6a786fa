/**
 * Exports the cost measurements (idle cost, connect cost, polling sweep) as JSON or CSV, in the
 * same CSV layout as a benchmark run (section, transport, metric, value, unit). Node-free.
 */
import type { ConnectCostResult, IdleCostResult, SweepResult } from './cost-results';
import { toCsv, type CsvRow } from './csv';

/** Any one cost measurement, tagged with its kind for `costToCsv`. */
export type CostExport =
  | { kind: 'idle'; result: IdleCostResult }
  | { kind: 'connect'; result: ConnectCostResult }
  | { kind: 'sweep'; result: SweepResult };

/** The measurement as pretty-printed JSON, exactly as measured, with its kind. */
export function costToJson(cost: CostExport): string {
  return JSON.stringify({ kind: cost.kind, ...cost.result }, null, 2);
}

function rows(cost: CostExport): CsvRow[] {
  switch (cost.kind) {
    case 'idle':
      return cost.result.rows.flatMap((r) => [
        ['idle', r.transport, 'clients', r.clients, 'clients'],
        ['idle', r.transport, 'bytesInPerMin', r.bytesInPerMin, 'B/min'],
        ['idle', r.transport, 'bytesOutPerMin', r.bytesOutPerMin, 'B/min'],
        ['idle', r.transport, 'requestsPerMin', r.requestsPerMin, 'req/min'],
      ]);
    case 'connect':
      return cost.result.rows.flatMap((r) => [
        ['connect', r.transport, 'bytesIn', r.bytesIn, 'B'],
        ['connect', r.transport, 'bytesOut', r.bytesOut, 'B'],
        ['connect', r.transport, 'requests', r.requests, 'req'],
        ['connect', r.transport, 'ms', r.ms, 'ms'],
        ['connect', r.transport, 'idleBytesInPerSec', r.idleBytesInPerSec, 'B/s'],
        ['connect', r.transport, 'idleBytesOutPerSec', r.idleBytesOutPerSec, 'B/s'],
        ['connect', r.transport, 'idleRequestsPerSec', r.idleRequestsPerSec, 'req/s'],
      ]);
    case 'sweep':
      return cost.result.points.flatMap((p) => {
        const section = `sweep-${p.intervalMs}ms`;
        return [
          [section, 'polling', 'received', p.received, 'messages'],
          [section, 'polling', 'meanMs', p.meanMs, 'ms'],
          [section, 'polling', 'p50Ms', p.p50Ms, 'ms'],
          [section, 'polling', 'theoryMs', p.theoryMs, 'ms'],
          [section, 'polling', 'pollRequestMs', p.pollRequestMs, 'ms'],
          [section, 'polling', 'pollCycleMs', p.pollCycleMs, 'ms'],
          [section, 'polling', 'bytesInPerMin', p.bytesInPerMin, 'B/min'],
          [section, 'polling', 'bytesOutPerMin', p.bytesOutPerMin, 'B/min'],
          [section, 'polling', 'requestsPerMin', p.requestsPerMin, 'req/min'],
        ];
      });
  }
}

/** Every figure of the measurement as CSV rows. */
export function costToCsv(cost: CostExport): string {
  return toCsv(rows(cost));
}
