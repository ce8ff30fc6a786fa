/**
 * Benchmark clients: the Lab's own `ChatClient` over each transport's Link with the real Node
 * libraries (as in the browser), pointed at the Lab or at a bare server alike.
 */
import type { MessageEvent, TransportId } from '../protocol';
import type { ChatClient } from '../client/chat-client';
import { connectNodeClient } from '../client/node-links';

/** Where a workload runs: a base URL and the transport to use. */
export interface Target {
  transport: TransportId;
  url: string;
  pollIntervalMs: number;
}

/** Connects one client and resolves once it is welcomed; rejects after `timeoutMs`. */
export function connect(target: Target, name: string, timeoutMs = 10_000): Promise<ChatClient> {
  return connectNodeClient(target.transport, target.url, {
    name,
    timeoutMs,
    pollIntervalMs: target.pollIntervalMs,
    // Pinned to websocket: SockJS's own pick, and a fixed column is a fair one.
    sockjsTransports: ['websocket'],
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
