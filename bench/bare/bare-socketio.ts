/**
 * Bare Socket.IO server: `new Server(http, { path })`, rooms with `socket.join(room)` and fan-out
 * with `io.to(room).emit(...)`: Socket.IO's own rooms, as the Lab's adapter uses them.
 */
import type { Server as HttpServer } from 'node:http';
import { Server } from 'socket.io';
import { TRANSPORT_PATHS } from '../../protocol';

/** Attaches a bare Socket.IO room-broadcast server to `http`; returns its closer. */
export function attachBareSocketIo(http: HttpServer): () => Promise<void> {
  const io = new Server(http, { path: TRANSPORT_PATHS.socketio, serveClient: false });
  let counter = 0;
  io.on('connection', (socket) => {
    // Events as the Lab sends them: the event name is the type, the payload the rest.
    socket.on('hello', (op: { name: string; ref?: string }) => {
      socket.emit('welcome', { id: socket.id, name: op.name, ns: '/', transport: 'bare', clients: [], namespaces: ['/'], limits: {}, ref: op.ref });
    });
    socket.on('join', (op: { rooms: string[]; ref?: string }) => {
      void socket.join(op.rooms);
      socket.emit('rooms', { rooms: op.rooms, ref: op.ref });
    });
    socket.on('send', (op: { room: string; text: string; ref?: string }) => {
      const id = `m${++counter}`;
      const from = { id: socket.id, name: 'bench', transport: 'bare' };
      io.to(op.room).emit('message', { id, from, scope: 'room', room: op.room, includeSelf: true, text: op.text, sentAt: Date.now(), ref: op.ref });
      socket.emit('ack', { messageId: id, recipients: io.sockets.adapter.rooms.get(op.room)?.size ?? 0, ref: op.ref });
    });
  });
  return () => new Promise((resolve) => void io.close(() => resolve()));
}
