/**
 * The whole contract between the dispatcher and a transport: claim your requests and upgrades,
 * drop your connections on demand, close cleanly. One short file per transport implements it
 * (the engine.io `transport.ts` shape).
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Duplex } from 'node:stream';
import type { TransportId } from '../../protocol';

export interface ServerTransport {
  readonly id: TransportId;
  /** Path prefix this transport owns, e.g. `/rt/ws`. */
  readonly path: string;
  /** Handles an HTTP request under `path`. */
  handleRequest(req: IncomingMessage, res: ServerResponse): void;
  /**
   * True when this request or upgrade would open a new chat connection (the dispatcher counts
   * those against the per-address limit); false for traffic of a connection already open.
   */
  opensConnection(req: IncomingMessage, upgrade: boolean): boolean;
  /** Handles an upgrade under `path`. */
  handleUpgrade(req: IncomingMessage, socket: Duplex, head: Buffer): void;
  /** Closes every connection of this transport (clients will reconnect). */
  dropAll(reason: string): void;
  /** Says goodbye to every client and stops. */
  close(): Promise<void>;
}

/**
 * Frames above the limit but below this many times the limit are read and refused with a
 * `too_large` error, keeping the connection; anything larger is cut off by the library at the
 * frame header (ws close 1009, HTTP 413), before its body is buffered.
 */
export const HARD_LIMIT_FACTOR = 4;

/** How long close() waits for peers to answer its close frames before cutting their sockets. */
export const CLOSE_GRACE_MS = 1000;

/** What clients are told when the server stops: the reason of every transport's `bye` and close. */
export const SHUTDOWN_REASON = 'server shutting down';
