/**
 * `/lesson` in Chromium, in both languages: chapter 1 measures a polling client, chapter 2 a fresh
 * client per transport, and every chapter-3 card runs on all four transports and shows who got it.
 */
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { API_CALLS } from '../app/lib/lesson/api-calls';
import { MATRIX_STEPS, STICKY_MATRIX } from '../app/lib/cluster/sticky-matrix';
import { TRANSPORT_IDS } from '../protocol';

const LANGUAGES = [
  { lang: 'en', heading: /AJAX polling, WebSocket/, connectCast: 'Connect the cast', run: 'Run on all four transports' },
  { lang: 'zh-CN', heading: /AJAX 轮询、WebSocket/, connectCast: '连接演示客户端', run: '在四种传输方式上运行' },
] as const;

/** What each card's grids must show, per sender transport: cells that received the message. */
function expectedMessageCells(cardId: string, sender: string): string[] | undefined {
  const all = TRANSPORT_IDS.flatMap((t) => ['A', 'B', 'C'].map((r) => `${t}:${r}`));
  switch (cardId) {
    case 'emit-all':
    case 'disconnect-reconnect':
      return all;
    case 'emit-to-id':
      return [`${sender}:C`];
    case 'broadcast-emit':
      return all.filter((k) => k !== `${sender}:A`);
    case 'in-room-emit':
      return all.filter((k) => !k.endsWith(':B'));
    case 'broadcast-to-room':
      return all.filter((k) => !k.endsWith(':B') && k !== `${sender}:A`);
    case 'namespace':
      // Only E, in the other namespace, gets E's message: the cast in /lab gets nothing.
      return [`${sender}:E`];
    default:
      return undefined;
  }
}

async function cellsWith(page: Page, cardId: string, sender: string, receipt: string[]): Promise<string[]> {
  const grid = page.getByTestId(`card-${cardId}`).getByTestId(`recipients-${sender}`);
  const cells = grid.locator('[data-receipt]');
  const keys: string[] = [];
  for (let i = 0; i < (await cells.count()); i++) {
    const cell = cells.nth(i);
    if (receipt.includes((await cell.getAttribute('data-receipt')) ?? '')) keys.push((await cell.getAttribute('data-testid'))!.replace(`cell-${sender}-`, ''));
  }
  return keys.sort();
}

for (const language of LANGUAGES) {
  test(`the lesson in ${language.lang}: three chapters measured live, every card on all four transports`, async ({ page }) => {
    test.setTimeout(240_000);
    await page.goto(`/lesson?lang=${language.lang}`);
    await expect(page.locator('html')).toHaveAttribute('lang', language.lang);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(language.heading);

    // Chapter 1: a guess, then a short polling run; most polls are empty.
    await page.getByTestId('polling-guess').fill('12');
    await page.getByTestId('polling-interval').fill('200');
    await page.getByTestId('polling-seconds').fill('3');
    await page.getByTestId('polling-run').click();
    await expect(page.getByTestId('polling-result')).toBeVisible({ timeout: 30_000 });
    await expect(page.getByTestId('polling-answer')).toContainText('12');
    const polls = Number((await page.getByTestId('polling-polls').textContent())!.replace(/\D/g, ''));
    expect(polls).toBeGreaterThanOrEqual(5);
    await expect(page.getByTestId('polling-projection')).toContainText('40');

    // Chapter 2: one fresh client per transport, each pushed a message.
    await page.getByTestId('websocket-seconds').fill('2');
    await page.getByTestId('websocket-run').click();
    await expect(page.getByTestId('websocket-result')).toBeVisible({ timeout: 60_000 });
    for (const t of TRANSPORT_IDS) await expect(page.getByTestId(`websocket-row-${t}`)).toBeVisible();

    // Chapter 3: the cast, then every card.
    await page.getByRole('button', { name: language.connectCast }).click();
    await expect(page.getByTestId('cast-status')).toContainText('12');
    for (const call of API_CALLS) {
      const card = page.getByTestId(`card-${call.id}`);
      await card.getByRole('button', { name: language.run }).click();
      await expect(card.getByTestId(`result-${call.id}`)).toBeVisible({ timeout: 60_000 });
      for (const sender of TRANSPORT_IDS) {
        const grid = card.getByTestId(`recipients-${sender}`);
        await expect(grid).toBeVisible();
        await expect(grid.locator('[data-sender="true"]')).toHaveCount(1);
        const want = expectedMessageCells(call.id, sender);
        if (want) expect(await cellsWith(page, call.id, sender, ['message', 'replay']), `${call.id} from ${sender}`).toEqual(want.sort());
      }
    }
    // The frames shown are the ones sent: the direct message names C's id.
    await expect(page.getByTestId('frames-emit-to-id')).toContainText('"scope":"direct"');
    // With every result on screen (grids, tables, frames), still no serious or critical violation.
    const { violations } = await new AxeBuilder({ page }).analyze();
    expect(violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
  });
}

test('chapter 4 shows the sticky-session matrix the cluster test measured, in both languages', async ({ page }) => {
  for (const [lang, off] of [['en', 'Sticky off'], ['zh-CN', '粘性会话关闭']] as const) {
    await page.goto(`/lesson?lang=${lang}`);
    const table = page.getByTestId('sticky-matrix');
    await expect(table).toBeVisible();
    await expect(table.getByRole('columnheader', { name: off })).toBeVisible();
    // One row per lane of the committed measurement; the cells read as words to a screen reader.
    await expect(table.locator('tbody tr')).toHaveCount(STICKY_MATRIX.rows.length);
    for (const row of STICKY_MATRIX.rows) {
      const cells = table.locator(`tr[data-row="${row.row}"] td`);
      await expect(cells).toHaveCount(6);
      const expected = [...MATRIX_STEPS.map((s) => row.off[s]), ...MATRIX_STEPS.map((s) => row.on[s])].map((ok) => (ok ? '✓' : '✗'));
      const shown = (await cells.allInnerTexts()).map((text) => text.trim()[0]);
      expect(shown, row.row).toEqual(expected);
    }
  }
});
