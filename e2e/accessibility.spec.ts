/**
 * axe-core (through @axe-core/playwright) on every page in both languages: no serious or critical
 * violation. Pages are checked once their live content is there (panes connected, lists loaded).
 */
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';

const PAGES = [
  { path: '/', ready: (page: Page) => expect(page.getByTestId('state-ws')).toHaveAttribute('data-state', 'open') },
  { path: '/compare', ready: (page: Page) => expect(page.getByTestId('run-benchmark')).toBeEnabled() },
  { path: '/lesson', ready: (page: Page) => expect(page.getByTestId('polling-run')).toBeVisible() },
  { path: '/instructor', ready: (page: Page) => expect(page.getByTestId('roster-/')).toBeVisible() },
  { path: '/inspector', ready: (page: Page) => expect(page.getByTestId('inspector-state')).toHaveAttribute('data-state', 'live') },
];

for (const lang of ['en', 'zh-CN'] as const) {
  for (const { path, ready } of PAGES) {
    test(`${path} in ${lang}: no serious or critical accessibility violation`, async ({ page }) => {
      await page.goto(`${path}?lang=${lang}`);
      await ready(page);
      // The join panel opens over the header: check it too.
      await page.getByTestId('join-toggle').click();
      await expect(page.getByTestId('join-panel')).toBeVisible();
      const { violations } = await new AxeBuilder({ page }).analyze();
      const bad = violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`);
      expect(bad).toEqual([]);
    });
  }
}
