/**
 * The language is the server's choice, rendered before hydration: `?lang=` on any page, then the
 * cookie it sets, then Accept-Language.
 */
import { expect, test } from '@playwright/test';

test('?lang=zh-CN is rendered by the server in Chinese', async ({ request }) => {
  for (const path of ['/', '/compare']) {
    const html = await (await request.get(`${path}?lang=zh-CN`)).text();
    expect(html).toContain('<html lang="zh-CN"');
    expect(html).toContain('传输实验室');
    expect(html).not.toContain('Compare latency and wire cost');
  }
  const english = await (await request.get('/?lang=en')).text();
  expect(english).toContain('<html lang="en"');
});

test('a first visit follows Accept-Language', async ({ browser }) => {
  // Playwright's `locale` is what sets Chromium's Accept-Language (an extra header is overridden).
  const context = await browser.newContext({ locale: 'zh-CN' });
  const page = await context.newPage();
  await page.goto('/');
  await expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Transport Lab 传输实验室');
  await context.close();
});

test('the switch changes the language and it persists across pages', async ({ page }) => {
  await page.goto('/');
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await page.getByRole('navigation', { name: 'Language' }).getByRole('link', { name: '中文' }).click();
  await expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN');
  await expect(page.getByRole('link', { name: '对比' })).toBeVisible();
  // The four panes connect and say so in Chinese.
  await expect(page.getByText('已连接').first()).toBeVisible();
  await page.getByRole('link', { name: '对比' }).click();
  await expect(page).toHaveURL(/\/compare/);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('对比延迟和线上开销');
  // Back to English from the Compare view, the scenario in its URL kept.
  await page.getByRole('navigation', { name: '语言' }).getByRole('link', { name: 'English' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Compare latency and wire cost');
  await page.goto('/');
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
});

/**
 * Latin words a Chinese reader meets on purpose: names of things, protocols, units, and the
 * lesson's role letters. Everything else Latin on a zh-CN page is English that escaped the catalogue.
 */
const LATIN_IN_ZH = new Set([
  'Transport', 'Lab', 'AJAX', 'WebSocket', 'SockJS', 'Socket.IO', 'API', 'HTTP', 'TCP', 'JSON', 'URL', 'QR', 'GET', 'events',
  'English', 'HAR', 'Switching', 'Protocols', 'ms', 'B', 'KB', 'MiB', 'v', 'p', 'A', 'C', 'D', 'E', 'ID', 'id', 'CDF',
  'polling', 'ws', 'sockjs', 'socketio', 'websocket', 'socket', 'lab', 'bench',
  // The libraries' sub-transports, by their own names (the panes' variant picker, the Compare view's columns).
  'xhr', 'streaming', 'EventSource', 'eventsource', 'iframe', 'htmlfile',
  // The load-balancer chapter's parts, by their names.
  'HAProxy', 'Redis',
]);
/** Code-like tokens: `io.emit`, `socket.on`, `config.ts`. */
const CODE_LIKE = /^[A-Za-z]+(\.[A-Za-z]+)+$/;
/** A call written inline in a sentence (`io(url)`, `io.of('/some')`) is code, arguments and all. */
const INLINE_CALL = /[A-Za-z_][\w.]*\([^)]*\)/g;
/** So is a URL path written in a sentence (`/api/metrics/wire`). */
const INLINE_PATH = /(^|\s|（)\/[\w/.-]+/g;

test('/, /compare, /lesson, /instructor and /inspector with ?lang=zh-CN read as Chinese', async ({ page }) => {
  for (const path of ['/', '/compare', '/lesson', '/instructor', '/inspector']) {
    await page.goto(`${path}?lang=zh-CN`);
    await expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN');
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
    // What the page wrote, without code, and without what users typed or the server named (translate="no").
    // Their words also appear inside catalogue sentences ("已重连，id 为 …"), so they are known words.
    const { text, named } = await page.evaluate(() => {
      const clone = document.body.cloneNode(true) as HTMLElement;
      const untranslated = [...clone.querySelectorAll('[translate="no"]')].map((e) => e.textContent ?? '');
      clone.querySelectorAll('code, pre, script, style, [translate="no"]').forEach((e) => e.remove());
      // A detached clone has no layout, so innerText runs neighbours together ("xhr-streamingSockJS"):
      // a space after every element keeps two labels two words.
      clone.querySelectorAll('*').forEach((e) => e.append(' '));
      return { text: clone.innerText, named: untranslated.join(' ') };
    });
    const words = (s: string) => [...s.matchAll(/[A-Za-z][A-Za-z.]*[A-Za-z]|[A-Za-z]/g)].map((m) => m[0]);
    const known = new Set(words(named));
    const stray = [...new Set(words(text.replace(INLINE_CALL, ' ').replace(INLINE_PATH, ' ')))].filter((w) => !LATIN_IN_ZH.has(w) && !CODE_LIKE.test(w) && !known.has(w));
    expect(stray, `English on ${path}?lang=zh-CN`).toEqual([]);
    // And the page is mostly Chinese: the scan saw real text, so it can fail.
    expect((text.match(/[\u4e00-\u9fff]/g) ?? []).length, path).toBeGreaterThan(100);
  }
});
