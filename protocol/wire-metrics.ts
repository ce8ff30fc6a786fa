/**
 * Wire metrics as served by `GET /api/metrics/wire`: bytes on the server's TCP sockets, per
 * bucket. Node-free, so the page's charts and the server share one definition.
 */
import { TRANSPORT_IDS } from './transports';

/** Where wire bytes are attributed: one of the four transports, the pages, or the small API. */
export const WIRE_BUCKETS = [...TRANSPORT_IDS, 'page', 'api'] as const;

/** One bucket id: `polling`, `ws`, `sockjs`, `socketio`, `page` (pages, assets, Next) or `api` (/api, /healthz). */
export type WireBucket = (typeof WIRE_BUCKETS)[number];

/** Totals of one bucket since `since`. */
export interface WireBucketTotals {
  /** TCP payload bytes the server read (client → server). */
  bytesIn: number;
  /** TCP payload bytes the server wrote (server → client). */
  bytesOut: number;
  /** HTTP requests routed to the bucket (upgrade requests not included). */
  requests: number;
  /** Upgrade requests (WebSocket handshakes) routed to the bucket. */
  upgrades: number;
  /** Distinct TCP connections that carried any of the bucket's traffic (a keep-alive one may count in two). */
  connections: number;
}

/** Body of `GET /api/metrics/wire`. */
export interface WireMetricsResponse {
  buckets: Record<WireBucket, WireBucketTotals>;
  /** When counting started (server start or last reset), ms since the epoch. */
  since: number;
}

/** True when the path belongs to the `api` bucket (the API and the health check). */
export function isApiPath(path: string): boolean {
  return path === '/healthz' || path === '/api' || path.startsWith('/api/');
}
