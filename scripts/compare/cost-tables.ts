/**
 * The terminal tables of the cost measurements (idle cost, connect cost, polling sweep), printed
 * after the benchmark's table. Each shows the page's exported numbers, only formatted.
 */
import type { CompareCosts, ExportedCost } from './cost-report';
import { textTable } from './text-table';

const ms = (v: number) => v.toFixed(2);
const rate = (v: number) => v.toFixed(1);

/** Idle cost: one row per transport, per connected client and minute. */
export function formatIdleTable(idle: ExportedCost<'idle'>): string {
  const rows = idle.rows.map((r) => [r.transport, String(r.clients), rate(r.bytesInPerMin), rate(r.bytesOutPerMin), rate(r.requestsPerMin)]);
  return [
    `idle cost: per connected client and minute, nothing sent (window ${(idle.elapsedMs / 1000).toFixed(2)} s, polling every ${idle.pollIntervalMs} ms)`,
    textTable(['transport', 'clients', 'B in/min', 'B out/min', 'req/min'], rows),
  ].join('\n');
}

/** Connect cost: one row per transport, a fresh client from its connect call to its welcome. */
export function formatConnectTable(connect: ExportedCost<'connect'>): string {
  const rows = connect.rows.map((r) => [
    r.transport,
    String(r.bytesIn),
    String(r.bytesOut),
    String(r.requests),
    ms(r.ms),
    rate(r.idleBytesInPerSec),
    rate(r.idleBytesOutPerSec),
    r.idleRequestsPerSec.toFixed(2),
  ]);
  return [
    `connect cost: a fresh client in ${connect.ns} until its welcome; the pane's idle rate just before is beside it, not subtracted`,
    textTable(['transport', 'B in', 'B out', 'requests', 'ms', 'idle B in/s', 'idle B out/s', 'idle req/s'], rows),
  ].join('\n');
}

/** Polling sweep: one row per interval, measured latency beside its theory, and idle traffic. */
export function formatSweepTable(sweep: ExportedCost<'sweep'>): string {
  const rows = sweep.points.map((p) => [
    String(p.intervalMs),
    `${p.received}/${p.sent}`,
    ms(p.meanMs),
    ms(p.p50Ms),
    ms(p.theoryMs),
    ms(p.pollRequestMs),
    ms(p.pollCycleMs),
    rate(p.bytesInPerMin),
    rate(p.bytesOutPerMin),
    rate(p.requestsPerMin),
  ]);
  return [
    `polling sweep: ${sweep.messages} round trips per interval; theory = interval / 2 + the GET events round trip measured at it`,
    textTable(['interval ms', 'received', 'mean ms', 'p50 ms', 'theory ms', 'GET ms', 'cycle ms', 'B in/min', 'B out/min', 'req/min'], rows),
  ].join('\n');
}

/** The tables of the measurements that ran, in the page's order, a blank line apart; '' for none. */
export function formatCostTables(costs: CompareCosts): string {
  const tables: string[] = [];
  if (costs.idle) tables.push(formatIdleTable(costs.idle));
  if (costs.connect) tables.push(formatConnectTable(costs.connect));
  if (costs.sweep) tables.push(formatSweepTable(costs.sweep));
  return tables.join('\n\n');
}
