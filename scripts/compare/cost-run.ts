/**
 * Runs one of the /compare page's cost measurements (idle cost, connect cost, polling sweep) as a
 * person would: its input set, its button clicked once the panes are connected, its `data-status`
 * watched until done, then its own JSON and CSV exports downloaded. Every number comes from the page.
 */
import type { Page } from '@playwright/test';
import { COST_CONTROLS, type CostKind } from './cost-plan';
import { downloadText, type PageProgress } from './page-capture';

/** One measurement's exports, as downloaded. */
export interface CostDownload {
  kind: CostKind;
  json: string;
  csv: string;
}

const FINISHED = ['done', 'failed', 'cancelled'];

/**
 * Runs `kind` on a /compare page whose benchmark has finished (or never started).
 * @param idleSeconds typed into the idle window field when `kind` is `idle`
 * @param onProgress called about every 250 ms while it runs
 * @throws when the page's measurement ends other than `done`
 */
export async function runCostOnPage(page: Page, kind: CostKind, idleSeconds: number, onProgress: (p: PageProgress) => void): Promise<CostDownload> {
  const controls = COST_CONTROLS[kind];
  if (kind === 'idle') {
    const field = page.getByTestId('idle-seconds');
    await field.fill(String(idleSeconds));
    // The field clamps what it is given; make sure it holds what we asked for.
    const shown = await field.inputValue();
    if (shown !== String(idleSeconds)) throw new Error(`the idle window field shows "${shown}", not ${idleSeconds}`);
  }
  const button = page.getByTestId(controls.button);
  // Enabled once all four panes are connected and no other measurement runs; after the sweep the
  // polling pane reconnects at the scenario's interval, so this wait matters between measurements.
  while (!(await button.isEnabled())) await page.waitForTimeout(100);
  await button.click();
  const clicked = Date.now();

  const status = page.getByTestId(controls.status);
  let state = 'running';
  while (!FINISHED.includes(state)) {
    await page.waitForTimeout(250);
    // The status line appears with the first render after the click.
    if ((await status.count()) === 0) continue;
    // One read of the element: separate reads could straddle a re-render and pair one step's
    // count with the next step's words.
    const seen = await status.evaluate((el: unknown) => {
      const node = el as { getAttribute(name: string): string | null; querySelector(sel: string): { textContent: string | null } | null };
      return { state: node.getAttribute('data-status'), done: node.getAttribute('data-done'), total: node.getAttribute('data-total'), text: node.querySelector('p')?.textContent ?? '' };
    });
    state = seen.state ?? 'running';
    const [done, total, text] = [Number(seen.done), Number(seen.total), seen.text];
    // The idle window reports no steps: its progress is the time gone out of the window asked for.
    const fraction = total > 0 ? done / total : kind === 'idle' ? Math.min(0.99, (Date.now() - clicked) / (idleSeconds * 1000)) : 0;
    onProgress({ phase: kind, fraction: state === 'done' ? 1 : fraction, text });
  }
  if (state !== 'done') {
    const text = (await status.locator('p').textContent()) ?? '';
    throw new Error(`the page's ${controls.label} ended as "${state}": ${text}`);
  }
  const json = await downloadText(page, `export-${kind}-json`);
  const csv = await downloadText(page, `export-${kind}-csv`);
  return { kind, json, csv };
}
