/**
 * The fault panel in real Chromium: faults injected on the server through the page's own buttons.
 */
import { expect, test, type Page } from '@playwright/test';

const TRANSPORTS = ['polling', 'ws', 'sockjs', 'socketio'] as const;

async function openLabWithPanel(page: Page): Promise<void> {
  await page.goto('/');
  for (const t of TRANSPORTS) await expect(page.getByTestId(`state-${t}`)).toHaveAttribute('data-state', 'open');
  await page.getByTestId('fault-panel-toggle').click();
  await expect(page.getByTestId('fault-clear')).toBeVisible();
}

const log = (page: Page, t: string) => page.getByTestId(`log-${t}`);

test.afterEach(async ({ request }) => {
  await request.delete('/api/admin/faults');
});

test('Drop on each transport: the pane reconnects by itself', async ({ page }) => {
  await openLabWithPanel(page);
  for (const t of TRANSPORTS) {
    await expect(page.getByTestId(`reconnects-${t}`)).toHaveText(/\b0\b/);
    await page.getByTestId(`fault-drop-${t}`).click();
    await expect(page.getByTestId(`reconnects-${t}`)).toHaveText(/\b1\b/);
    await expect(page.getByTestId(`state-${t}`)).toHaveAttribute('data-state', 'open');
  }
});

test('Stall on ws: a message sent meanwhile reaches the ws pane only after the stall', async ({ page, request }) => {
  await openLabWithPanel(page);
  await page.getByTestId('fault-stall-ws').click();
  await expect(page.getByTestId('fault-state-ws')).toHaveAttribute('data-state', 'stalled');
  const text = `through the stall ${Date.now()}`;
  await page.getByTestId('text-sockjs').fill(text);
  await page.getByTestId('send-sockjs').click();
  // The unstalled panes have it...
  await expect(log(page, 'sockjs').getByText(text)).toBeVisible();
  await expect(log(page, 'socketio').getByText(text)).toBeVisible();
  // ...the ws pane does not, and the server confirms the stall was still running when we looked.
  await expect(log(page, 'ws').getByText(text)).toHaveCount(0);
  const faults = (await (await request.get('/api/admin/faults')).json()) as {
    now: number;
    transports: { ws: { stalledUntil: number | null; held: number } };
  };
  expect(faults.transports.ws.stalledUntil, 'the stall outlived the check').not.toBeNull();
  expect(faults.transports.ws.held).toBeGreaterThan(0);
  // Then the stall ends on its own and the message arrives.
  await expect(log(page, 'ws').getByText(text)).toBeVisible();
  await expect(page.getByTestId('fault-state-ws')).toHaveAttribute('data-state', 'normal');
});

test('Latency on polling is shown, Clear ends it, Restart reconnects all four panes', async ({ page }) => {
  await openLabWithPanel(page);
  await page.getByTestId('fault-latency-polling').fill('300');
  await page.getByTestId('fault-jitter-polling').fill('50');
  await page.getByTestId('fault-apply-polling').click();
  await expect(page.getByTestId('fault-state-polling')).toHaveAttribute('data-state', 'delayed');
  await expect(page.getByTestId('fault-state-polling')).toContainText('300');
  await page.getByTestId('fault-clear').click();
  await expect(page.getByTestId('fault-state-polling')).toHaveAttribute('data-state', 'normal');
  await page.getByTestId('fault-restart').click();
  for (const t of TRANSPORTS) {
    await expect(page.getByTestId(`reconnects-${t}`)).toHaveText(/\b1\b/);
    await expect(page.getByTestId(`state-${t}`)).toHaveAttribute('data-state', 'open');
  }
});
