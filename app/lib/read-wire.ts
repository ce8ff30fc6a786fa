/** Reads the server's wire counters (`GET /api/metrics/wire`, protocol/wire-metrics.ts) from the page. */
import type { WireMetricsResponse } from '../../protocol';

export const WIRE_METRICS_URL = '/api/metrics/wire';

/** One reading; never cached. @throws on a non-2xx answer */
export async function readWire(): Promise<WireMetricsResponse> {
  const res = await fetch(WIRE_METRICS_URL, { cache: 'no-store' });
  if (!res.ok) throw new Error(`GET ${WIRE_METRICS_URL}: HTTP ${res.status}`);
  return (await res.json()) as WireMetricsResponse;
}
