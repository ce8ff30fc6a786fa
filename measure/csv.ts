/**
 * The CSV layout every export shares (a benchmark run, each cost measurement): one row per
 * figure, `section, transport, metric, value, unit`, so they can be joined into one sheet.
 */

/** One figure: section, transport, metric, value, unit. */
export type CsvRow = (string | number)[];

/** The header row of every export. */
const CSV_HEADER: CsvRow = ['section', 'transport', 'metric', 'value', 'unit'];

function csvCell(value: string | number): string {
  const text = String(value);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** The header, then `rows`, as CSV text (RFC 4180 quoting, a newline after every row). */
export function toCsv(rows: CsvRow[]): string {
  return [CSV_HEADER, ...rows].map((row) => row.map(csvCell).join(',')).join('\n') + '\n';
}
