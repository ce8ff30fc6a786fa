/** Clock times in the reader's language (24 h: the same in a classroom anywhere), one formatter per locale. */

const timeFormats = new Map<string, Intl.DateTimeFormat>();

/** `14:03:07` for `ms` (epoch milliseconds) in `locale`. */
export function formatClockTime(locale: string, ms: number): string {
  let format = timeFormats.get(locale);
  if (!format) {
    format = new Intl.DateTimeFormat(locale, { hour: '2-digit', minute: '2-digit', second: '2-digit', hour12: false });
    timeFormats.set(locale, format);
  }
  return format.format(ms);
}
