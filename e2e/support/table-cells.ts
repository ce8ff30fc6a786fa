/** Reading the Compare view's result tables in e2e specs. */
import { expect, type Locator } from '@playwright/test';

/** The number a table cell shows; fails the test when the cell is empty or not a finite number. */
export async function numberIn(cell: Locator): Promise<number> {
  const text = (await cell.textContent())?.trim() ?? '';
  expect(text, 'cell is not empty').not.toBe('');
  const value = Number(text);
  expect(Number.isFinite(value), `"${text}" is a finite number`).toBe(true);
  return value;
}
