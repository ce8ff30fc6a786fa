/**
 * A self-contained `report.html`: the run's tables and inline SVG charts, drawn from the page's
 * exported numbers only. No scripts, no external files, so it can be mailed or attached to CI.
 */
import { TRANSPORT_COLORS } from '../../app/lib/transport-colors';
import type { LatencySummary } from '../../measure/latency-histogram';
import type { CompareReport } from './compare-report';
import { summaryRows } from './compare-report';
import { renderCostSections } from './html-cost-sections';
import { esc, table } from './html-table';
import { barChart, lineChart } from './svg-charts';

const latencyCells = (s: LatencySummary) => [s.count, s.meanMs, s.p50Ms, s.p90Ms, s.p95Ms, s.p99Ms, s.maxMs];
const LATENCY_HEADER = ['samples', 'mean ms', 'p50 ms', 'p90 ms', 'p95 ms', 'p99 ms', 'max ms'];

/** The whole page as a string. */
export function renderHtmlReport(report: CompareReport): string {
  const { result, machine } = report;
  const s = result.scenario;
  const color = (t: keyof typeof TRANSPORT_COLORS) => TRANSPORT_COLORS[t];
  const summary = summaryRows(result);

  const percentileChart = barChart(
    'Round-trip percentiles',
    ['p50', 'p90', 'p99', 'max'],
    result.senders.map((x) => ({ name: x.transport, color: color(x.transport), values: [x.roundTrip.p50Ms, x.roundTrip.p90Ms, x.roundTrip.p99Ms, x.roundTrip.maxMs] })),
    'ms',
  );
  const wireChart = barChart(
    'Wire bytes per message',
    ['bytes in', 'bytes out'],
    result.senders.map((x) => ({ name: x.transport, color: color(x.transport), values: [x.wire.bytesInPerMessage, x.wire.bytesOutPerMessage] })),
    'bytes per message',
  );
  const cdfChart = lineChart(
    'Round-trip CDF',
    result.senders.map((x) => ({ name: x.transport, color: color(x.transport), points: x.cdf.map((p) => ({ x: p.latencyMs, y: p.percentile })) })),
    'round trip, ms (log scale)',
    'percent of messages',
    { logX: true, yMax: 100 },
  );
  const timelineChart = lineChart(
    'Round trip over time',
    result.senders.map((x) => ({ name: x.transport, color: color(x.transport), points: x.timeline.map((p) => ({ x: p.atMs / 1000, y: p.latencyMs })) })),
    'intended send time, s after the run started',
    'round trip, ms',
  );

  const sections = [
    `<h2>Summary</h2>`,
    table(
      'Per transport: delivery to its pane, its own round trip, its wire cost',
      ['transport', 'delivered / expected', 'p50 ms', 'p90 ms', 'p99 ms', 'max ms', 'bytes in / msg', 'bytes out / msg', 'requests / msg'],
      summary.map((r) => [r.transport, `${r.delivered} / ${r.expected}`, r.p50Ms, r.p90Ms, r.p99Ms, r.maxMs, r.bytesInPerMessage, r.bytesOutPerMessage, r.requestsPerMessage]),
    ),
    `<h2>Round trip</h2><div class="charts">${percentileChart}${cdfChart}</div>`,
    table('Round trip from the intended send time', ['transport', ...LATENCY_HEADER], result.senders.map((x) => [x.transport, ...latencyCells(x.roundTrip)])),
    table('Round trip from the actual send time', ['transport', ...LATENCY_HEADER], result.senders.map((x) => [x.transport, ...latencyCells(x.roundTripRaw)])),
    table('Server core time per message (serverMicros: frame read → fan-out start; writes not included)', ['transport', ...LATENCY_HEADER], result.senders.map((x) => [x.transport, ...latencyCells(x.server)])),
    `<h2>Over time</h2><div class="charts">${timelineChart}</div>`,
    `<h2>Fan-out and delivery</h2>`,
    table(
      'One-way latency of the other panes\u2019 messages, per receiving pane',
      ['receiver', 'delivered', 'expected', ...LATENCY_HEADER],
      result.receivers.map((r) => [r.transport, r.delivered, r.expected, ...latencyCells(r.fanout)]),
    ),
    `<h2>Wire</h2><div class="charts">${wireChart}</div>`,
    table(
      s.isolate ? 'Server TCP bytes during each transport\u2019s own phase (exact)' : 'Server TCP bytes per bucket, all at once (includes copies received from the others)',
      ['transport', 'bytes in', 'bytes out', 'requests', 'bytes in / msg', 'bytes out / msg', 'requests / msg'],
      result.senders.map((x) => [x.transport, x.wire.bytesIn, x.wire.bytesOut, x.wire.requests, x.wire.bytesInPerMessage, x.wire.bytesOutPerMessage, x.wire.requestsPerMessage]),
    ),
  ];
  if (result.pollRequest) {
    sections.push(table('Polling pane: GET events round trips', ['', ...LATENCY_HEADER], [['polling', ...latencyCells(result.pollRequest)]]));
  }
  const errors = Object.entries(result.serverErrors);
  const errorNote = errors.length > 0 ? `<p class="warn">Server errors during the run: ${esc(errors.map(([c, n]) => `${c} × ${n}`).join(', '))}</p>` : '';

  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Transport Lab comparison ${esc(result.startedAt)}</title>
<style>
body{font-family:system-ui,sans-serif;margin:1.5rem;color:#0f172a;max-width:1320px}
table{border-collapse:collapse;margin:0.75rem 0;font-variant-numeric:tabular-nums}
caption{text-align:left;font-weight:600;padding:0.25rem 0}
th,td{border:1px solid #cbd5e1;padding:0.2rem 0.5rem}td{text-align:right}thead th{background:#f1f5f9}
.charts{display:flex;flex-wrap:wrap;gap:1rem}.warn{background:#fffbeb;border:1px solid #b45309;padding:0.5rem}
dl{display:grid;grid-template-columns:max-content 1fr;gap:0.1rem 1rem}dt{font-weight:600}
</style></head><body>
<h1>Transport Lab: headless comparison</h1>
<p>Every number below is the <code>/compare</code> page's own JSON export of this run; the charts are drawn from those numbers.</p>
<dl>
<dt>Run started</dt><dd>${esc(result.startedAt)} (${esc((result.durationMs / 1000).toFixed(1))} s)</dd>
<dt>Scenario</dt><dd>${esc(s.messages)} messages per transport at ${esc(s.ratePerSec)}/s, ${esc(s.sizeBytes)} B text, polling every ${esc(s.pollIntervalMs)} ms, warm-up ${esc(s.warmup)}, ${s.isolate ? 'one transport at a time' : 'all at once'}: <code>${esc(result.scenarioQuery)}</code></dd>
<dt>Page</dt><dd><code>${esc(report.pageUrl)}</code></dd>
<dt>Machine</dt><dd>${esc(machine.cpuModel)} × ${esc(machine.cpus)}, ${esc(machine.totalMemMiB)} MiB, ${esc(machine.platform)} ${esc(machine.release)}, load ${esc(machine.loadAverage.join(' / '))}; Node ${esc(machine.node)}, Chromium ${esc(machine.chromium)}</dd>
</dl>
${errorNote}
${sections.join('\n')}
${renderCostSections(report.costs)}
</body></html>
`;
}
