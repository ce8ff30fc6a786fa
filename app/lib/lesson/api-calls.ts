/**
 * Chapter 3 of the lesson: the Socket.IO API call by call, as the seed lesson writes it
 * (Socket.IO 0.9), its Socket.IO v4 form, and what the Lab's Run button really does. The seed's
 * and v4's code are shown as code, never run by the page; what runs is `action` (see
 * run-api-call.ts), and the frame the page shows for it is built from the same operation object
 * the runner sends (lesson-frames.ts). Node-free, like everything under app/lib.
 */

/** What the Run button performs, with the lesson's cast (clients A, B, C on each transport). */
export type LessonAction =
  /** A new client D connects; the others see presence "connected". */
  | { kind: 'connect' }
  /** A sends a chat message with this audience. */
  | { kind: 'send'; scope: 'all' | 'others' | 'direct' | 'room'; includeSelf?: boolean }
  /** A sends `whoami`; the answer goes to A alone. */
  | { kind: 'whoami' }
  /** A joins the lesson room and a second one, then leaves the second: a subscription model. */
  | { kind: 'join-leave' }
  /** A asks for one of the four lists. */
  | { kind: 'list'; what: 'clients' | 'rooms' | 'client-rooms' | 'room-clients' }
  /** A client in the other namespace sends to everyone there; the cast never sees it. */
  | { kind: 'namespace' }
  /** The server's configuration, read from `GET /api/transports`. */
  | { kind: 'configure' }
  /** B's connection drops; A sends meanwhile; B reconnects and is given what it missed. */
  | { kind: 'drop' };

/** The calls chapter 3 walks through, in the seed's order. */
export const API_CALL_IDS = [
  'connection',
  'emit-all',
  'emit-to-id',
  'socket-on-emit',
  'broadcast-emit',
  'join-leave',
  'broadcast-to-room',
  'in-room-emit',
  'list-clients',
  'list-rooms',
  'client-rooms',
  'room-clients',
  'namespace',
  'configure',
  'client-connect',
  'disconnect-reconnect',
] as const;

/** One card of chapter 3. */
export type ApiCallId = (typeof API_CALL_IDS)[number];

/** One API call: the seed's code, v4's, and the run. */
export interface ApiCall {
  id: ApiCallId;
  /** The call as the seed lesson writes it (Socket.IO 0.9). */
  seed: string;
  /** The same intent in Socket.IO v4. */
  v4: string;
  /** True when v4 removed the seed's call (the card says so). */
  removedInV4: boolean;
  /** Where the Lab's own Socket.IO adapter does this, for those who want to read it. */
  labSource: string;
  action: LessonAction;
}

const SIO_ADAPTER = 'server/transports/socketio-transport.ts';
const CHAT_SESSION = 'server/chat/chat-session.ts';

/** The mapping table, old API → v4 → the Lab; `test/app/api-calls.test.ts` checks it is complete. */
export const API_CALLS: readonly ApiCall[] = [
  {
    id: 'connection',
    seed: "io.sockets.on('connection', function (socket) {\n  // a client connected\n});",
    v4: "io.on('connection', (socket) => {\n  // a client connected\n});",
    removedInV4: false,
    labSource: SIO_ADAPTER,
    action: { kind: 'connect' },
  },
  {
    id: 'emit-all',
    seed: "io.sockets.emit('message', data);",
    v4: "io.emit('message', data);",
    removedInV4: false,
    labSource: SIO_ADAPTER,
    action: { kind: 'send', scope: 'all' },
  },
  {
    id: 'emit-to-id',
    seed: "io.sockets.socket(socketId).emit('message', data);",
    v4: "io.to(socketId).emit('message', data);",
    removedInV4: true,
    labSource: SIO_ADAPTER,
    action: { kind: 'send', scope: 'direct' },
  },
  {
    id: 'socket-on-emit',
    seed: "socket.on('whoami', function () {\n  socket.emit('whoami', info);\n});",
    v4: "socket.on('whoami', (payload, reply) => {\n  reply(info);\n});",
    removedInV4: false,
    labSource: SIO_ADAPTER,
    action: { kind: 'whoami' },
  },
  {
    id: 'broadcast-emit',
    seed: "socket.broadcast.emit('message', data);",
    v4: "socket.broadcast.emit('message', data);",
    removedInV4: false,
    labSource: SIO_ADAPTER,
    action: { kind: 'send', scope: 'others' },
  },
  {
    id: 'join-leave',
    seed: "socket.join('room');\nsocket.leave('room');",
    v4: "socket.join(['room', 'other']);\nsocket.leave('other');",
    removedInV4: false,
    labSource: SIO_ADAPTER,
    action: { kind: 'join-leave' },
  },
  {
    id: 'broadcast-to-room',
    seed: "socket.broadcast.to('room').emit('message', data);",
    v4: "socket.to('room').emit('message', data);",
    removedInV4: false,
    labSource: SIO_ADAPTER,
    action: { kind: 'send', scope: 'room', includeSelf: false },
  },
  {
    id: 'in-room-emit',
    seed: "io.sockets.in('room').emit('message', data);",
    v4: "io.in('room').emit('message', data);",
    removedInV4: false,
    labSource: SIO_ADAPTER,
    action: { kind: 'send', scope: 'room', includeSelf: true },
  },
  {
    id: 'list-clients',
    seed: 'io.sockets.clients();',
    v4: 'const sockets = await io.fetchSockets();',
    removedInV4: true,
    labSource: CHAT_SESSION,
    action: { kind: 'list', what: 'clients' },
  },
  {
    id: 'list-rooms',
    seed: 'io.sockets.manager.rooms;',
    v4: 'io.of(\'/\').adapter.rooms; // Map<room, Set<socketId>>',
    removedInV4: true,
    labSource: CHAT_SESSION,
    action: { kind: 'list', what: 'rooms' },
  },
  {
    id: 'client-rooms',
    seed: 'io.sockets.manager.roomClients[socket.id];',
    v4: 'socket.rooms; // Set<room>',
    removedInV4: true,
    labSource: CHAT_SESSION,
    action: { kind: 'list', what: 'client-rooms' },
  },
  {
    id: 'room-clients',
    seed: "io.sockets.clients('room');",
    v4: "const sockets = await io.in('room').fetchSockets();",
    removedInV4: true,
    labSource: CHAT_SESSION,
    action: { kind: 'list', what: 'room-clients' },
  },
  {
    id: 'namespace',
    seed: "var chat = io.of('/chat');\nchat.on('connection', function (socket) { /* … */ });\n// client: io.connect('ws://host:port/chat')",
    v4: "const chat = io.of('/chat');\nchat.on('connection', (socket) => { /* … */ });\n// client: io('ws://host:port/chat')",
    removedInV4: false,
    labSource: SIO_ADAPTER,
    action: { kind: 'namespace' },
  },
  {
    id: 'configure',
    seed: "io.configure('production', function () {\n  io.set('transports', ['websocket']);\n  io.enable('browser client minification');\n  io.disable('log');\n});",
    v4: "const io = new Server(httpServer, {\n  transports: ['websocket'],\n  pingInterval: 25000,\n});",
    removedInV4: true,
    labSource: 'server/config.ts',
    action: { kind: 'configure' },
  },
  {
    id: 'client-connect',
    seed: "var socket = io.connect('ws://host:port');",
    v4: "const socket = io('ws://host:port');",
    removedInV4: false,
    labSource: 'client/links/socketio-link.ts',
    action: { kind: 'connect' },
  },
  {
    id: 'disconnect-reconnect',
    seed: "socket.on('disconnect', function () { /* … */ });\nsocket.on('reconnect', function () { /* … */ });",
    v4: "socket.on('disconnect', (reason) => { /* … */ });\nsocket.io.on('reconnect', (attempt) => { /* … */ });",
    removedInV4: false,
    labSource: 'client/chat-client.ts',
    action: { kind: 'drop' },
  },
];
