/**
 * Each library's variants in real Chromium: a pane switched to a variant connects over that
 * sub-transport (the pane says which) and delivers both ways; the Compare view measures
 * variants as columns of their own.
 */
import { expect, test, type Page } from '@playwright/test';
import { numberIn } from './support/table-cells';

const TRANSPORTS = ['polling', 'ws', 'sockjs', 'socketio'] as const;

/** Every variant lane, with the sub-transport the library ends up on. */
const VARIANTS = [
  { pane: 'socketio', lane: 'socketio:polling', via: 'polling' },
  { pane: 'socketio', lane: 'socketio:upgrade', via: 'websocket' },
  { pane: 'sockjs', lane: 'sockjs:xhr-streaming', via: 'xhr-streaming' },
  { pane: 'sockjs', lane: 'sockjs:xhr-polling', via: 'xhr-polling' },
  { pane: 'sockjs', lane: 'sockjs:eventsource', via: 'eventsource' },
  // In an iframe the Lab serves, with its local copy of sockjs-client: no CDN needed.
  { pane: 'sockjs', lane: 'sockjs:iframe-eventsource', via: 'iframe-eventsource' },
  { pane: 'sockjs', lane: 'sockjs:iframe-htmlfile', via: 'iframe-htmlfile' },
  { pane: 'sockjs', lane: 'sockjs:iframe-xhr-polling', via: 'iframe-xhr-polling' },
] as const;

async function openLab(page: Page): Promise<void> {
  await page.goto('/');
  for (const t of TRANSPORTS) await expect(page.getByTestId(`state-${t}`)).toHaveAttribute('data-state', 'open');
}

/** Sends `text` from one pane to everyone and waits until `to` shows it. */
async function deliver(page: Page, from: string, to: string, text: string): Promise<void> {
  await page.getByTestId(`text-${from}`).fill(text);
  await page.getByTestId(`send-${from}`).click();
  await expect(page.getByTestId(`log-${to}`).getByText(text)).toBeVisible();
}

test('each variant connects over its own sub-transport and delivers both ways', async ({ page }) => {
  test.setTimeout(90_000);
  await openLab(page);
  for (const { pane, lane, via } of VARIANTS) {
    await page.getByTestId(`variant-${pane}`).selectOption(lane);
    await expect(page.getByTestId(`via-${pane}`)).toHaveText(via, { timeout: 15_000 });
    await expect(page.getByTestId(`state-${pane}`)).toHaveAttribute('data-state', 'open');
    // Out over the variant, and back in over it from a raw WebSocket pane.
    await deliver(page, pane, 'ws', `out over ${lane} ${Date.now()}`);
    await deliver(page, 'ws', pane, `in over ${lane} ${Date.now()}`);
    // The lane tag reached the server on every request, the iframe's own included: the lane has its bucket.
    const wire = (await (await page.request.get('/api/metrics/wire')).json()) as { buckets: Record<string, { requests: number }> };
    if (lane.startsWith('sockjs:')) expect(wire.buckets[lane].requests, `${lane} requests counted in its own bucket`).toBeGreaterThan(1);
  }
  // The upgrade was seen happening, and the pane's log says so.
  await page.getByTestId('variant-socketio').selectOption('socketio:upgrade');
  await expect(page.getByTestId('log-socketio').getByText(/polling.*websocket/)).toBeVisible({ timeout: 15_000 });
  // The pane's own timeline shows the handshake over polling, the probe and the switch.
  await page.getByTestId('pane-timeline-socketio').locator('summary').click();
  const socketIo = page.getByTestId('pane-timeline-chart-socketio').getByTestId('timeline-lane-socketio:upgrade').locator('title');
  await expect(socketIo.filter({ hasText: 'EIO ping probe' }).first()).toBeAttached({ timeout: 10_000 });
  await expect(socketIo.filter({ hasText: 'EIO upgrade' }).first()).toBeAttached();
  await expect(page.getByTestId('pane-timeline-chart-socketio').getByTestId('timeline-welcome')).toHaveCount(1);
  // SockJS's: /info first, then its sub-transport.
  await page.getByTestId('variant-sockjs').selectOption('sockjs:eventsource');
  await expect(page.getByTestId('via-sockjs')).toHaveText('eventsource', { timeout: 15_000 });
  await page.getByTestId('pane-timeline-sockjs').locator('summary').click();
  const sockjs = page.getByTestId('pane-timeline-chart-sockjs').getByTestId('timeline-lane-sockjs:eventsource').locator('title');
  await expect(sockjs.filter({ hasText: 'SockJS /info' }).first()).toBeAttached({ timeout: 10_000 });
  await expect(sockjs.filter({ hasText: 'eventsource' }).first()).toBeAttached();
});

test('the Compare view measures variants as columns of their own, and draws how each connected', async ({ page }) => {
  test.setTimeout(150_000);
  const lanes = ['ws', 'socketio:polling', 'sockjs:xhr-streaming', 'sockjs:eventsource'];
  await page.goto(`/compare?messages=20&rate=20&size=64&poll=500&transports=${lanes.join(',')}&isolate=1&warmup=2`);
  for (const lane of lanes) await expect(page.getByTestId(`scenario-transport-${lane}`)).toBeChecked();
  // Three variants that hold a request are the limit: the fourth cannot be added.
  await expect(page.getByTestId('held-limit')).toBeVisible();
  await expect(page.getByTestId('scenario-transport-sockjs:xhr-polling')).toBeDisabled();
  const run = page.getByTestId('run-benchmark');
  await expect(run).toBeEnabled({ timeout: 20_000 });
  await run.click();
  await expect(page.getByTestId('run-status')).toHaveAttribute('data-status', 'done', { timeout: 60_000 });
  const wire = page.getByTestId('table-wire');
  const requests: Record<string, number> = {};
  for (const lane of lanes) {
    await expect(page.getByTestId(`delivered-${lane}`)).toHaveText(`${lanes.length * 20} / ${lanes.length * 20}`);
    const row = wire.getByTestId(`row-${lane}`);
    expect(await numberIn(row.getByTestId('bytes-in')), `${lane} bytes in`).toBeGreaterThan(0);
    requests[lane] = await numberIn(row.getByTestId('requests'));
  }
  // A WebSocket sends frames, not requests; the HTTP variants make about one or more per message (a send each, fewer when the library batches).
  expect(requests.ws).toBe(0);
  for (const lane of lanes.slice(1)) expect(requests[lane], `${lane} requests per message`).toBeGreaterThan(0.5);

  // Connect cost covers the four transports and the picked variants, each with its timeline.
  const measure = page.getByTestId('measure-connect');
  await expect(measure).toBeEnabled({ timeout: 20_000 });
  await measure.click();
  await expect(page.getByTestId('connect-status')).toHaveAttribute('data-status', 'done', { timeout: 60_000 });
  const timeline = page.getByTestId('connect-timeline');
  for (const lane of ['polling', 'ws', 'sockjs', 'socketio', ...lanes.slice(1)]) {
    await expect(page.getByTestId('table-connect').getByTestId(`row-${lane}`)).toBeVisible();
    await expect(timeline.getByTestId(`timeline-lane-${lane}`)).toBeVisible();
  }
  await expect(timeline.getByTestId('timeline-lane-sockjs:xhr-streaming').locator('title').filter({ hasText: 'SockJS /info' }).first()).toBeAttached();
  await expect(timeline.getByTestId('timeline-welcome')).toHaveCount(7);
});

test('/inspector draws the negotiation of every lane, variants included, when asked', async ({ page }) => {
  test.setTimeout(120_000);
  await page.goto('/inspector');
  await page.getByTestId('timeline-variants').check();
  await page.getByTestId('timeline-run').click();
  const timeline = page.getByTestId('negotiation-timeline');
  await expect(timeline).toBeVisible({ timeout: 90_000 });
  // Twelve fresh clients, twelve welcomes; long-polling shows its polls, an iframe variant its iframe.
  await expect(timeline.getByTestId('timeline-welcome')).toHaveCount(12);
  const marks = (lane: string) => timeline.getByTestId(`timeline-lane-${lane}`).locator('title');
  await expect(marks('socketio:polling').filter({ hasText: 'GET /rt/socket.io/' }).first()).toBeAttached();
  await expect(marks('sockjs:iframe-htmlfile').filter({ hasText: 'iframe.html' }).first()).toBeAttached();
  // htmlfile's frames come inside script tags, and the inspector reads them: the welcome among them.
  await expect(timeline.getByTestId('timeline-lane-sockjs:iframe-htmlfile').getByTestId('timeline-welcome')).toHaveCount(1);
  await expect(marks('sockjs:xhr-streaming').filter({ hasText: 'xhr_streaming' }).first()).toBeAttached();
});
