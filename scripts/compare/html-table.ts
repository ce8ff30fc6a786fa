/** HTML pieces of the self-contained report: escaping and a plain table. */

/** Escapes text for HTML element content and double-quoted attributes. */
export const esc = (s: string | number) => String(s).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/**
 * A table with a caption; each row's first cell is its header.
 * @param id the table's `id`, for links and tests to find it
 */
export function table(caption: string, header: string[], rows: (string | number)[][], id?: string): string {
  const th = header.map((h) => `<th>${esc(h)}</th>`).join('');
  const tr = rows.map((r) => `<tr>${r.map((c, i) => (i === 0 ? `<th>${esc(c)}</th>` : `<td>${esc(c)}</td>`)).join('')}</tr>`).join('');
  const idAttr = id === undefined ? '' : ` id="${esc(id)}"`;
  return `<table${idAttr}><caption>${esc(caption)}</caption><thead><tr>${th}</tr></thead><tbody>${tr}</tbody></table>`;
}
