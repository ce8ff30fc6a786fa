/**
 * Wire metrics as served by `GET /api/metrics/wire`: bytes on the server's TCP sockets, per
 * bucket. Node-free, so the page's charts and the server share one definition.
 */
import { LANE_IDS, type LaneId } from './lanes';

/**
 * Where wire bytes are attributed: one lane (a transport, or one of its variants: see lanes.ts),
 * the pages, or the small API.
 */
export const WIRE_BUCKETS = [...LANE_IDS, 'page', 'api'] as const;

/**
 * One bucket id: a lane (`polling`, `ws`, `sockjs`, `socketio`, `socketio:polling`, ...), `page`
 * (pages, assets, Next) or `api` (/api, /healthz).
 */
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

/**
 * The layers a transport's bytes split into; per direction they add up to the bucket's bytes.
 * - `payload`: the chat's own JSON text, as the application handed it to (or got it from) the library
 * - `framing`: what the transport protocol adds (WebSocket frame headers and masks, Engine.IO and
 *   Socket.IO prefixes, SockJS frames and escaping, our polling envelope, open/close/probe packets)
 * - `http`: HTTP request and response headers (upgrade handshakes included, chunked coding too)
 * - `keepalive`: pings, pongs, heartbeats, and the whole of every poll that brought nothing
 */
export const WIRE_LAYERS = ['payload', 'framing', 'http', 'keepalive'] as const;

/** One layer id. */
export type WireLayer = (typeof WIRE_LAYERS)[number];

/** Bytes per layer in one direction. */
export type WireLayerBytes = Record<WireLayer, number>;

/** Layers of one lane's bucket since `since`. */
export interface WireLayerTotals {
  /** Client → server: adds up to the bucket's `bytesIn`. */
  in: WireLayerBytes;
  /** Server → client: adds up to the bucket's `bytesOut`. */
  out: WireLayerBytes;
  /** HTTP requests counted whole as keepalive (empty polls, heartbeat-only polls). */
  keepaliveRequests: number;
}

/** Body of `GET /api/metrics/wire`. */
export interface WireMetricsResponse {
  buckets: Record<WireBucket, WireBucketTotals>;
  /** When counting started (server start or last reset), ms since the epoch. */
  since: number;
  /** Layer split per lane (in the HTTP answer; the bare meter snapshot has none). */
  layers?: Record<LaneId, WireLayerTotals>;
}

/** Every bucket at zero: a fresh meter's totals. */
export function emptyBuckets(): Record<WireBucket, WireBucketTotals> {
  return Object.fromEntries(WIRE_BUCKETS.map((id) => [id, { bytesIn: 0, bytesOut: 0, requests: 0, upgrades: 0, connections: 0 }])) as Record<WireBucket, WireBucketTotals>;
}

/** Cost of one transport over a window, per connected client and minute. */
export interface WireRate {
  bytesInPerMin: number;
  bytesOutPerMin: number;
  requestsPerMin: number;
}

/**
 * Per-client, per-minute rates of `bucket` between two snapshots taken `elapsedMs` apart with
 * `clients` clients connected (e.g. idle cost: connect, snapshot, wait, snapshot, no messages).
 * Requests include upgrades.
 */
export function wireRatePerClient(
  before: WireMetricsResponse,
  after: WireMetricsResponse,
  bucket: WireBucket,
  elapsedMs: number,
  clients: number,
): WireRate {
  const a = before.buckets[bucket];
  const b = after.buckets[bucket];
  const scale = 60_000 / elapsedMs / Math.max(1, clients);
  return {
    bytesInPerMin: (b.bytesIn - a.bytesIn) * scale,
    bytesOutPerMin: (b.bytesOut - a.bytesOut) * scale,
    requestsPerMin: (b.requests + b.upgrades - a.requests - a.upgrades) * scale,
  };
}

/** True when the path belongs to the `api` bucket (the API and the health check). */
export function isApiPath(path: string): boolean {
  return path === '/healthz' || path === '/api' || path.startsWith('/api/');
}

/** Where cost measurements read the meter: the server's own meter, or `GET /api/metrics/wire`. */
export type WireSnapshotSource = () => WireMetricsResponse | Promise<WireMetricsResponse>;

/** What it cost one client to connect, until its first message could be delivered. */
export interface ConnectCost {
  bytesIn: number;
  bytesOut: number;
  /** HTTP requests and upgrades. */
  requests: number;
  /** Milliseconds from the start of `connect` until it resolved. */
  ms: number;
}

/**
 * Measures one connect: the bucket's byte and request deltas around `connect`, which must resolve
 * once the client has its welcome (it can then receive messages). Run it with no other traffic on
 * that transport. Bytes of a request still in flight at the end (a polling client's next poll)
 * are included: they are on the wire by then.
 */
export async function measureConnectCost(read: WireSnapshotSource, bucket: WireBucket, connect: () => Promise<unknown>): Promise<ConnectCost> {
  const before = (await read()).buckets[bucket];
  const started = performance.now();
  await connect();
  const ms = performance.now() - started;
  const after = (await read()).buckets[bucket];
  return {
    bytesIn: after.bytesIn - before.bytesIn,
    bytesOut: after.bytesOut - before.bytesOut,
    requests: after.requests + after.upgrades - before.requests - before.upgrades,
    ms,
  };
}

/**
 * Measures idle cost: per-client, per-minute rates of each bucket while its clients stay
 * connected and silent until `wait` resolves (the caller chooses the window, preferably by
 * waiting for an event such as a number of polls rather than a fixed sleep).
 * @param clients how many clients each measured bucket has connected, e.g. `{ polling: 1, ws: 1 }`
 */
export async function measureIdleCost(
  read: WireSnapshotSource,
  clients: Partial<Record<WireBucket, number>>,
  wait: () => Promise<unknown>,
): Promise<{ elapsedMs: number; rates: Partial<Record<WireBucket, WireRate>> }> {
  const before = await read();
  const started = performance.now();
  await wait();
  const elapsedMs = performance.now() - started;
  const after = await read();
  const rates: Partial<Record<WireBucket, WireRate>> = {};
  for (const [bucket, count] of Object.entries(clients) as [WireBucket, number][]) {
    rates[bucket] = wireRatePerClient(before, after, bucket, elapsedMs, count);
  }
  return { elapsedMs, rates };
}
