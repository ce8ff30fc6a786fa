/**
 * A negotiation timeline as plain data: one fresh client's units from its first request to a
 * little after its welcome, on the server's clock, small enough to export with a measurement and
 * draw in the page and in `npm run compare`'s HTML report alike. Node-free.
 */
import type { WireRecord, WireUnitKind } from '../protocol';

/** One unit of a client's negotiation. */
export interface NegotiationMark {
  /** ms after the client's first unit, server clock. */
  atMs: number;
  dir: 'in' | 'out';
  kind: WireUnitKind;
  bytes: number;
  /** The inspector's one-line reading, e.g. `GET /rt/sockjs/info → 200`. */
  summary: string;
  /** True for the unit that carried the client's welcome. */
  welcome: boolean;
}

/** At most this many marks per client: a timeline is a picture, not the log (the inspector has that). */
export const MAX_NEGOTIATION_MARKS = 120;

/**
 * The marks of one client's records (already picked out of the log, in order).
 * @param records the client's units, oldest first
 */
export function negotiationMarks(records: readonly WireRecord[]): NegotiationMark[] {
  if (records.length === 0) return [];
  const t0 = records[0].at;
  return records.slice(0, MAX_NEGOTIATION_MARKS).map((r) => ({
    atMs: Math.round((r.at - t0) * 1000) / 1000,
    dir: r.dir,
    kind: r.kind,
    bytes: r.bytes,
    summary: r.summary,
    welcome: r.decoded.some((p) => p.type === 'welcome'),
  }));
}
