/** Numbers in the reader’s language, through Intl.NumberFormat: digit grouping and decimals per locale. */

const formats = new Map<string, Intl.NumberFormat>();

/**
 * Formats `value` with at most `maxDigits` decimals, grouped the way `locale` groups digits.
 * @param locale a BCP 47 tag (the catalogue's `locale`)
 */
export function formatNumber(locale: string, value: number, maxDigits = 0): string {
  const key = `${locale}|${maxDigits}`;
  let format = formats.get(key);
  if (!format) {
    format = new Intl.NumberFormat(locale, { maximumFractionDigits: maxDigits, minimumFractionDigits: 0 });
    formats.set(key, format);
  }
  return format.format(value);
}
