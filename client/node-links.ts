/**
 * Links for Node.js (tests, load and benchmark scripts): the same Link code the browser runs,
 * given Node's client libraries. Never imported by the page (it pulls in `ws`).
 */
import { io } from 'socket.io-client';
import SockJS from 'sockjs-client';
import WebSocket from 'ws';
import { laneTransport, type LaneId, type PresenceScope } from '../protocol';
import type { BackoffOptions } from './backoff';
import { ChatClient } from './chat-client';
import type { Link } from './link';
import { createPollingLink } from './links/polling-link';
import { createSockJsLink, type SockJsConstructor } from './links/sockjs-link';
import { createSocketIoLink, type SocketIoFactory } from './links/socketio-link';
import { createWsLink, type WebSocketConstructor } from './links/ws-link';

export interface NodeLinkOptions {
  /** Polling period for the polling link. */
  pollIntervalMs: number;
  /** Socket.IO's own reconnection delays (the other links leave reconnection to ChatClient). */
  backoff?: BackoffOptions;
  /** Pin SockJS to these sub-transports (default: the lane's, or let it choose). */
  sockjsTransports?: string[];
}

/**
 * A Link for `lane` (a transport, or one of its variants) against the server at `url`, using the
 * Node client libraries.
 */
export function createNodeLink(lane: LaneId, url: string, options: NodeLinkOptions): Link {
  switch (laneTransport(lane)) {
    case 'polling':
      return createPollingLink(url, fetch, options.pollIntervalMs);
    case 'ws':
      return createWsLink(url, WebSocket as unknown as WebSocketConstructor);
    case 'sockjs':
      return createSockJsLink(url, SockJS as unknown as SockJsConstructor, { lane, ...(options.sockjsTransports ? { transports: options.sockjsTransports } : {}) });
    case 'socketio':
      return createSocketIoLink(url, io as unknown as SocketIoFactory, { lane, backoff: options.backoff });
  }
}

/**
 * Creates a Node client, connects it, and resolves once it is welcomed.
 * @param timeoutMs the client is closed and the promise rejected when it is not open by then
 */
export function connectNodeClient(
  transport: LaneId,
  url: string,
  options: NodeLinkOptions & { name: string; timeoutMs: number; presence?: PresenceScope; rooms?: string[] },
): Promise<ChatClient> {
  const client = new ChatClient(createNodeLink(transport, url, options), {
    name: options.name,
    requestTimeoutMs: options.timeoutMs,
    ...(options.presence ? { presence: options.presence } : {}),
    ...(options.rooms ? { rooms: options.rooms } : {}),
  });
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      off();
      client.close();
      reject(new Error(`${transport} client did not open within ${options.timeoutMs} ms at ${url}`));
    }, options.timeoutMs);
    const off = client.on('state', (state) => {
      if (state !== 'open') return;
      clearTimeout(timer);
      off();
      resolve(client);
    });
    client.connect();
  });
}
