/**
 * The browser-side transport contract, mirroring the server's: a Link knows how to open a
 * connection over one library and nothing about chat rules. `ChatClient` drives any Link.
 * Library constructors are injected, so the same code runs in the browser and under Node tests.
 */
import { LANE_QUERY, LANES, type ClientOpInput, type LaneId, type ServerEvent, type TransportId } from '../protocol';

/** What a Link reports to its owner. */
export interface LinkHandlers {
  /** The connection is up (again); the owner says hello next. */
  onOpen(): void;
  /** One event from the server. */
  onEvent(event: ServerEvent): void;
  /**
   * The connection is down. `willRetry` is true only for a Link that reconnects by itself
   * (Socket.IO); for the others the owner decides when to open a new connection.
   */
  onDown(info: { reason: string; willRetry: boolean }): void;
  /** The library switched sub-transport on a live connection (Socket.IO's upgrade to WebSocket). */
  onVia?(change: { from?: string; to: string }): void;
}

/** One open (or opening) connection. */
export interface LinkConnection {
  /** Sends one operation; dropped silently when the connection is not open. */
  send(op: ClientOpInput): void;
  /** Closes for good; no further handler calls. */
  close(): void;
  /**
   * Cuts the connection without a goodbye, as a failing network would: the server sees it go,
   * `onDown` fires, and the owner (or Socket.IO itself) reconnects. The lesson's disconnect card.
   */
  drop(): void;
  /** Which sub-transport the library chose, when it chooses (SockJS, Socket.IO). */
  readonly via?: string;
}

export interface Link {
  readonly transport: TransportId;
  /** The lane: the transport, or the library variant this link pins (protocol/lanes.ts). */
  readonly lane: LaneId;
  /** True when the library has its own reconnection (Socket.IO). */
  readonly reconnectsItself: boolean;
  /**
   * Opens a connection to the namespace `ns`.
   * @returns the connection; its handlers fire until it is closed or goes down
   */
  open(ns: string, handlers: LinkHandlers): LinkConnection;
}

/** Joins a base URL (e.g. `http://127.0.0.1:3000`) and a path. */
export function joinUrl(baseUrl: string, path: string): string {
  return baseUrl.replace(/\/+$/, '') + path;
}

/**
 * The `lane` tag a variant's URL carries (`lane=xhr-streaming`), empty for a base lane, whose
 * requests stay exactly the library's own.
 */
export function laneQuery(lane: LaneId): string {
  const variant = LANES[lane].variant;
  return variant ? `${LANE_QUERY}=${encodeURIComponent(variant)}` : '';
}
