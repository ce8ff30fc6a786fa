/**
 * report.html in each language: `<html lang>`, the catalogue's text, numbers per locale, and in
 * zh-CN no English prose left (only names of things, code and units stay Latin).
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { CATALOGUES } from '../../app/messages/catalogues';
import { renderHtmlReport } from '../../scripts/compare/html-report';
import { report } from './report-fixture';

/** The text a reader sees: tags, `<code>`, the style sheet and attribute values removed. */
function visibleText(html: string): string {
  return html
    .replace(/<style>[\s\S]*?<\/style>/g, ' ')
    .replace(/<code>[\s\S]*?<\/code>/g, ' ')
    .replace(/<[^>]+>/g, ' ')
    .replace(/&[a-z]+;/g, ' ');
}

/** Latin words a Chinese reader sees on purpose: names of things, units, symbols. */
// `compare` is the page's path (/compare) in the intro.
const LATIN_IN_ZH = new Set(['Transport', 'Lab', 'polling', 'ws', 'sockjs', 'socketio', 'WebSocket', 'GET', 'events', 'ms', 'B', 'MiB', 'Node', 'Chromium', 'linux', 'v', 'X', 'T', 'Z', 'CDF', 'serverMicros', 'p', 'rate_limited', 'lab', 'JSON', 'TCP', 'compare',
  // Names in the connect timeline's note, and the inspector's summaries of wire units in its tooltips: protocol text, the same in every language.
  'SockJS', 'Socket', 'IO', 'info', 'rt', 'abc', 'websocket', 'upgrade', 'Switching', 'Protocols', 'WS', 'text', 'a', 'welcome']);

test('en: lang, English text, numbers grouped as English writes them', () => {
  const html = renderHtmlReport(report(), CATALOGUES.en);
  assert.match(html, /<html lang="en">/);
  assert.match(html, /aria-label="Round-trip percentiles"/);
  assert.match(html, /<td>1,234\.5<\/td>/);
  assert.match(html, /<td>123,456<\/td>/);
  assert.match(html, /\(12\.3 s\)/);
  assert.match(html, /Server errors during the run: rate_limited × 2/);
});

test('zh-CN: lang, the Chinese catalogue, and no English prose outside names, code and units', () => {
  const html = renderHtmlReport(report(), CATALOGUES['zh-CN']);
  assert.match(html, /<html lang="zh-CN">/);
  assert.match(html, /<h2>往返时延<\/h2>/);
  assert.match(html, /aria-label="往返时延百分位"/);
  assert.match(html, /<caption>轮询间隔扫描：每个间隔的时延与空闲流量<\/caption>/);
  assert.match(html, /<td>1,234\.5<\/td>/);
  const latin = [...visibleText(html).matchAll(/[A-Za-z_]+/g)].map((m) => m[0]).filter((w) => !LATIN_IN_ZH.has(w));
  assert.deepEqual([...new Set(latin)], []);
  // The check can fail: the English page is full of such words.
  const english = [...visibleText(renderHtmlReport(report(), CATALOGUES.en)).matchAll(/[A-Za-z_]+/g)].filter((m) => !LATIN_IN_ZH.has(m[0]));
  assert.ok(english.length > 100);
});

test('the same numbers in both languages: only the words differ', () => {
  const cells = (html: string) => [...html.matchAll(/<td>(.*?)<\/td>/g)].map((m) => m[1]);
  assert.deepEqual(cells(renderHtmlReport(report(), CATALOGUES['zh-CN'])), cells(renderHtmlReport(report(), CATALOGUES.en)));
});
