/** Reading the wire inspector's log to its end, page by page (`GET /api/wire/log`). Node-free. */
import type { WireLogPage, WireRecord } from '../protocol';

/** Reads one page from `since`; undefined when the server has no inspector route. */
export type WireLogSource = (since: number) => Promise<WireLogPage | undefined>;

/**
 * Every record after `since`, and where to read on from; undefined when the server has no
 * inspector or runs it off.
 */
export async function readWholeLog(read: WireLogSource, since: number): Promise<{ records: WireRecord[]; next: number } | undefined> {
  const records: WireRecord[] = [];
  let cursor = since;
  for (;;) {
    const page = await read(cursor);
    if (!page || !page.enabled) return undefined;
    records.push(...page.records);
    // A filtered page can be empty and still move the cursor: only a cursor that stays put is the end.
    if (page.next === cursor) return { records, next: page.next };
    cursor = page.next;
  }
}

/**
 * Where the log ends now, without reading it: a cursor beyond the end makes the server answer
 * with its last seq. Undefined when the server has no inspector or runs it off.
 */
export async function endOfLog(read: WireLogSource): Promise<{ records: WireRecord[]; next: number } | undefined> {
  return readWholeLog(read, Number.MAX_SAFE_INTEGER);
}
