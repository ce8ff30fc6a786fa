/**
 * The cost measurements' part of `report.html`: per measurement a short note on what it means, its
 * table, and charts drawn from its exported numbers (idle bytes and requests per transport, connect
 * bytes per transport, the sweep's measured latency over its theory line and its idle bytes).
 */
import { PERCENTILE_COLORS, DIRECTION_COLORS } from '../../app/lib/series-colors';
import { TRANSPORT_COLORS } from '../../app/lib/transport-colors';
import type { CompareCosts, ExportedCost } from './cost-report';
import { esc, table } from './html-table';
import { barChart, lineChart } from './svg-charts';

/** The theory line's colour, as on the page's sweep chart. */
const THEORY_COLOR = '#475569';

function idleSection(idle: ExportedCost<'idle'>): string {
  const bytes = barChart(
    'Idle bytes per client and minute',
    ['bytes in / min', 'bytes out / min'],
    idle.rows.map((r) => ({ name: r.transport, color: TRANSPORT_COLORS[r.transport], values: [r.bytesInPerMin, r.bytesOutPerMin] })),
    'bytes per client and minute',
  );
  const requests = barChart(
    'Idle requests per client and minute',
    ['requests / min'],
    idle.rows.map((r) => ({ name: r.transport, color: TRANSPORT_COLORS[r.transport], values: [r.requestsPerMin] })),
    'requests per client and minute',
  );
  return [
    `<h2>Idle cost</h2>`,
    `<p>Nothing is sent for ${esc((idle.requestedMs / 1000).toFixed(0))} s (measured ${esc((idle.elapsedMs / 1000).toFixed(2))} s); the difference of the server's wire counters over that window, per connected client of each transport and per minute. Polling polls every ${esc(idle.pollIntervalMs)} ms; WebSocket transports show only their heartbeats.</p>`,
    `<div class="charts">${bytes}${requests}</div>`,
    table(
      'Idle cost per connected client and minute',
      ['transport', 'clients', 'bytes in / min', 'bytes out / min', 'requests / min'],
      idle.rows.map((r) => [r.transport, r.clients, r.bytesInPerMin, r.bytesOutPerMin, r.requestsPerMin]),
      'idle-cost',
    ),
  ].join('\n');
}

function connectSection(connect: ExportedCost<'connect'>): string {
  const bytes = barChart(
    'Connect cost: bytes until the welcome',
    ['bytes in', 'bytes out'],
    connect.rows.map((r) => ({ name: r.transport, color: TRANSPORT_COLORS[r.transport], values: [r.bytesIn, r.bytesOut] })),
    'bytes',
  );
  return [
    `<h2>Connect cost</h2>`,
    `<p>For each transport a fresh client connects in namespace <code>${esc(connect.ns)}</code> and is timed from its connect call until its welcome; bytes and requests are that transport's bucket over the same window. The pane's own client of that transport stays connected: its idle rate, measured just before, is shown beside the cost and is not subtracted from it.</p>`,
    `<div class="charts">${bytes}</div>`,
    table(
      'Connect cost of a fresh client, until its welcome',
      ['transport', 'bytes in', 'bytes out', 'requests', 'ms to welcome', 'idle bytes in / s before', 'idle bytes out / s before', 'idle requests / s before', 'idle window ms'],
      connect.rows.map((r) => [r.transport, r.bytesIn, r.bytesOut, r.requests, r.ms, r.idleBytesInPerSec, r.idleBytesOutPerSec, r.idleRequestsPerSec, r.idleWindowMs]),
      'connect-cost',
    ),
  ].join('\n');
}

function sweepSection(sweep: ExportedCost<'sweep'>): string {
  const latency = lineChart(
    'Polling sweep: measured latency vs interval',
    [
      { name: 'theory', color: THEORY_COLOR, style: 'dashed', points: sweep.points.map((p) => ({ x: p.intervalMs, y: p.theoryMs })) },
      { name: 'measured mean', color: TRANSPORT_COLORS.polling, style: 'dots', points: sweep.points.map((p) => ({ x: p.intervalMs, y: p.meanMs })) },
      { name: 'measured p50', color: PERCENTILE_COLORS.p50, style: 'dots', points: sweep.points.map((p) => ({ x: p.intervalMs, y: p.p50Ms })) },
    ],
    'polling interval, ms',
    'round trip, ms',
  );
  const bytes = lineChart(
    'Polling sweep: idle bytes per minute vs interval',
    [
      { name: 'bytes in / min', color: DIRECTION_COLORS.in, points: sweep.points.map((p) => ({ x: p.intervalMs, y: p.bytesInPerMin })) },
      { name: 'bytes out / min', color: DIRECTION_COLORS.out, points: sweep.points.map((p) => ({ x: p.intervalMs, y: p.bytesOutPerMin })) },
    ],
    'polling interval, ms',
    'idle bytes per minute',
  );
  return [
    `<h2>Polling sweep</h2>`,
    `<p>For each interval the polling client is recreated with it, measured idle, then sends ${esc(sweep.messages)} messages to itself spread evenly over the poll cycle. Dots are the measured mean and p50 round trip; the dashed <em>theory</em> line is interval / 2 + the <code>GET events</code> round trip measured at that interval.</p>`,
    `<div class="charts">${latency}${bytes}</div>`,
    table(
      'Polling sweep: latency and idle traffic per interval',
      ['interval ms', 'received / sent', 'mean ms', 'p50 ms', 'theory ms', 'GET events round trip ms', 'poll cycle ms', 'idle bytes in / min', 'idle bytes out / min', 'idle requests / min', 'idle window ms'],
      sweep.points.map((p) => [
        p.intervalMs,
        `${p.received} / ${p.sent}`,
        p.meanMs,
        p.p50Ms,
        p.theoryMs,
        p.pollRequestMs,
        p.pollCycleMs,
        p.bytesInPerMin,
        p.bytesOutPerMin,
        p.requestsPerMin,
        p.idleWindowMs,
      ]),
      'polling-sweep',
    ),
  ].join('\n');
}

/** The sections of the measurements that ran, in the page's order; '' for none. */
export function renderCostSections(costs: CompareCosts): string {
  const sections: string[] = [];
  if (costs.idle) sections.push(idleSection(costs.idle));
  if (costs.connect) sections.push(connectSection(costs.connect));
  if (costs.sweep) sections.push(sweepSection(costs.sweep));
  return sections.join('\n');
}
