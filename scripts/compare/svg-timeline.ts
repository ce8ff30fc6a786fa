/**
 * The negotiation timeline as a static SVG for the HTML report: one swimlane per fresh client,
 * a tick per request or frame at its time (requests above, answers below, the welcome a ring),
 * each with a `<title>` holding the inspector's summary. Drawn only from the exported marks.
 */
import { formatNumber } from '../../app/lib/number-format';
import { DIRECTION_COLORS } from '../../app/lib/series-colors';
import type { NegotiationMark } from '../../measure/negotiation-marks';
import { esc } from './html-table';

/** One client's lane. */
export interface TimelineLaneSvg {
  label: string;
  marks: NegotiationMark[];
}

const W = 900;
const LANE = 46;
const PAD = { left: 8, right: 16, top: 8, axis: 26 };

/**
 * The chart, or '' when no lane has a mark (the server ran without the inspector).
 * @param text the chart's title, the axis caption and how one mark's tooltip reads
 */
export function timelineChart(locale: string, lanes: TimelineLaneSvg[], text: { title: string; axis: string; mark: (ms: string, summary: string) => string }): string {
  const shown = lanes.filter((l) => l.marks.length > 0);
  if (shown.length === 0) return '';
  const fmt = (v: number, d = 0) => formatNumber(locale, v, d);
  const span = Math.max(1, ...shown.map((l) => l.marks.at(-1)!.atMs));
  const plotW = W - PAD.left - PAD.right;
  const x = (ms: number) => (PAD.left + (ms / span) * plotW).toFixed(1);
  const height = PAD.top + shown.length * LANE + PAD.axis;
  const body = shown
    .map((lane, i) => {
      const y = PAD.top + i * LANE;
      const marks = lane.marks
        .map((m) => {
          const title = `<title>${esc(text.mark(fmt(m.atMs, 1), m.summary))}</title>`;
          return m.welcome
            ? `<circle cx="${x(m.atMs)}" cy="${y + 28}" r="6" fill="none" stroke="#0f172a" stroke-width="2">${title}</circle>`
            : `<rect x="${(Number(x(m.atMs)) - 1.5).toFixed(1)}" y="${m.dir === 'in' ? y + 17 : y + 28}" width="3" height="9" fill="${DIRECTION_COLORS[m.dir]}">${title}</rect>`;
        })
        .join('');
      return (
        `<g class="timeline-lane"><rect x="${PAD.left}" y="${y}" width="${plotW}" height="${LANE - 6}" fill="${i % 2 ? '#f8fafc' : '#f1f5f9'}"/>` +
        `<text x="${PAD.left + 4}" y="${y + 12}" font-size="12">${esc(lane.label)}</text>${marks}</g>`
      );
    })
    .join('');
  const ticks = [0, 0.25, 0.5, 0.75, 1]
    .map((f) => `<text x="${x(f * span)}" y="${height - 8}" font-size="11" text-anchor="middle">${esc(fmt(f * span))}</text>`)
    .join('');
  return (
    `<figure><svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${W} ${height}" width="${W}" height="${height}" role="img" aria-label="${esc(text.title)}">` +
    `${body}${ticks}</svg><figcaption>${esc(text.axis)}</figcaption></figure>`
  );
}
