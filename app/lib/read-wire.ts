/**
 * Reads the server's wire counters (`GET /api/metrics/wire`, protocol/wire-metrics.ts) and the
 * wire inspector's log (`GET /api/wire/log`) from the page.
 */
import type { LaneId, WireLogPage, WireMetricsResponse } from '../../protocol';

export const WIRE_METRICS_URL = '/api/metrics/wire';

/** One reading; never cached. @throws on a non-2xx answer */
export async function readWire(): Promise<WireMetricsResponse> {
  const res = await fetch(WIRE_METRICS_URL, { cache: 'no-store' });
  if (!res.ok) throw new Error(`GET ${WIRE_METRICS_URL}: HTTP ${res.status}`);
  return (await res.json()) as WireMetricsResponse;
}

/** `GET /api/wire/log`; undefined when this server has no inspector route. */
export async function readWireLog(since: number, lane?: LaneId): Promise<WireLogPage | undefined> {
  const query = new URLSearchParams({ since: String(since) });
  if (lane) query.set('transport', lane);
  const res = await fetch(`/api/wire/log?${query}`, { cache: 'no-store' });
  if (res.status === 404) return undefined;
  if (!res.ok) throw new Error(`GET /api/wire/log: HTTP ${res.status}`);
  return (await res.json()) as WireLogPage;
}
