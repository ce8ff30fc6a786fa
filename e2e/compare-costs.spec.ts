/**
 * The Compare view's cost sections in real Chromium: bytes per message by layer, idle cost,
 * connect cost and the polling sweep. Every wait is on the page's own completion signals
 * (`data-status`), never a fixed sleep.
 */
import { readFile } from 'node:fs/promises';
import { expect, test, type Locator, type Page } from '@playwright/test';
import { numberIn } from './support/table-cells';

const TRANSPORTS = ['polling', 'ws', 'sockjs', 'socketio'] as const;
const LAYERS = ['payload', 'framing', 'http', 'keepalive'] as const;

/** Waits until all four panes are connected (the cost buttons are enabled only then). */
async function ready(page: Page, button: string): Promise<Locator> {
  const b = page.getByTestId(button);
  await expect(b).toBeEnabled();
  return b;
}

test('bytes per message by layer: four layers add up to the total; polling pays HTTP per message, ws none', async ({ page }) => {
  await page.goto('/compare?messages=12&rate=20&size=64&poll=250&transports=polling,ws,sockjs,socketio&isolate=1&warmup=2');
  await (await ready(page, 'run-benchmark')).click();
  await expect(page.getByTestId('run-status')).toHaveAttribute('data-status', 'done', { timeout: 30_000 });
  const table = page.getByTestId('table-layers');
  const shown: Record<string, Record<string, number>> = {};
  for (const t of TRANSPORTS) {
    const row = table.getByTestId(`row-${t}`);
    shown[t] = {};
    for (const dir of ['in', 'out']) {
      let sum = 0;
      for (const layer of LAYERS) {
        const v = await numberIn(row.getByTestId(`${dir}-${layer}`));
        expect(v, `${t} ${dir} ${layer}`).toBeGreaterThanOrEqual(0);
        shown[t][`${dir}-${layer}`] = v;
        sum += v;
      }
      const total = await numberIn(row.getByTestId(`${dir}-total`));
      expect(total, `${t} ${dir} total`).toBeGreaterThan(0);
      // Each figure is rounded to 0.01 on its own: five roundings differ by at most 0.025.
      expect(Math.abs(sum - total), `${t} ${dir}: layers ${sum} vs total ${total}`).toBeLessThanOrEqual(0.025);
      // The same total as the wire table.
      await expect(page.getByTestId('table-wire').getByTestId(`row-${t}`).getByTestId(`bytes-${dir}`)).toHaveText(String(total));
    }
    expect(await numberIn(row.getByTestId('requests')), `${t} requests/msg`).toBeGreaterThanOrEqual(0);
  }
  // Polling carries HTTP headers with every send and poll; an open WebSocket none at all.
  expect(shown.polling['in-http']).toBeGreaterThan(0);
  expect(shown.polling['out-http']).toBeGreaterThan(0);
  expect(shown.ws['in-http']).toBe(0);
  expect(shown.ws['out-http']).toBe(0);
  expect(await numberIn(table.getByTestId('row-polling').getByTestId('requests'))).toBeGreaterThan(0);

  // The export carries the layer totals, which add up to the bytes exactly (integers).
  const downloading = page.waitForEvent('download');
  await page.getByTestId('export-json').click();
  const exported = JSON.parse(await readFile(await (await downloading).path(), 'utf8')) as {
    senders: { transport: string; wire: { bytesIn: number; bytesOut: number; layers: { in: Record<string, number>; out: Record<string, number>; inPerMessage: Record<string, number> } } }[];
  };
  for (const s of exported.senders) {
    const sum = (x: Record<string, number>) => LAYERS.reduce((n, l) => n + x[l], 0);
    expect(sum(s.wire.layers.in), `${s.transport} in`).toBe(s.wire.bytesIn);
    expect(sum(s.wire.layers.out), `${s.transport} out`).toBe(s.wire.bytesOut);
    for (const l of LAYERS) expect(s.wire.layers.inPerMessage[l]).toBe(shown[s.transport][`in-${l}`]);
  }
});

test('idle cost: polling keeps requesting while idle, a WebSocket does not', async ({ page }) => {
  await page.goto('/compare?poll=250');
  await page.getByTestId('idle-seconds').fill('3');
  await (await ready(page, 'measure-idle')).click();
  await expect(page.getByTestId('idle-status')).toHaveAttribute('data-status', 'done', { timeout: 15_000 });
  const table = page.getByTestId('table-idle');
  const pollingRate = await numberIn(table.getByTestId('row-polling').getByTestId('requests-per-min'));
  // One poll per (250 ms + its round trip): somewhere below 240 a minute, far above zero.
  expect(pollingRate).toBeGreaterThan(60);
  expect(pollingRate).toBeLessThanOrEqual(60_000 / 250 + 20);
  expect(await numberIn(table.getByTestId('row-polling').getByTestId('bytes-out-per-min'))).toBeGreaterThan(0);
  expect(await numberIn(table.getByTestId('row-ws').getByTestId('requests-per-min'))).toBe(0);
  for (const t of TRANSPORTS) expect(await numberIn(table.getByTestId(`row-${t}`).getByTestId('clients'))).toBe(1);
});

test('connect cost: a fresh client per transport, bytes and time until its welcome', async ({ page }) => {
  await page.goto('/compare?poll=250');
  await (await ready(page, 'measure-connect')).click();
  await expect(page.getByTestId('connect-status')).toHaveAttribute('data-status', 'done', { timeout: 30_000 });
  const table = page.getByTestId('table-connect');
  for (const t of TRANSPORTS) {
    const row = table.getByTestId(`row-${t}`);
    expect(await numberIn(row.getByTestId('bytes-in')), `${t} bytes in`).toBeGreaterThan(0);
    expect(await numberIn(row.getByTestId('bytes-out')), `${t} bytes out`).toBeGreaterThan(0);
    expect(await numberIn(row.getByTestId('requests')), `${t} requests`).toBeGreaterThanOrEqual(1);
    expect(await numberIn(row.getByTestId('ms')), `${t} ms`).toBeGreaterThan(0);
  }
  // A raw WebSocket connects with exactly one upgrade request (the pane's ws client is idle).
  expect(await numberIn(table.getByTestId('row-ws').getByTestId('requests'))).toBe(1);
});

test('polling sweep: latency grows with the interval and follows interval/2 + request round trip', async ({ page }) => {
  await page.goto('/compare?poll=500&sweep=250,1000&sweepMessages=6');
  await expect(page.getByTestId('sweep-intervals')).toHaveValue('250, 1000');
  await (await ready(page, 'run-sweep')).click();
  await expect(page.getByTestId('sweep-status')).toHaveAttribute('data-status', 'done', { timeout: 40_000 });
  const table = page.getByTestId('table-sweep');
  const mean: Record<number, number> = {};
  for (const interval of [250, 1000]) {
    const row = table.getByTestId(`row-${interval}`);
    await expect(row.getByTestId('received')).toHaveText('6 / 6');
    mean[interval] = await numberIn(row.getByTestId('mean'));
    const theory = await numberIn(row.getByTestId('theory'));
    const rtt = await numberIn(row.getByTestId('poll-request'));
    expect(rtt).toBeGreaterThan(0);
    expect(theory).toBeCloseTo(interval / 2 + rtt, 2);
    expect(mean[interval], `${interval} ms: measured ${mean[interval]} vs theory ${theory}`).toBeGreaterThan(theory * 0.65);
    expect(mean[interval], `${interval} ms: measured ${mean[interval]} vs theory ${theory}`).toBeLessThan(theory * 1.35);
    expect(await numberIn(row.getByTestId('requests-per-min'))).toBeGreaterThan(0);
  }
  expect(mean[1000]).toBeGreaterThan(mean[250]);
  // Fewer polls at the longer interval: fewer idle bytes.
  const bytes = async (i: number) => numberIn(table.getByTestId(`row-${i}`).getByTestId('bytes-out-per-min'));
  expect(await bytes(1000)).toBeLessThan(await bytes(250));

  // The sweep's JSON export holds the numbers on screen.
  const downloading = page.waitForEvent('download');
  await page.getByTestId('export-sweep-json').click();
  const exported = JSON.parse(await readFile(await (await downloading).path(), 'utf8')) as { kind: string; points: { intervalMs: number; meanMs: number }[] };
  expect(exported.kind).toBe('sweep');
  expect(exported.points.map((p) => [p.intervalMs, p.meanMs])).toEqual([
    [250, mean[250]],
    [1000, mean[1000]],
  ]);
});
