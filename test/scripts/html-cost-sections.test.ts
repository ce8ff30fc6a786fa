/** The cost sections of report.html: a table per measurement and charts drawn from its exported numbers. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { renderCostSections } from '../../scripts/compare/html-cost-sections';
import { EXPORTED } from './cost-fixtures';

/** The `<svg>` whose accessible name is `label`. */
function svgNamed(html: string, label: string): string {
  const start = html.indexOf(`aria-label="${label}"`);
  assert.ok(start >= 0, `no chart "${label}"`);
  return html.slice(start, html.indexOf('</svg>', start));
}

/** The `<table id=…>` and the text of its body cells. */
function bodyCells(html: string, id: string): string[][] {
  const start = html.indexOf(`<table id="${id}">`);
  assert.ok(start >= 0, `no table #${id}`);
  const body = html.slice(html.indexOf('<tbody>', start), html.indexOf('</tbody>', start));
  return [...body.matchAll(/<tr>(.*?)<\/tr>/g)].map((m) => [...m[1].matchAll(/<t[hd]>(.*?)<\/t[hd]>/g)].map((c) => c[1]));
}

test('no measurement, no section', () => {
  assert.equal(renderCostSections({}), '');
});

test('one table per measurement holding its exported numbers, in the page\u2019s order', () => {
  const html = renderCostSections(EXPORTED);
  assert.ok(html.indexOf('id="idle-cost"') < html.indexOf('id="connect-cost"'));
  assert.ok(html.indexOf('id="connect-cost"') < html.indexOf('id="polling-sweep"'));
  assert.deepEqual(bodyCells(html, 'idle-cost')[0], ['polling', '1', '78,228.3', '26,156.1', '120']);
  assert.deepEqual(bodyCells(html, 'connect-cost')[1], ['ws', '601', '301', '1', '3.8', '0', '0', '0', '1,500']);
  const sweep = bodyCells(html, 'polling-sweep');
  assert.deepEqual(sweep.map((r) => r.slice(0, 5)), [
    ['250', '6 / 6', '128.049', '118.049', '128.25'],
    ['1,000', '6 / 6', '504.652', '494.652', '503.25'],
  ]);
  assert.doesNotMatch(html, /<script|<link|\ssrc=/i);
  // Only the measurements given.
  assert.doesNotMatch(renderCostSections({ idle: EXPORTED.idle }), /connect-cost|polling-sweep/);
});

test('the sweep chart: measured means as dots over a dashed theory line at the same intervals', () => {
  const svg = svgNamed(renderCostSections({ sweep: EXPORTED.sweep }), 'Polling sweep: measured latency vs interval');
  const theory = /<path d="([^"]+)"[^>]*stroke-dasharray="6 4"><title>theory<\/title>/.exec(svg);
  assert.ok(theory, 'a dashed theory path');
  const theoryX = [...theory[1].matchAll(/[ML]([\d.]+),([\d.]+)/g)].map((m) => Number(m[1]));
  const means = [...svg.matchAll(/<circle cx="([\d.]+)" cy="([\d.]+)"[^>]*><title>measured mean: (\d+), ([\d.]+)<\/title>/g)];
  assert.deepEqual(
    means.map((m) => [Number(m[3]), Number(m[4])]),
    EXPORTED.sweep.points.map((p) => [p.intervalMs, p.meanMs]),
  );
  assert.deepEqual(means.map((m) => Number(m[1])), theoryX);
  // Higher on screen (smaller y) for the longer interval's longer mean.
  assert.ok(Number(means[1][2]) < Number(means[0][2]));
  assert.equal([...svg.matchAll(/<title>measured p50: /g)].length, EXPORTED.sweep.points.length);
});

test('the idle charts: bytes and requests per client and minute, one bar per transport', () => {
  const html = renderCostSections({ idle: EXPORTED.idle });
  const bytes = svgNamed(html, 'Idle bytes per client and minute');
  assert.match(bytes, /<title>polling bytes in \/ min: 78228\.3<\/title>/);
  assert.match(bytes, /<title>socketio bytes out \/ min: 7<\/title>/);
  const requests = svgNamed(html, 'Idle requests per client and minute');
  assert.match(requests, /<title>polling requests \/ min: 120<\/title>/);
  assert.equal([...requests.matchAll(/<rect [^>]*><title>/g)].length, EXPORTED.idle.rows.length);
});

test('the connect timeline: one lane per client with marks, each mark titled with its time and summary', () => {
  const html = renderCostSections({ connect: EXPORTED.connect });
  const svg = svgNamed(html, 'Negotiation timeline: how each fresh client got connected');
  // Only the SockJS row carries marks in the fixture: one lane, five marks, the welcome a ring.
  assert.equal([...svg.matchAll(/class="timeline-lane"/g)].length, 1);
  assert.match(svg, /sockjs: welcome after 8\.5 ms/);
  const titles = [...svg.matchAll(/<title>(.*?)<\/title>/g)].map((m) => m[1]);
  assert.deepEqual(titles.slice(0, 2), ['0 ms: GET /rt/sockjs/info', '1.2 ms: SockJS /info → 200']);
  assert.equal([...svg.matchAll(/<circle /g)].length, 1, 'the welcome');
  // Requests above the lane's middle, answers below.
  const ys = [...svg.matchAll(/<rect x="[\d.]+" y="(\d+)" width="3"/g)].map((m) => Number(m[1]));
  assert.deepEqual(ys, [25, 36, 25, 36]);
  // Without marks (an inspector-less server), no timeline at all.
  const bare = { ...EXPORTED.connect!, rows: EXPORTED.connect!.rows.map((r) => ({ ...r, timeline: null })) };
  assert.doesNotMatch(renderCostSections({ connect: bare }), /timeline-lane/);
});
