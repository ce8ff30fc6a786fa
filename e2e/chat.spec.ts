/**
 * The page in real Chromium against the production build: four real clients in one tab.
 */
import { expect, test, type Page } from '@playwright/test';

const TRANSPORTS = ['polling', 'ws', 'sockjs', 'socketio'] as const;
type Transport = (typeof TRANSPORTS)[number];

async function openLab(page: Page): Promise<void> {
  await page.goto('/');
  for (const t of TRANSPORTS) {
    await expect(page.getByTestId(`state-${t}`)).toHaveAttribute('data-state', 'open');
  }
}

const log = (page: Page, t: Transport) => page.getByTestId(`log-${t}`);

test('the page loads and all four panes connect', async ({ page }) => {
  await openLab(page);
  for (const t of TRANSPORTS) {
    // Every pane sees all four clients in its member list.
    await expect(page.getByTestId(`members-${t}`).getByTestId('member')).toHaveCount(4);
  }
});

test('a message sent in each pane reaches the other three', async ({ page }) => {
  await openLab(page);
  for (const from of TRANSPORTS) {
    const text = `hello from ${from} ${Date.now()}`;
    await page.getByTestId(`text-${from}`).fill(text);
    await page.getByTestId(`send-${from}`).click();
    for (const to of TRANSPORTS) {
      await expect(log(page, to).getByText(text)).toBeVisible();
    }
  }
});

test('the broadcast bar sends from all four panes at once', async ({ page }) => {
  await openLab(page);
  const text = `bar ${Date.now()}`;
  await page.getByTestId('broadcast-text').fill(text);
  await page.getByTestId('broadcast-send').click();
  // Each pane receives four copies: one from each pane, its own included.
  for (const t of TRANSPORTS) {
    await expect(log(page, t).getByText(text)).toHaveCount(4);
  }
});

test('a room flow: join, message the room, only members receive it', async ({ page }) => {
  await openLab(page);
  for (const t of ['ws', 'sockjs'] as const) {
    await page.getByTestId(`room-input-${t}`).fill('physics');
    await page.getByTestId(`join-${t}`).click();
    await expect(page.getByTestId(`rooms-${t}`)).toContainText('physics');
  }
  await page.getByTestId('scope-ws').selectOption('room');
  await page.getByTestId('target-room-ws').fill('physics');
  const text = `room note ${Date.now()}`;
  await page.getByTestId('text-ws').fill(text);
  await page.getByTestId('send-ws').click();
  await expect(log(page, 'sockjs').getByText(text)).toBeVisible();
  await expect(log(page, 'ws').getByText(text)).toBeVisible();
  // A later broadcast reaches the non-members; the room note, sent before it, never did.
  const barrier = `barrier ${Date.now()}`;
  await page.getByTestId('text-ws').fill(barrier);
  await page.getByTestId('scope-ws').selectOption('all');
  await page.getByTestId('send-ws').click();
  for (const t of ['polling', 'socketio'] as const) {
    await expect(log(page, t).getByText(barrier)).toBeVisible();
    await expect(log(page, t).getByText(text)).toHaveCount(0);
  }
});

test('a direct message reaches only its target', async ({ page }) => {
  await openLab(page);
  await page.getByTestId('scope-polling').selectOption('direct');
  const target = page.getByTestId('target-client-polling');
  const socketioOption = target.locator('option', { hasText: 'socketio' }).first();
  await target.selectOption({ value: (await socketioOption.getAttribute('value')) ?? '' });
  const text = `psst ${Date.now()}`;
  await page.getByTestId('text-polling').fill(text);
  await page.getByTestId('send-polling').click();
  await expect(log(page, 'socketio').getByText(text)).toBeVisible();
  const barrier = `after dm ${Date.now()}`;
  await page.getByTestId('scope-polling').selectOption('all');
  await page.getByTestId('text-polling').fill(barrier);
  await page.getByTestId('send-polling').click();
  for (const t of ['ws', 'sockjs'] as const) {
    await expect(log(page, t).getByText(barrier)).toBeVisible();
    await expect(log(page, t).getByText(text)).toHaveCount(0);
  }
});

for (const t of TRANSPORTS) {
  test(`when the server drops the ${t} connection, the pane shows it and reconnects by itself`, async ({ page }) => {
    await openLab(page);
    await expect(page.getByTestId(`reconnects-${t}`)).toHaveText(/\b0\b/);
    const response = await page.request.post(`/api/admin/drop?transport=${t}`);
    expect(response.status()).toBe(200);
    // The disconnect shows in the pane's log, and the pane comes back without a click.
    await expect(log(page, t).locator('[data-kind="system"]').filter({ hasText: /disconnect|down|lost/i }).first()).toBeVisible();
    await expect(page.getByTestId(`reconnects-${t}`)).toHaveText(/\b1\b/);
    await expect(page.getByTestId(`state-${t}`)).toHaveAttribute('data-state', 'open');
    // And it works: a message from another pane reaches it.
    const other: Transport = t === 'ws' ? 'sockjs' : 'ws';
    const text = `back again ${t} ${Date.now()}`;
    await page.getByTestId(`text-${other}`).fill(text);
    await page.getByTestId(`send-${other}`).click();
    await expect(log(page, t).getByText(text)).toBeVisible();
  });
}
