/**
 * Runs one benchmark on the /compare page in headless Chromium, exactly as a person would: the
 * scenario in the URL, a click on Run, then the page's own JSON and CSV exports; then, on the same
 * page, each cost measurement asked for (cost-run.ts), and a screenshot of everything it showed.
 * Nothing is measured here: every number comes from the page.
 */
import { isDeepStrictEqual } from 'node:util';
import { chromium } from '@playwright/test';
import { decodeScenario, encodeScenario, type Scenario } from '../../measure/scenario';
import { COST_CONTROLS, type CostKind } from './cost-plan';
import { runCostOnPage, type CostDownload } from './cost-run';
import { downloadText, regionScreenshot, type PageProgress } from './page-capture';

export type { PageProgress } from './page-capture';

/** What to run on the page. */
export interface PageRunRequest {
  /** The benchmark; with `costs` holding `sweep`, its `sweep` is the sweep to run. */
  scenario: Scenario;
  /** Cost measurements to run after the benchmark, in this order. */
  costs: readonly CostKind[];
  idleSeconds: number;
  /** The page's language (`?lang=`), so charts.png reads like report.html. */
  lang: string;
}

/** What the page handed over. */
export interface PageRunOutput {
  /** The page's JSON export, as downloaded. */
  json: string;
  /** The page's CSV export, as downloaded. */
  csv: string;
  /** Each cost measurement's JSON and CSV exports, in the order they ran. */
  costs: CostDownload[];
  /** The results section (tables and charts), down to the last cost section when costs ran, as PNG. */
  screenshot: Buffer;
  browserVersion: string;
  pageUrl: string;
}

/** Switches Debian's Chromium needs here (see PITFALLS.md: no sandbox, no network chatter). */
const CHROMIUM_ARGS = ['--no-sandbox', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'];

/**
 * Opens `/compare?<scenario>`, runs it and the requested cost measurements, and collects the exports.
 * @param onProgress called about every 250 ms while the benchmark or a measurement goes on
 * @param onCleanup receives a function that closes the browser, for the caller's deadline
 */
export async function runOnComparePage(
  baseUrl: string,
  { scenario, costs, idleSeconds, lang }: PageRunRequest,
  chromiumPath: string,
  onProgress: (p: PageProgress) => void,
  onCleanup: (close: () => Promise<void>) => void,
): Promise<PageRunOutput> {
  const browser = await chromium.launch({ executablePath: chromiumPath, args: CHROMIUM_ARGS });
  onCleanup(() => browser.close());
  try {
    const context = await browser.newContext({ acceptDownloads: true, viewport: { width: 1400, height: 900 } });
    const page = await context.newPage();
    // Run ends in minutes, not the default 30 s per action: the caller's --timeout bounds the whole.
    page.setDefaultTimeout(0);
    await page.goto(`${baseUrl}/compare?${encodeScenario(scenario)}&lang=${encodeURIComponent(lang)}`);
    const run = page.getByTestId('run-benchmark');
    await run.waitFor();
    // The page decodes the URL forgivingly (clamping, defaults); make sure it runs what we asked for.
    const onPage = decodeScenario(new URL(page.url()).search);
    if (!isDeepStrictEqual(onPage, scenario)) {
      throw new Error(`the page reads a different scenario: ${JSON.stringify(onPage)} (asked ${JSON.stringify(scenario)})`);
    }
    // Enabled once every selected pane's client is connected.
    while (!(await run.isEnabled())) await page.waitForTimeout(100);
    await run.click();

    const status = page.getByTestId('run-status');
    let state = 'idle';
    while (!['done', 'failed', 'cancelled'].includes(state)) {
      await page.waitForTimeout(250);
      // Locator reads rather than DOM code: scripts/ compile without the DOM library.
      const seen = {
        state: (await status.getAttribute('data-status')) ?? 'idle',
        fraction: await status.locator('progress').evaluate((el: unknown) => (el as { value: number }).value),
        text: (await status.locator('p').textContent()) ?? '',
      };
      state = seen.state;
      onProgress({ phase: 'messages', fraction: seen.fraction, text: seen.text });
    }
    if (state !== 'done') {
      const text = (await status.locator('p').textContent()) ?? '';
      throw new Error(`the page's run ended as "${state}": ${text}`);
    }

    const json = await downloadText(page, 'export-json');
    const csv = await downloadText(page, 'export-csv');
    // One after another: each one's window must hold none of the others' traffic (the page
    // also refuses to start one while another runs).
    const downloads: CostDownload[] = [];
    for (const kind of costs) downloads.push(await runCostOnPage(page, kind, idleSeconds, onProgress));

    const results = page.getByTestId('results');
    const last = costs.at(-1);
    // One picture from the benchmark's results down to the last cost section: the cost sections
    // sit below the results, outside their element, and share no element of their own with them.
    // The export clicks leave the pointer where a chart tooltip would show up in the picture.
    await page.mouse.move(0, 0);
    const screenshot = last
      ? await regionScreenshot(page, results, page.locator('section').filter({ has: page.getByTestId(COST_CONTROLS[last].table) }))
      : await results.screenshot({ animations: 'disabled' });
    return { json, csv, costs: downloads, screenshot, browserVersion: browser.version(), pageUrl: page.url() };
  } finally {
    await browser.close();
  }
}
