/** Plain-text tables for the terminal: the first column left-aligned, the others right-aligned. */

/**
 * Lays out a header, a dashed rule and the rows in columns two spaces apart, each as wide as
 * its widest cell.
 * @param rows cells already formatted (numbers to their digits)
 */
export function textTable(header: string[], rows: string[][]): string {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((row) => (row[i] ?? '').length)));
  const line = (cells: string[]) => cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join('  ').trimEnd();
  return [line(header), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(line)].join('\n');
}
