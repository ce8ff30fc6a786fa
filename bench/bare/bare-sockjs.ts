/** Bare SockJS server: sockjs's documented `installHandlers`, rooms in a MinimalRoom. */
import type { Server } from 'node:http';
import sockjs from 'sockjs';
import { TRANSPORT_PATHS } from '../../protocol';
import { MinimalRoom, type BareConnection } from './minimal-room';

/** Attaches a bare SockJS room-broadcast server to `http`; returns its closer. */
export function attachBareSockJs(http: Server): () => Promise<void> {
  const room = new MinimalRoom();
  const connections = new Set<sockjs.Connection>();
  // Same heartbeat as the Lab in production, and no stdout logging (it would reach the JSON).
  const server = sockjs.createServer({ prefix: TRANSPORT_PATHS.sockjs, heartbeat_delay: 25_000, log: () => undefined });
  server.on('connection', (socket: sockjs.Connection | null) => {
    if (!socket) return;
    connections.add(socket);
    const conn: BareConnection = { send: (event) => socket.write(JSON.stringify(event)) };
    socket.on('data', (message: string) => room.handleFrame(conn, message));
    socket.on('close', () => {
      connections.delete(socket);
      room.remove(conn);
    });
  });
  server.installHandlers(http, { prefix: TRANSPORT_PATHS.sockjs });
  return async () => {
    for (const socket of connections) socket.close();
  };
}
