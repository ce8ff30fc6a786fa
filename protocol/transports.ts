/**
 * The four transports Transport Lab compares, and where each one lives on the server.
 *
 * Every realtime endpoint sits under `/rt/`, a prefix no Next.js page uses, so the one
 * dispatcher in front of Next can claim it without guessing (see docs/ARCHITECTURE.md).
 */
export const TRANSPORT_IDS = ['polling', 'ws', 'sockjs', 'socketio'] as const;

/** One of the four transports. */
export type TransportId = (typeof TRANSPORT_IDS)[number];

/** Static description of a transport, as served by `GET /api/transports`. */
export interface TransportInfo {
  id: TransportId;
  /** Human-readable name, e.g. "Raw WebSocket (ws)". */
  name: string;
  /** Path of the endpoint on the server (append to the server's origin). */
  path: string;
  /** Client library a browser uses for it. */
  clientLibrary: string;
}

/** Path prefix shared by every realtime endpoint. */
export const REALTIME_PREFIX = '/rt';

/** Endpoint paths, one per transport. */
export const TRANSPORT_PATHS: Record<TransportId, string> = {
  polling: `${REALTIME_PREFIX}/poll`,
  ws: `${REALTIME_PREFIX}/ws`,
  sockjs: `${REALTIME_PREFIX}/sockjs`,
  socketio: `${REALTIME_PREFIX}/socket.io`,
};

/** Where the server serves its local copy of sockjs-client (SockJS's iframe transports load it). */
export const SOCKJS_CLIENT_PATH = `${REALTIME_PREFIX}/assets/sockjs.min.js`;

/** The catalogue every client can discover at `GET /api/transports`. */
export const TRANSPORTS: readonly TransportInfo[] = [
  { id: 'polling', name: 'AJAX short polling', path: TRANSPORT_PATHS.polling, clientLibrary: 'fetch' },
  { id: 'ws', name: 'Raw WebSocket (ws)', path: TRANSPORT_PATHS.ws, clientLibrary: 'WebSocket' },
  { id: 'sockjs', name: 'SockJS', path: TRANSPORT_PATHS.sockjs, clientLibrary: 'sockjs-client' },
  { id: 'socketio', name: 'Socket.IO v4', path: TRANSPORT_PATHS.socketio, clientLibrary: 'socket.io-client' },
];

/** True when `value` names one of the four transports. */
export function isTransportId(value: unknown): value is TransportId {
  return typeof value === 'string' && (TRANSPORT_IDS as readonly string[]).includes(value);
}
