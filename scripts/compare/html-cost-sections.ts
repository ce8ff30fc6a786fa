/**
 * The cost measurements' part of `report.html`: per measurement a short note on what it means, its
 * table, and charts drawn from its exported numbers (idle bytes and requests per transport, connect
 * bytes per transport, the sweep's measured latency over its theory line and its idle bytes).
 * Text from the report catalogue, numbers per its locale.
 */
import { CATALOGUES } from '../../app/messages/catalogues';
import type { Messages } from '../../app/messages/types';
import { PERCENTILE_COLORS, DIRECTION_COLORS } from '../../app/lib/series-colors';
import { LANE_COLORS, TRANSPORT_COLORS } from '../../app/lib/transport-colors';
import type { CompareCosts, ExportedCost } from './cost-report';
import { esc, formatSeconds, num, table } from './html-table';
import { barChart, lineChart } from './svg-charts';
import { timelineChart } from './svg-timeline';

/** The theory line's colour, as on the page's sweep chart. */
const THEORY_COLOR = '#475569';

function idleSection(idle: ExportedCost<'idle'>, m: Messages): string {
  const { locale } = m;
  const t = m.report.idle;
  const c = m.report.columns;
  const bytes = barChart(
    locale,
    t.bytesChart,
    [c.bytesInPerMin, c.bytesOutPerMin],
    idle.rows.map((r) => ({ name: r.transport, color: TRANSPORT_COLORS[r.transport], values: [r.bytesInPerMin, r.bytesOutPerMin] })),
  );
  const requests = barChart(
    locale,
    t.requestsChart,
    [c.requestsPerMin],
    idle.rows.map((r) => ({ name: r.transport, color: TRANSPORT_COLORS[r.transport], values: [r.requestsPerMin] })),
  );
  const help = t.help({
    requestedSeconds: formatSeconds(locale, idle.requestedMs, 0),
    elapsedSeconds: formatSeconds(locale, idle.elapsedMs, 2),
    pollIntervalMs: num(locale, idle.pollIntervalMs),
  });
  return [
    `<h2>${esc(t.heading)}</h2>`,
    `<p>${esc(help)}</p>`,
    `<div class="charts">${bytes}${requests}</div>`,
    table(
      locale,
      t.caption,
      [c.transport, c.clients, c.bytesInPerMin, c.bytesOutPerMin, c.requestsPerMin],
      idle.rows.map((r) => [r.transport, r.clients, r.bytesInPerMin, r.bytesOutPerMin, r.requestsPerMin]),
      'idle-cost',
    ),
  ].join('\n');
}

function connectSection(connect: ExportedCost<'connect'>, m: Messages): string {
  const { locale } = m;
  const t = m.report.connect;
  const c = m.report.columns;
  const bytes = barChart(
    locale,
    t.chart,
    [c.bytesIn, c.bytesOut],
    connect.rows.map((r) => ({ name: r.transport, color: LANE_COLORS[r.transport], values: [r.bytesIn, r.bytesOut] })),
  );
  return [
    `<h2>${esc(t.heading)}</h2>`,
    `<p>${esc(t.help.before)} <code>${esc(connect.ns)}</code> ${esc(t.help.after)}</p>`,
    `<div class="charts">${bytes}</div>`,
    table(
      locale,
      t.caption,
      [c.transport, c.bytesIn, c.bytesOut, c.requests, t.msToWelcome, t.idleBytesInPerSec, t.idleBytesOutPerSec, t.idleRequestsPerSec, c.idleWindowMs],
      connect.rows.map((r) => [r.transport, r.bytesIn, r.bytesOut, r.requests, r.ms, r.idleBytesInPerSec, r.idleBytesOutPerSec, r.idleRequestsPerSec, r.idleWindowMs]),
      'connect-cost',
    ),
    timelineSection(connect, m),
  ].join('\n');
}

/** The connect's negotiation timeline; '' when the export has none (an inspector-less server, or an older export). */
function timelineSection(connect: ExportedCost<'connect'>, m: Messages): string {
  const t = m.report.connect;
  const lanes = connect.rows.map((r) => ({
    label: m.inspector.timeline.lane(r.transport, num(m.locale, r.ms)),
    marks: r.timeline ?? [],
  }));
  const chart = timelineChart(m.locale, lanes, { title: t.timelineHeading, axis: m.inspector.timeline.axis, mark: m.inspector.timeline.mark });
  return chart === '' ? '' : `<h3>${esc(t.timelineHeading)}</h3>\n<p>${esc(m.compare.connect.timelineHelp)}</p>\n${chart}`;
}

function sweepSection(sweep: ExportedCost<'sweep'>, m: Messages): string {
  const { locale } = m;
  const t = m.report.sweep;
  const c = m.report.columns;
  const latency = lineChart(locale, t.latencyChart, [
    { name: t.theory, color: THEORY_COLOR, style: 'dashed', points: sweep.points.map((p) => ({ x: p.intervalMs, y: p.theoryMs })) },
    { name: t.measuredMean, color: TRANSPORT_COLORS.polling, style: 'dots', points: sweep.points.map((p) => ({ x: p.intervalMs, y: p.meanMs })) },
    { name: t.measuredP50, color: PERCENTILE_COLORS.p50, style: 'dots', points: sweep.points.map((p) => ({ x: p.intervalMs, y: p.p50Ms })) },
  ]);
  const bytes = lineChart(locale, t.bytesChart, [
    { name: c.bytesInPerMin, color: DIRECTION_COLORS.in, points: sweep.points.map((p) => ({ x: p.intervalMs, y: p.bytesInPerMin })) },
    { name: c.bytesOutPerMin, color: DIRECTION_COLORS.out, points: sweep.points.map((p) => ({ x: p.intervalMs, y: p.bytesOutPerMin })) },
  ]);
  return [
    `<h2>${esc(t.heading)}</h2>`,
    `<p>${esc(t.help(num(locale, sweep.messages)))}</p>`,
    `<div class="charts">${latency}${bytes}</div>`,
    table(
      locale,
      t.caption,
      [t.intervalMs, t.receivedOfSent, c.ms(c.mean), c.ms('p50'), t.theoryMs, t.pollRequestMs, t.pollCycleMs, c.bytesInPerMin, c.bytesOutPerMin, c.requestsPerMin, c.idleWindowMs],
      sweep.points.map((p) => [
        p.intervalMs,
        `${num(locale, p.received)} / ${num(locale, p.sent)}`,
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

/**
 * The sections of the measurements that ran, in the page's order; '' for none.
 * @param m the report's catalogue (English unless the CLI was given `--lang`)
 */
export function renderCostSections(costs: CompareCosts, m: Messages = CATALOGUES.en): string {
  const sections: string[] = [];
  if (costs.idle) sections.push(idleSection(costs.idle, m));
  if (costs.connect) sections.push(connectSection(costs.connect, m));
  if (costs.sweep) sections.push(sweepSection(costs.sweep, m));
  return sections.join('\n');
}
