/**
 * The Compare view in real Chromium: a short isolated run over all four transports, checked
 * against its own tables and its JSON export.
 */
import { readFile } from 'node:fs/promises';
import { expect, test } from '@playwright/test';
import { needsLogScale } from '../app/lib/log-scale';
import { numberIn } from './support/table-cells';

const TRANSPORTS = ['polling', 'ws', 'sockjs', 'socketio'] as const;
const SCENARIO = 'messages=40&rate=20&size=64&poll=500&transports=polling,ws,sockjs,socketio&isolate=1&warmup=5';

test('a short isolated run measures every transport and exports what it shows', async ({ page }) => {
  test.setTimeout(60_000);
  await page.goto(`/compare?${SCENARIO}`);
  // The form reflects the URL.
  await expect(page.getByTestId('scenario-messages')).toHaveValue('40');
  await expect(page.getByTestId('scenario-pollIntervalMs')).toHaveValue('500');
  const run = page.getByTestId('run-benchmark');
  await expect(run).toBeEnabled();
  await run.click();
  await expect(page.getByTestId('run-status')).toHaveAttribute('data-status', 'done', { timeout: 45_000 });

  // Every message reached every pane: 4 senders × 40 messages, each copy to each pane.
  for (const t of TRANSPORTS) {
    const cell = page.getByTestId(`delivered-${t}`);
    await expect(cell).toHaveText('160 / 160');
  }

  const latency = page.getByTestId('table-latency');
  const wire = page.getByTestId('table-wire');
  const shown: Record<string, Record<string, number>> = {};
  for (const t of TRANSPORTS) {
    const row = latency.getByTestId(`row-${t}`);
    const wireRow = wire.getByTestId(`row-${t}`);
    shown[t] = {};
    for (const col of ['samples', 'mean', 'p50', 'p90', 'p95', 'p99', 'max']) {
      shown[t][col] = await numberIn(row.getByTestId(col));
      expect(shown[t][col], `${t} ${col}`).toBeGreaterThan(0);
    }
    expect(shown[t].samples).toBe(35);
    for (const col of ['bytes-in', 'bytes-out']) {
      shown[t][col] = await numberIn(wireRow.getByTestId(col));
      expect(shown[t][col], `${t} ${col}`).toBeGreaterThan(0);
    }
  }
  // Polling pays HTTP headers on every send and every poll; a raw WebSocket only frames.
  expect(shown.polling['bytes-in'] + shown.polling['bytes-out']).toBeGreaterThan(shown.ws['bytes-in'] + shown.ws['bytes-out']);

  // Half the polling interval on average, plus one polling request's round trip in this run.
  const pollRtt = Number(await page.getByTestId('poll-request').getAttribute('data-mean-ms'));
  expect(pollRtt).toBeGreaterThan(0);
  const expected = 250 + pollRtt;
  expect(shown.polling.mean).toBeGreaterThan(expected * 0.8);
  expect(shown.polling.mean).toBeLessThan(expected * 1.2);

  // The latency chart starts on a log axis exactly when its bars span more than 100×; the switch flips it.
  const latencyChart = page.locator('section', { has: page.getByTestId('table-latency') }).locator('[data-scale]');
  const bars = TRANSPORTS.flatMap((t) => [shown[t].p50, shown[t].p95, shown[t].p99]);
  await expect(latencyChart).toHaveAttribute('data-scale', needsLogScale(bars) ? 'log' : 'linear');
  await page.locator('section', { has: page.getByTestId('table-latency') }).getByTestId('log-scale').click();
  await expect(latencyChart).toHaveAttribute('data-scale', needsLogScale(bars) ? 'linear' : 'log');

  // The JSON export holds exactly the numbers on screen.
  const downloading = page.waitForEvent('download');
  await page.getByTestId('export-json').click();
  const file = await (await downloading).path();
  const exported = JSON.parse(await readFile(file, 'utf8')) as {
    senders: { transport: string; roundTrip: Record<string, number>; wire: Record<string, number> }[];
  };
  for (const s of exported.senders) {
    const row = shown[s.transport];
    expect([s.roundTrip.count, s.roundTrip.meanMs, s.roundTrip.p50Ms, s.roundTrip.p99Ms, s.roundTrip.maxMs]).toEqual([
      row.samples,
      row.mean,
      row.p50,
      row.p99,
      row.max,
    ]);
    expect([s.wire.bytesInPerMessage, s.wire.bytesOutPerMessage]).toEqual([row['bytes-in'], row['bytes-out']]);
  }
  expect(exported.senders.map((s) => s.transport)).toEqual([...TRANSPORTS]);
});

test('side by side: the form writes the URL, all four send at once, and every copy arrives', async ({ page }) => {
  await page.goto('/compare?messages=20&rate=20&size=32&poll=250&warmup=2');
  await page.getByTestId('scenario-side-by-side').check();
  await expect(page).toHaveURL(/isolate=0/);
  await page.getByTestId('scenario-messages').fill('24');
  await expect(page).toHaveURL(/messages=24/);
  await page.getByTestId('run-benchmark').click();
  await expect(page.getByTestId('run-status')).toHaveAttribute('data-status', 'done', { timeout: 30_000 });
  for (const t of TRANSPORTS) await expect(page.getByTestId(`delivered-${t}`)).toHaveText('96 / 96');
});

test('Cancel stops a run', async ({ page }) => {
  await page.goto('/compare?messages=2000&rate=10&transports=ws&warmup=0');
  await page.getByTestId('run-benchmark').click();
  await expect(page.getByTestId('run-status')).toHaveAttribute('data-status', 'running');
  await page.getByTestId('cancel-benchmark').click();
  await expect(page.getByTestId('run-status')).toHaveAttribute('data-status', 'cancelled');
  await expect(page.getByTestId('results')).toHaveCount(0);
});
