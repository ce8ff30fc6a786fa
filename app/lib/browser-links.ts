/**
 * Builds the browser's Link for each transport: the client/ adapters with the browser's own
 * libraries injected (WebSocket, sockjs-client, socket.io-client, fetch). Client-only: import it
 * from client components and call it inside effects, never during server rendering.
 */
import SockJS from 'sockjs-client';
import { io } from 'socket.io-client';
import { laneTransport, type LaneId, type TransportId } from '../../protocol';
import type { Link } from '../../client/link';
import { createPollingLink, type FetchLike } from '../../client/links/polling-link';
import { createSockJsLink, type SockJsConstructor } from '../../client/links/sockjs-link';
import { createSocketIoLink, type SocketIoFactory } from '../../client/links/socketio-link';
import { createWsLink, type WebSocketConstructor } from '../../client/links/ws-link';

/** What every browser link needs to know. */
export interface BrowserLinkOptions {
  /** The page's origin, e.g. `http://127.0.0.1:3000`: every transport lives on the same port. */
  origin: string;
  /** Polling period served by `GET /api/transports`. */
  pollIntervalMs: number;
  /** The fetch the polling link uses (default: the window's); the Compare view times requests with it. */
  fetchImpl?: FetchLike;
  /**
   * Engine.IO transports of a Socket.IO link, in order, overriding its lane's. The negotiation
   * timeline passes the library's own default (`['polling', 'websocket']`) on the base lane, so
   * its requests carry no lane tag and show the handshake, the probe and the switch as they are.
   */
  socketIoTransports?: string[];
}

// The adapters declare the small part of each library they use; the libraries' own types are
// wider (DOM event objects, overloads), hence one cast each, here and nowhere else.
const builders: Record<TransportId, (lane: LaneId, options: BrowserLinkOptions) => Link> = {
  polling: (_lane, { origin, pollIntervalMs, fetchImpl }) =>
    createPollingLink(origin, fetchImpl ?? (window.fetch.bind(window) as FetchLike), pollIntervalMs),
  ws: (_lane, { origin }) => createWsLink(origin, WebSocket as unknown as WebSocketConstructor),
  sockjs: (lane, { origin }) => createSockJsLink(origin, SockJS as unknown as SockJsConstructor, { lane }),
  socketio: (lane, { origin, socketIoTransports }) =>
    createSocketIoLink(origin, io as unknown as SocketIoFactory, { lane, ...(socketIoTransports ? { transports: socketIoTransports } : {}) }),
};

/**
 * A new Link for `lane`.
 * @param lane one of the four transports, or one of its library's variants
 * @param options origin and polling period
 */
export function createBrowserLink(lane: LaneId, options: BrowserLinkOptions): Link {
  return builders[laneTransport(lane)](lane, options);
}
