/**
 * Server configuration from environment variables, with defaults per environment
 * (development, test, production). Every variable is listed in docs/CONFIGURATION.md's table.
 */
import { resolve } from 'node:path';
import { z } from 'zod';
import { DEFAULT_NAMESPACE, NAMESPACE_PATTERN } from '../protocol';
import { normalizeOrigin } from './http/origin-policy';

/** Which set of defaults applies. */
export type Environment = 'development' | 'test' | 'production';

/** Everything the server can be told. */
export interface LabConfig {
  env: Environment;
  host: string;
  port: number;
  /** How often browser polling clients ask for new events (served to them by /api/transports). */
  pollIntervalMs: number;
  /** A polling session that has not polled for this long is closed (the server's dead-peer check). */
  pollSessionTtlMs: number;
  /**
   * Largest frame a client may send, in bytes: larger ones get `too_large`. Frames or bodies over
   * 4× this are cut off at the header, before they are buffered.
   */
  maxFrameBytes: number;
  /** Longest chat text, in characters. */
  maxTextChars: number;
  /** Events kept for a polling client that has not collected them; past this its session is closed. */
  pollQueueLimit: number;
  /** Interval of WebSocket ping frames on raw ws; a peer that misses one pong is dropped. */
  wsHeartbeatMs: number;
  /** SockJS heartbeat frame interval. */
  sockjsHeartbeatMs: number;
  /** SockJS session is closed after the client is gone this long. */
  sockjsDisconnectDelayMs: number;
  /** Socket.IO ping interval and timeout. */
  socketIoPingIntervalMs: number;
  socketIoPingTimeoutMs: number;
  /** Namespaces offered, "/" always first. */
  namespaces: string[];
  /** Next.js development mode (hot reload). */
  dev: boolean;
  /** The admin API (`/api/admin/*`: drop, stall, latency, restart) for fault demos and e2e tests. */
  adminApi: boolean;
  /** When set, every admin request needs `authorization: Bearer <adminToken>`. */
  adminToken?: string;
  /** Origins allowed besides the page's own (`*` = all). See server/http/origin-policy.ts. */
  allowedOrigins: string[];
  /** Operations per second per client (token bucket rate), and the burst it may send at once. */
  rateLimitPerSec: number;
  rateLimitBurst: number;
  /** Rejected operations within 10 s after which a client is disconnected. */
  rateLimitStrikes: number;
  /** Rooms one client may be in (per connection). */
  maxRoomsPerClient: number;
  /** Clients one room may hold. */
  maxClientsPerRoom: number;
  /** Open chat connections (all transports together) from one remote address. */
  maxConnectionsPerAddress: number;
  /** The wire meter (`/api/metrics/wire`); off only to measure what metering costs (`npm run bench`). */
  wireMeter: boolean;
  /**
   * The wire inspector (`/api/wire/log`, `/api/wire/stream`, exports): every request and frame of
   * every transport, decoded. Needs the wire meter (it records the meter's units). It shows chat
   * text, direct messages included; resume and admin tokens are redacted.
   */
  inspector: boolean;
  /** Records the inspector keeps (a ring: the oldest go first). */
  inspectorRecords: number;
  /** Messages kept per stream for replay after a reconnect. */
  historySize: number;
  /** Messages older than this are no longer replayed, ms (also: a history file older than this is ignored). */
  historyMaxAgeMs: number;
  /**
   * Where the stream history is kept across a graceful restart (absolute path); undefined = not
   * kept, and a restart starts a new epoch. See server/chat/history-file.ts.
   */
  historyFile?: string;
  /**
   * Redis that makes this node one of a cluster (`redis://host:port`); undefined = one process,
   * everything in memory. With it, the history lives in Redis and `historyFile` is not used.
   */
  redisUrl?: string;
  /**
   * A proxy we run is in front (HAProxy with `option forwardfor`): the per-address connection limit
   * then counts the address in the last `X-Forwarded-For` entry, not the proxy's.
   */
  trustProxy: boolean;
  /** Longest a graceful shutdown (SIGTERM/SIGINT) may take before the process exits anyway, ms. */
  shutdownTimeoutMs: number;
  /**
   * Bytes the server may hold for one client that is not reading (a slow consumer) before it
   * closes that connection; see server/transports/send-budget.ts.
   */
  maxBufferedBytes: number;
  /** A connection must send its whole request head within this, ms (Node's `headersTimeout`). */
  httpHeadersTimeoutMs: number;
  /** A connection must send its whole request, body included, within this, ms (`requestTimeout`). */
  httpRequestTimeoutMs: number;
  /** An idle keep-alive connection is closed after this, ms (`keepAliveTimeout`). */
  httpKeepAliveTimeoutMs: number;
}

/** Hardening defaults, the same in every environment. */
const LIMIT_DEFAULTS = {
  allowedOrigins: [] as string[],
  rateLimitPerSec: 20,
  rateLimitBurst: 40,
  rateLimitStrikes: 50,
  maxRoomsPerClient: 50,
  maxClientsPerRoom: 1000,
  maxConnectionsPerAddress: 200,
  // Off: without a proxy of ours in front, X-Forwarded-For is whatever the client wrote.
  trustProxy: false,
  wireMeter: true,
  // On by default: it is a lab, and seeing the wire is the lesson.
  inspector: true,
  // At most about 50 MB (raw text is cut at 4 KB per record); most records are far smaller.
  inspectorRecords: 10_000,
  // Enough for a reconnect of a few seconds in a busy classroom chat. One replay is capped at
  // half of POLL_QUEUE_LIMIT anyway (lab-server.ts), so a polling client's queue cannot overflow.
  historySize: 500,
  historyMaxAgeMs: 120_000,
  // 1 MiB: hundreds of chat events; a reading client never comes close.
  maxBufferedBytes: 1024 * 1024,
  // Far below Node's 60 s / 300 s: a request head is small, and idle half-open connections
  // (a connection flood) must not pile up.
  httpHeadersTimeoutMs: 10_000,
  httpRequestTimeoutMs: 30_000,
  httpKeepAliveTimeoutMs: 5_000,
};

/** Development and production defaults: everyday intervals, the page on port 3000. */
const EVERYDAY_DEFAULTS: Omit<LabConfig, 'env' | 'dev' | 'adminApi'> = {
  host: '127.0.0.1',
  port: 3000,
  pollIntervalMs: 1000,
  pollSessionTtlMs: 15_000,
  maxFrameBytes: 16 * 1024,
  maxTextChars: 2000,
  pollQueueLimit: 1000,
  wsHeartbeatMs: 25_000,
  sockjsHeartbeatMs: 25_000,
  sockjsDisconnectDelayMs: 5_000,
  socketIoPingIntervalMs: 25_000,
  socketIoPingTimeoutMs: 20_000,
  namespaces: [DEFAULT_NAMESPACE, '/lab'],
  // Transports give peers 1 s to answer their close, polling clients one interval more: 5 s is ample.
  shutdownTimeoutMs: 5000,
  ...LIMIT_DEFAULTS,
};

/** Relative to the working directory; gitignored. */
const DEFAULT_HISTORY_FILE = '.lab-state/history.json';

const DEFAULTS: Record<Environment, Omit<LabConfig, 'env' | 'dev'>> = {
  development: { ...EVERYDAY_DEFAULTS, adminApi: true, historyFile: DEFAULT_HISTORY_FILE },
  // Tests want dead peers found fast and a port of their own.
  test: {
    ...EVERYDAY_DEFAULTS,
    port: 0,
    pollIntervalMs: 100,
    pollSessionTtlMs: 3_000,
    wsHeartbeatMs: 2_000,
    sockjsDisconnectDelayMs: 2_000,
    socketIoPingIntervalMs: 2_000,
    socketIoPingTimeoutMs: 2_000,
    adminApi: true,
  },
  // The admin API can drop everyone's connection: off unless asked for.
  production: { ...EVERYDAY_DEFAULTS, adminApi: false, historyFile: DEFAULT_HISTORY_FILE },
};

/** Environment variable → config key, with how to read it. */
/**
 * A whole number written with digits only: " 12", "1e3", "0x10" or "12.0" are refused, not read
 * as numbers (z.coerce.number would take them, and an empty string as 0).
 */
const int = (min: number, max: number) =>
  z
    .string()
    .regex(/^\d+$/, 'must be a whole number written with digits only')
    .transform(Number)
    .pipe(z.number().min(min).max(max));
const ENV_SCHEMA = z.object({
  HOST: z.string().min(1).optional(),
  PORT: int(0, 65535).optional(),
  POLL_INTERVAL_MS: int(10, 60_000).optional(),
  POLL_SESSION_TTL_MS: int(500, 600_000).optional(),
  MAX_FRAME_BYTES: int(256, 1024 * 1024).optional(),
  MAX_TEXT_CHARS: int(1, 100_000).optional(),
  POLL_QUEUE_LIMIT: int(10, 100_000).optional(),
  WS_HEARTBEAT_MS: int(100, 600_000).optional(),
  SOCKJS_HEARTBEAT_MS: int(100, 600_000).optional(),
  SOCKJS_DISCONNECT_DELAY_MS: int(100, 600_000).optional(),
  SOCKETIO_PING_INTERVAL_MS: int(100, 600_000).optional(),
  SOCKETIO_PING_TIMEOUT_MS: int(100, 600_000).optional(),
  NAMESPACES: z
    .string()
    .transform((s) => s.split(',').map((x) => x.trim()).filter(Boolean))
    .pipe(z.array(z.string().regex(NAMESPACE_PATTERN)).min(1))
    .optional(),
  ADMIN_API: z.enum(['on', 'off']).optional(),
  ADMIN_TOKEN: z.string().min(1).optional(),
  ALLOWED_ORIGINS: z
    .string()
    .transform((s) => s.split(',').map((x) => x.trim()).filter(Boolean))
    .pipe(z.array(z.string().refine((o) => o === '*' || normalizeOrigin(o) !== undefined, 'not an origin like http://host:port')))
    .optional(),
  RATE_LIMIT_PER_SEC: int(1, 100_000).optional(),
  RATE_LIMIT_BURST: int(1, 100_000).optional(),
  RATE_LIMIT_STRIKES: int(1, 1_000_000).optional(),
  MAX_ROOMS_PER_CLIENT: int(1, 100_000).optional(),
  MAX_CLIENTS_PER_ROOM: int(1, 10_000_000).optional(),
  MAX_CONNECTIONS_PER_ADDRESS: int(1, 1_000_000).optional(),
  WIRE_METER: z.enum(['on', 'off']).optional(),
  INSPECTOR: z.enum(['on', 'off']).optional(),
  INSPECTOR_RECORDS: int(100, 1_000_000).optional(),
  HISTORY_SIZE: int(1, 100_000).optional(),
  HISTORY_MAX_AGE_MS: int(1000, 86_400_000).optional(),
  // Empty turns persistence off (also in development and production).
  HISTORY_FILE: z.string().optional(),
  // Empty means no Redis, as unset does.
  TRUST_PROXY: z.enum(['on', 'off']).optional(),
  REDIS_URL: z.union([z.literal(''), z.string().regex(/^rediss?:\/\/\S+$/, 'a redis:// or rediss:// URL')]).optional(),
  SHUTDOWN_TIMEOUT_MS: int(100, 600_000).optional(),
  MAX_BUFFERED_BYTES: int(16 * 1024, 1024 * 1024 * 1024).optional(),
  HTTP_HEADERS_TIMEOUT_MS: int(100, 600_000).optional(),
  HTTP_REQUEST_TIMEOUT_MS: int(100, 3_600_000).optional(),
  HTTP_KEEP_ALIVE_TIMEOUT_MS: int(100, 600_000).optional(),
});

/** Picks the environment from NODE_ENV (anything unknown counts as development). */
export function environmentOf(nodeEnv: string | undefined): Environment {
  return nodeEnv === 'production' || nodeEnv === 'test' ? nodeEnv : 'development';
}

/**
 * Reads the configuration.
 * @param env the variables to read (default `process.env`)
 * @param overrides values that win over both defaults and variables (tests use this)
 * @throws Error naming every bad variable
 */
export function loadConfig(env: Record<string, string | undefined> = process.env, overrides: Partial<LabConfig> = {}): LabConfig {
  const environment = overrides.env ?? environmentOf(env.NODE_ENV);
  const parsed = ENV_SCHEMA.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new Error(`Invalid configuration:\n${lines.join('\n')}`);
  }
  const v = parsed.data;
  const base = DEFAULTS[environment];
  const fromEnv: Partial<LabConfig> = {
    host: v.HOST,
    port: v.PORT,
    pollIntervalMs: v.POLL_INTERVAL_MS,
    pollSessionTtlMs: v.POLL_SESSION_TTL_MS,
    maxFrameBytes: v.MAX_FRAME_BYTES,
    maxTextChars: v.MAX_TEXT_CHARS,
    pollQueueLimit: v.POLL_QUEUE_LIMIT,
    wsHeartbeatMs: v.WS_HEARTBEAT_MS,
    sockjsHeartbeatMs: v.SOCKJS_HEARTBEAT_MS,
    sockjsDisconnectDelayMs: v.SOCKJS_DISCONNECT_DELAY_MS,
    socketIoPingIntervalMs: v.SOCKETIO_PING_INTERVAL_MS,
    socketIoPingTimeoutMs: v.SOCKETIO_PING_TIMEOUT_MS,
    namespaces: v.NAMESPACES,
    adminApi: v.ADMIN_API === undefined ? undefined : v.ADMIN_API === 'on',
    adminToken: v.ADMIN_TOKEN,
    allowedOrigins: v.ALLOWED_ORIGINS,
    rateLimitPerSec: v.RATE_LIMIT_PER_SEC,
    rateLimitBurst: v.RATE_LIMIT_BURST,
    rateLimitStrikes: v.RATE_LIMIT_STRIKES,
    maxRoomsPerClient: v.MAX_ROOMS_PER_CLIENT,
    maxClientsPerRoom: v.MAX_CLIENTS_PER_ROOM,
    maxConnectionsPerAddress: v.MAX_CONNECTIONS_PER_ADDRESS,
    wireMeter: v.WIRE_METER === undefined ? undefined : v.WIRE_METER === 'on',
    inspector: v.INSPECTOR === undefined ? undefined : v.INSPECTOR === 'on',
    inspectorRecords: v.INSPECTOR_RECORDS,
    historySize: v.HISTORY_SIZE,
    historyMaxAgeMs: v.HISTORY_MAX_AGE_MS,
    shutdownTimeoutMs: v.SHUTDOWN_TIMEOUT_MS,
    maxBufferedBytes: v.MAX_BUFFERED_BYTES,
    httpHeadersTimeoutMs: v.HTTP_HEADERS_TIMEOUT_MS,
    httpRequestTimeoutMs: v.HTTP_REQUEST_TIMEOUT_MS,
    httpKeepAliveTimeoutMs: v.HTTP_KEEP_ALIVE_TIMEOUT_MS,
  };
  const merged: LabConfig = { ...base, env: environment, dev: environment === 'development' };
  for (const [key, value] of Object.entries(fromEnv)) {
    if (value !== undefined) (merged as unknown as Record<string, unknown>)[key] = value;
  }
  if (v.HISTORY_FILE !== undefined) merged.historyFile = v.HISTORY_FILE === '' ? undefined : v.HISTORY_FILE;
  if (v.REDIS_URL) merged.redisUrl = v.REDIS_URL;
  if (v.TRUST_PROXY !== undefined) merged.trustProxy = v.TRUST_PROXY === 'on';
  Object.assign(merged, overrides);
  // Resolved once, here: a later chdir must not move the file between start and shutdown.
  if (merged.historyFile !== undefined) merged.historyFile = resolve(merged.historyFile);
  // "/" is always offered: it is where every client starts, as in Socket.IO.
  merged.namespaces = [DEFAULT_NAMESPACE, ...merged.namespaces.filter((ns) => ns !== DEFAULT_NAMESPACE)];
  return merged;
}
