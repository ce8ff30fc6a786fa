/**
 * What the CLI takes from the /compare page: the files its export buttons download, and pictures
 * of a region of it. Reads what the page shows; measures nothing.
 */
import { readFile } from 'node:fs/promises';
import type { Locator, Page } from '@playwright/test';

/** Progress as the page shows it: `phase` is the benchmark or one cost measurement. */
export interface PageProgress {
  phase: 'messages' | 'idle' | 'connect' | 'sweep';
  /** 0-1. */
  fraction: number;
  /** The page's own status line. */
  text: string;
}

/**
 * Clicks an export button and returns the text of the file it downloads.
 * @param testId the button's test id (`export-json`, `export-sweep-csv`, …)
 */
export async function downloadText(page: Page, testId: string): Promise<string> {
  const downloading = page.waitForEvent('download');
  await page.getByTestId(testId).click();
  const download = await downloading;
  const failure = await download.failure();
  if (failure) throw new Error(`the ${testId} download failed: ${failure}`);
  return readFile(await download.path(), 'utf8');
}

interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** An element's box in page coordinates (scrolled-past parts included), for a full-page clip. */
function pageBox(locator: Locator): Promise<Box> {
  // Locator code rather than DOM types: scripts/ compile without the DOM library.
  return locator.evaluate((el: unknown) => {
    const r = (el as { getBoundingClientRect(): Box }).getBoundingClientRect();
    const view = globalThis as unknown as { scrollX: number; scrollY: number };
    return { x: r.x + view.scrollX, y: r.y + view.scrollY, width: r.width, height: r.height };
  });
}

/**
 * A PNG of the page from the top of `first` to the bottom of `last`, as wide as the wider of the
 * two: one picture of several sections that have no common element of their own.
 */
export async function regionScreenshot(page: Page, first: Locator, last: Locator): Promise<Buffer> {
  const [a, b] = [await pageBox(first), await pageBox(last)];
  const x = Math.floor(Math.min(a.x, b.x));
  const y = Math.floor(a.y);
  const clip = { x, y, width: Math.ceil(Math.max(a.x + a.width, b.x + b.width)) - x, height: Math.ceil(b.y + b.height) - y };
  return page.screenshot({ fullPage: true, clip, animations: 'disabled' });
}
