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
