/**
 * Small static SVG charts for the HTML report, drawn only from the measured numbers it is given
 * (no smoothing, no interpolation beyond straight lines between the page's own points).
 */
import { formatNumber } from '../../app/lib/number-format';
import { esc } from './html-table';

/** One coloured series of points. */
export interface Series {
  name: string;
  color: string;
  points: { x: number; y: number }[];
  /**
   * `line` (default) joins the points; `dashed` too, for a reference such as a theory line;
   * `dots` marks each point without joining them, for measurements that are not a curve.
   */
  style?: 'line' | 'dashed' | 'dots';
}

/** One group of bars (e.g. one transport) with one value per bar label. */
export interface BarGroup {
  name: string;
  color: string;
  values: number[];
}

const W = 640;
const H = 300;
const PAD = { left: 60, right: 16, top: 16, bottom: 44 };
const PLOT_W = W - PAD.left - PAD.right;
const PLOT_H = H - PAD.top - PAD.bottom;

/** An axis label: fewer decimals the larger the value, grouped per `locale`. */
const tick = (locale: string, v: number) => formatNumber(locale, v, Math.abs(v) >= 100 ? 0 : Math.abs(v) >= 10 ? 1 : 2);

/** "Nice" upper bound so axis labels read well. */
function niceMax(v: number): number {
  if (!(v > 0)) return 1;
  const p = 10 ** Math.floor(Math.log10(v));
  return [1, 2, 2.5, 5, 10].map((m) => m * p).find((m) => m >= v) ?? 10 * p;
}

function frame(title: string, xLabel: string, yLabel: string, body: string): string {
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${W} ${H}" width="${W}" height="${H}" role="img" aria-label="${esc(title)}">` +
    `<rect x="${PAD.left}" y="${PAD.top}" width="${PLOT_W}" height="${PLOT_H}" fill="#fff" stroke="#94a3b8"/>` +
    body +
    `<text x="${PAD.left + PLOT_W / 2}" y="${H - 6}" text-anchor="middle" font-size="12">${esc(xLabel)}</text>` +
    `<text transform="translate(14 ${PAD.top + PLOT_H / 2}) rotate(-90)" text-anchor="middle" font-size="12">${esc(yLabel)}</text>` +
    `</svg>`
  );
}

function legend(items: { name: string; color: string }[]): string {
  return items
    .map((it, i) => {
      const x = PAD.left + 8 + i * 120;
      return `<rect x="${x}" y="${PAD.top + 6}" width="10" height="10" fill="${it.color}"/><text x="${x + 14}" y="${PAD.top + 15}" font-size="11">${esc(it.name)}</text>`;
    })
    .join('');
}

/** A chart's accessible name and axis labels, from the report catalogue. */
export interface ChartLabels {
  title: string;
  xLabel?: string;
  yLabel: string;
}

/**
 * A line chart; with `logX` the x axis is logarithmic (latency CDFs span decades).
 * @param locale how tick labels write numbers
 */
export function lineChart(locale: string, text: ChartLabels, series: Series[], opts: { logX?: boolean; yMax?: number } = {}): string {
  const { title, xLabel = '', yLabel } = text;
  const fmt = (v: number) => tick(locale, v);
  const all = series.flatMap((s) => s.points).filter((p) => Number.isFinite(p.x) && Number.isFinite(p.y) && (!opts.logX || p.x > 0));
  if (all.length === 0) return frame(title, xLabel, yLabel, '');
  const tx = opts.logX ? Math.log10 : (v: number) => v;
  let x0 = Math.min(...all.map((p) => tx(p.x)));
  let x1 = Math.max(...all.map((p) => tx(p.x)));
  if (opts.logX) [x0, x1] = [Math.floor(x0), Math.ceil(x1)];
  else [x0, x1] = [0, niceMax(x1)];
  if (x1 === x0) x1 = x0 + 1;
  const yMax = opts.yMax ?? niceMax(Math.max(...all.map((p) => p.y)));
  const sx = (v: number) => PAD.left + ((tx(v) - x0) / (x1 - x0)) * PLOT_W;
  const sy = (v: number) => PAD.top + PLOT_H - (v / yMax) * PLOT_H;
  let ticks = '';
  const xTicks = opts.logX ? Array.from({ length: x1 - x0 + 1 }, (_, i) => 10 ** (x0 + i)) : [0, 1, 2, 3, 4].map((i) => (x1 * i) / 4);
  for (const v of xTicks) {
    const x = sx(v);
    ticks += `<line x1="${x}" y1="${PAD.top}" x2="${x}" y2="${PAD.top + PLOT_H}" stroke="#e2e8f0"/><text x="${x}" y="${PAD.top + PLOT_H + 14}" text-anchor="middle" font-size="10">${fmt(v)}</text>`;
  }
  for (const v of [0, 1, 2, 3, 4].map((i) => (yMax * i) / 4)) {
    const y = sy(v);
    ticks += `<line x1="${PAD.left}" y1="${y}" x2="${PAD.left + PLOT_W}" y2="${y}" stroke="#e2e8f0"/><text x="${PAD.left - 4}" y="${y + 3}" text-anchor="end" font-size="10">${fmt(v)}</text>`;
  }
  const lines = series
    .map((s) => {
      const pts = s.points.filter((p) => Number.isFinite(p.x) && Number.isFinite(p.y) && (!opts.logX || p.x > 0));
      if (s.style === 'dots') {
        return pts
          .map((p) => `<circle cx="${sx(p.x).toFixed(1)}" cy="${sy(p.y).toFixed(1)}" r="4" fill="${s.color}"><title>${esc(`${s.name}: ${p.x}, ${p.y}`)}</title></circle>`)
          .join('');
      }
      const d = pts.map((p, i) => `${i === 0 ? 'M' : 'L'}${sx(p.x).toFixed(1)},${sy(p.y).toFixed(1)}`).join('');
      const dash = s.style === 'dashed' ? ' stroke-dasharray="6 4"' : '';
      return `<path d="${d}" fill="none" stroke="${s.color}" stroke-width="1.5"${dash}><title>${esc(s.name)}</title></path>`;
    })
    .join('');
  return frame(title, xLabel, yLabel, ticks + lines + legend(series));
}

/**
 * A grouped bar chart: one cluster per label, one bar per group.
 * @param labels e.g. `['p50', 'p90', 'p99']`
 */
export function barChart(locale: string, text: ChartLabels, labels: string[], groups: BarGroup[]): string {
  const { title, yLabel } = text;
  const fmt = (v: number) => tick(locale, v);
  const values = groups.flatMap((g) => g.values).filter(Number.isFinite);
  const yMax = niceMax(Math.max(0, ...values));
  const sy = (v: number) => PAD.top + PLOT_H - (v / yMax) * PLOT_H;
  const clusterW = PLOT_W / Math.max(1, labels.length);
  const barW = (clusterW * 0.8) / Math.max(1, groups.length);
  let body = '';
  for (const v of [0, 1, 2, 3, 4].map((i) => (yMax * i) / 4)) {
    body += `<line x1="${PAD.left}" y1="${sy(v)}" x2="${PAD.left + PLOT_W}" y2="${sy(v)}" stroke="#e2e8f0"/><text x="${PAD.left - 4}" y="${sy(v) + 3}" text-anchor="end" font-size="10">${fmt(v)}</text>`;
  }
  labels.forEach((label, li) => {
    const cx = PAD.left + li * clusterW;
    body += `<text x="${cx + clusterW / 2}" y="${PAD.top + PLOT_H + 14}" text-anchor="middle" font-size="11">${esc(label)}</text>`;
    groups.forEach((g, gi) => {
      const v = g.values[li];
      if (!Number.isFinite(v)) return;
      const x = cx + clusterW * 0.1 + gi * barW;
      body += `<rect x="${x.toFixed(1)}" y="${sy(v).toFixed(1)}" width="${(barW - 2).toFixed(1)}" height="${(PAD.top + PLOT_H - sy(v)).toFixed(1)}" fill="${g.color}"><title>${esc(`${g.name} ${label}: ${v}`)}</title></rect>`;
    });
  });
  return frame(title, text.xLabel ?? '', yLabel, body + legend(groups));
}
