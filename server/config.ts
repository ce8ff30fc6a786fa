/**
 * Server configuration from environment variables, with defaults per environment
 * (development, test, production). Every variable is listed in README.md's configuration table.
 */
import { z } from 'zod';
import { DEFAULT_NAMESPACE, NAMESPACE_PATTERN } from '../protocol';

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
  /** The admin API (`POST /api/admin/drop`) for fault demos and e2e tests. */
  adminApi: boolean;
}

const DEFAULTS: Record<Environment, Omit<LabConfig, 'env' | 'dev'>> = {
  development: {
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
    adminApi: true,
  },
  // Tests want dead peers found fast and a port of their own.
  test: {
    host: '127.0.0.1',
    port: 0,
    pollIntervalMs: 100,
    pollSessionTtlMs: 3_000,
    maxFrameBytes: 16 * 1024,
    maxTextChars: 2000,
    pollQueueLimit: 1000,
    wsHeartbeatMs: 2_000,
    sockjsHeartbeatMs: 25_000,
    sockjsDisconnectDelayMs: 2_000,
    socketIoPingIntervalMs: 2_000,
    socketIoPingTimeoutMs: 2_000,
    namespaces: [DEFAULT_NAMESPACE, '/lab'],
    adminApi: true,
  },
  // The admin API can drop everyone's connection: off unless asked for.
  production: {
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
    adminApi: false,
  },
};

/** Environment variable → config key, with how to read it. */
const int = (min: number, max: number) => z.coerce.number().int().min(min).max(max);
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
  };
  const merged: LabConfig = { ...base, env: environment, dev: environment === 'development' };
  for (const [key, value] of Object.entries(fromEnv)) {
    if (value !== undefined) (merged as unknown as Record<string, unknown>)[key] = value;
  }
  Object.assign(merged, overrides);
  // "/" is always offered: it is where every client starts, as in Socket.IO.
  merged.namespaces = [DEFAULT_NAMESPACE, ...merged.namespaces.filter((ns) => ns !== DEFAULT_NAMESPACE)];
  return merged;
}
