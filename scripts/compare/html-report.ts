/**
 * A self-contained `report.html`: the run's tables and inline SVG charts, drawn from the page's
 * exported numbers only. No scripts, no external files, so it can be mailed or attached to CI.
 * Written in the language of the catalogue it is given (`--lang`).
 */
import { LANE_COLORS } from '../../app/lib/transport-colors';
import { CATALOGUES } from '../../app/messages/catalogues';
import type { Messages } from '../../app/messages/types';
import type { LatencySummary } from '../../measure/latency-histogram';
import type { CompareReport } from './compare-report';
import { summaryRows } from './compare-report';
import { renderCostSections } from './html-cost-sections';
import { esc, formatSeconds, num, table } from './html-table';
import { barChart, lineChart } from './svg-charts';

const latencyCells = (s: LatencySummary) => [s.count, s.meanMs, s.p50Ms, s.p90Ms, s.p95Ms, s.p99Ms, s.maxMs];

/**
 * The whole page as a string.
 * @param m the catalogue to write it in (English by default)
 */
export function renderHtmlReport(report: CompareReport, m: Messages = CATALOGUES.en): string {
  const { result, machine } = report;
  const { locale } = m;
  const t = m.report;
  const c = t.columns;
  const s = result.scenario;
  const color = (id: keyof typeof LANE_COLORS) => LANE_COLORS[id];
  const summary = summaryRows(result);
  const latencyHeader = [c.samples, c.ms(c.mean), c.ms('p50'), c.ms('p90'), c.ms('p95'), c.ms('p99'), c.ms(c.max)];

  const percentileChart = barChart(
    locale,
    t.roundTrip.percentiles,
    ['p50', 'p90', 'p99', c.max],
    result.senders.map((x) => ({ name: x.transport, color: color(x.transport), values: [x.roundTrip.p50Ms, x.roundTrip.p90Ms, x.roundTrip.p99Ms, x.roundTrip.maxMs] })),
  );
  const wireChart = barChart(
    locale,
    t.wire.chart,
    [c.bytesIn, c.bytesOut],
    result.senders.map((x) => ({ name: x.transport, color: color(x.transport), values: [x.wire.bytesInPerMessage, x.wire.bytesOutPerMessage] })),
  );
  const cdfChart = lineChart(
    locale,
    t.roundTrip.cdf,
    result.senders.map((x) => ({ name: x.transport, color: color(x.transport), points: x.cdf.map((p) => ({ x: p.latencyMs, y: p.percentile })) })),
    { logX: true, yMax: 100 },
  );
  const timelineChart = lineChart(
    locale,
    t.overTime.chart,
    result.senders.map((x) => ({ name: x.transport, color: color(x.transport), points: x.timeline.map((p) => ({ x: p.atMs / 1000, y: p.latencyMs })) })),
  );
  const latencyTable = (caption: string, pick: (x: (typeof result.senders)[number]) => LatencySummary) =>
    table(locale, caption, [c.transport, ...latencyHeader], result.senders.map((x) => [x.transport, ...latencyCells(pick(x))]));

  const sections = [
    `<h2>${esc(t.summary.heading)}</h2>`,
    table(
      locale,
      t.summary.caption,
      [c.transport, c.deliveredOfExpected, c.ms('p50'), c.ms('p90'), c.ms('p99'), c.ms(c.max), c.bytesInPerMessage, c.bytesOutPerMessage, c.requestsPerMessage],
      summary.map((r) => [r.transport, `${num(locale, r.delivered)} / ${num(locale, r.expected)}`, r.p50Ms, r.p90Ms, r.p99Ms, r.maxMs, r.bytesInPerMessage, r.bytesOutPerMessage, r.requestsPerMessage]),
    ),
    `<h2>${esc(t.roundTrip.heading)}</h2><div class="charts">${percentileChart}${cdfChart}</div>`,
    latencyTable(t.roundTrip.intended, (x) => x.roundTrip),
    latencyTable(t.roundTrip.actual, (x) => x.roundTripRaw),
    latencyTable(t.roundTrip.server, (x) => x.server),
    `<h2>${esc(t.overTime.heading)}</h2><div class="charts">${timelineChart}</div>`,
    `<h2>${esc(t.fanout.heading)}</h2>`,
    table(
      locale,
      t.fanout.caption,
      [c.receiver, c.delivered, c.expected, ...latencyHeader],
      result.receivers.map((r) => [r.transport, r.delivered, r.expected, ...latencyCells(r.fanout)]),
    ),
    `<h2>${esc(t.wire.heading)}</h2><div class="charts">${wireChart}</div>`,
    table(
      locale,
      s.isolate ? t.wire.isolate : t.wire.sideBySide,
      [c.transport, c.bytesIn, c.bytesOut, c.requests, c.bytesInPerMessage, c.bytesOutPerMessage, c.requestsPerMessage],
      result.senders.map((x) => [x.transport, x.wire.bytesIn, x.wire.bytesOut, x.wire.requests, x.wire.bytesInPerMessage, x.wire.bytesOutPerMessage, x.wire.requestsPerMessage]),
    ),
  ];
  if (result.pollRequest) {
    sections.push(table(locale, t.pollRequest.caption, ['', ...latencyHeader], [[t.pollRequest.row, ...latencyCells(result.pollRequest)]]));
  }
  const errors = Object.entries(result.serverErrors);
  const errorNote =
    errors.length > 0 ? `<p class="warn">${esc(t.serverErrors(errors.map(([code, n]) => `${code} × ${num(locale, n)}`).join(', ')))}</p>` : '';
  const scenario = t.facts.scenarioValue({
    messages: num(locale, s.messages),
    ratePerSec: num(locale, s.ratePerSec),
    sizeBytes: num(locale, s.sizeBytes),
    pollIntervalMs: num(locale, s.pollIntervalMs),
    warmup: num(locale, s.warmup),
    isolate: s.isolate,
  });
  const machineText = t.facts.machineValue({
    cpuModel: machine.cpuModel,
    cpus: num(locale, machine.cpus),
    memMiB: num(locale, machine.totalMemMiB),
    os: `${machine.platform} ${machine.release}`,
    load: machine.loadAverage.map((l) => num(locale, l)).join(' / '),
    node: machine.node,
    chromium: machine.chromium,
  });

  return `<!doctype html>
<html lang="${esc(locale)}"><head><meta charset="utf-8"><title>${esc(t.title(result.startedAt))}</title>
<style>
body{font-family:system-ui,"Noto Sans CJK SC","PingFang SC","Microsoft YaHei",sans-serif;margin:1.5rem;color:#0f172a;max-width:1320px}
table{border-collapse:collapse;margin:0.75rem 0;font-variant-numeric:tabular-nums}
caption{text-align:left;font-weight:600;padding:0.25rem 0}
th,td{border:1px solid #cbd5e1;padding:0.2rem 0.5rem}td{text-align:right}thead th{background:#f1f5f9}
.charts{display:flex;flex-wrap:wrap;gap:1rem}.warn{background:#fffbeb;border:1px solid #b45309;padding:0.5rem}
dl{display:grid;grid-template-columns:max-content 1fr;gap:0.1rem 1rem}dt{font-weight:600}
</style></head><body>
<h1>${esc(t.heading)}</h1>
<p>${esc(t.intro)}</p>
<dl>
<dt>${esc(t.facts.started)}</dt><dd>${esc(t.facts.startedValue(result.startedAt, formatSeconds(locale, result.durationMs, 1)))}</dd>
<dt>${esc(t.facts.scenario)}</dt><dd>${esc(scenario)} <code>${esc(result.scenarioQuery)}</code></dd>
<dt>${esc(t.facts.page)}</dt><dd><code>${esc(report.pageUrl)}</code></dd>
<dt>${esc(t.facts.machine)}</dt><dd>${esc(machineText)}</dd>
</dl>
${errorNote}
${sections.join('\n')}
${renderCostSections(report.costs, m)}
</body></html>
`;
}
