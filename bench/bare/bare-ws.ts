/** Bare `ws` server: the library's documented `{ server, path }` attachment, rooms in a MinimalRoom. */
import type { Server } from 'node:http';
import { WebSocketServer } from 'ws';
import { TRANSPORT_PATHS } from '../../protocol';
import { MinimalRoom, type BareConnection } from './minimal-room';

/** Attaches a bare ws room-broadcast server to `http`; returns its closer. */
export function attachBareWs(http: Server): () => Promise<void> {
  const room = new MinimalRoom();
  const wss = new WebSocketServer({ server: http, path: TRANSPORT_PATHS.ws });
  wss.on('connection', (socket) => {
    const conn: BareConnection = { send: (event) => socket.send(JSON.stringify(event)) };
    socket.on('message', (data) => room.handleFrame(conn, data.toString()));
    socket.on('error', () => undefined);
    socket.on('close', () => room.remove(conn));
  });
  return () =>
    new Promise((resolve) => {
      for (const socket of wss.clients) socket.terminate();
      wss.close(() => resolve());
    });
}
