/**
 * Benchmark clients: the Lab's own `ChatClient` over each transport's Link with the real Node
 * libraries (as in the browser), pointed at the Lab or at a bare server alike.
 */
import { io } from 'socket.io-client';
import SockJS from 'sockjs-client';
import WebSocket from 'ws';
import type { MessageEvent, TransportId } from '../protocol';
import { ChatClient } from '../client/chat-client';
import type { Link } from '../client/link';
import { createPollingLink } from '../client/links/polling-link';
import { createSockJsLink, type SockJsConstructor } from '../client/links/sockjs-link';
import { createSocketIoLink, type SocketIoFactory } from '../client/links/socketio-link';
import { createWsLink, type WebSocketConstructor } from '../client/links/ws-link';

/** Where a workload runs: a base URL and the transport to use. */
export interface Target {
  transport: TransportId;
  url: string;
  pollIntervalMs: number;
}

function linkFor(target: Target): Link {
  switch (target.transport) {
    case 'polling':
      return createPollingLink(target.url, fetch, target.pollIntervalMs);
    case 'ws':
      return createWsLink(target.url, WebSocket as unknown as WebSocketConstructor);
    case 'sockjs':
      // Pinned to websocket: SockJS's own pick, and a fixed column is a fair one.
      return createSockJsLink(target.url, SockJS as unknown as SockJsConstructor, ['websocket']);
    case 'socketio':
      return createSocketIoLink(target.url, io as unknown as SocketIoFactory);
  }
}

/** Connects one client and resolves once it is welcomed; rejects after `timeoutMs`. */
export function connect(target: Target, name: string, timeoutMs = 10_000): Promise<ChatClient> {
  const client = new ChatClient(linkFor(target), { name, requestTimeoutMs: timeoutMs });
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      off();
      client.close();
      reject(new Error(`${target.transport} client did not open within ${timeoutMs} ms at ${target.url}`));
    }, timeoutMs);
    const off = client.on('state', (state) => {
      if (state !== 'open') return;
      clearTimeout(timer);
      off();
      resolve(client);
    });
    client.connect();
  });
}

/**
 * Connects `count` clients, in batches so 100 handshakes do not all land at once, and joins
 * each to `room` when given.
 */
export async function connectMany(target: Target, count: number, room?: string, batch = 20): Promise<ChatClient[]> {
  const clients: ChatClient[] = [];
  try {
    for (let i = 0; i < count; i += batch) {
      const size = Math.min(batch, count - i);
      const opened = await Promise.all(Array.from({ length: size }, (_, k) => connect(target, `bench${i + k}`)));
      clients.push(...opened);
      if (room) await Promise.all(opened.map((c) => c.join(room)));
    }
  } catch (err) {
    closeAll(clients);
    throw err;
  }
  return clients;
}

/** Closes clients for good. */
export function closeAll(clients: ChatClient[]): void {
  for (const client of clients) client.close();
}

/** Sends a chat message to `room` without waiting for the ack (workloads watch deliveries). */
export function sendToRoom(client: ChatClient, room: string, text: string): void {
  if (!client.send({ op: 'send', scope: 'room', room, text })) throw new Error(`${client.transport} client is not open`);
}

/** Calls `handler` for every chat message `client` receives; returns the unsubscriber. */
export function onMessage(client: ChatClient, handler: (message: MessageEvent) => void): () => void {
  return client.on('message', handler);
}
