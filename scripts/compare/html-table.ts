/** HTML pieces of the self-contained report: escaping, locale numbers and a plain table. */
import { formatNumber } from '../../app/lib/number-format';

/** Escapes text for HTML element content and double-quoted attributes. */
export const esc = (s: string | number) => String(s).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/**
 * A number as the report's reader writes it (digit grouping per `locale`), to the thousandth:
 * the page's exports carry at most three decimals.
 */
export const num = (locale: string, v: number) => formatNumber(locale, v, 3);

/** Milliseconds as seconds with exactly `digits` decimals, per `locale`. */
export const formatSeconds = (locale: string, ms: number, digits: number) =>
  new Intl.NumberFormat(locale, { minimumFractionDigits: digits, maximumFractionDigits: digits }).format(ms / 1000);

/**
 * A table with a caption; each row's first cell is its header. Number cells are written per
 * `locale` (Intl); strings as given.
 * @param id the table's `id`, for links and tests to find it
 */
export function table(locale: string, caption: string, header: string[], rows: (string | number)[][], id?: string): string {
  const text = (c: string | number) => esc(typeof c === 'number' ? num(locale, c) : c);
  const th = header.map((h) => `<th>${esc(h)}</th>`).join('');
  const tr = rows.map((r) => `<tr>${r.map((c, i) => (i === 0 ? `<th>${text(c)}</th>` : `<td>${text(c)}</td>`)).join('')}</tr>`).join('');
  const idAttr = id === undefined ? '' : ` id="${esc(id)}"`;
  return `<table${idAttr}><caption>${esc(caption)}</caption><thead><tr>${th}</tr></thead><tbody>${tr}</tbody></table>`;
}
