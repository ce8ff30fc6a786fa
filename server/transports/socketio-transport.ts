/**
 * Socket.IO v4 transport, on a standalone Engine.IO server routed by our dispatcher (the library's
 * own `attach()` rewires every request listener and ends foreign upgrades).
 *
 * Where Socket.IO has a feature natively it is used, so a student can map the classic API onto
 * this code: namespaces are `io.of(ns)`, rooms are `socket.join(room)`, and fan-out is
 * `nsp.to(room).except(id).emit(...)`. The chat core stays the source of truth and this adapter
 * mirrors its membership into Socket.IO's rooms.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Duplex } from 'node:stream';
import createDebug from 'debug';
import { Server as EngineServer } from 'engine.io';
import { Server as SocketIoServer, type ServerOptions, type Socket } from 'socket.io';
import { errorEvent, isOverBytes, toSocketIoEvent, TRANSPORT_PATHS, type ServerEvent } from '../../protocol';
import type { ChatHub } from '../chat/chat-hub';
import type { Delivery } from '../chat/delivery';
import type { Peer } from '../chat/peer';
import { CLOSE_GRACE_MS, HARD_LIMIT_FACTOR, type ServerTransport, SHUTDOWN_REASON } from './server-transport';
import { corkEngineBatches } from './engine-batch-cork';
import { cutAfterGrace, QueueTally } from './send-budget';
import { UpgradedSockets } from './upgraded-sockets';

const debug = createDebug('lab:socketio');

/** Most bytes `,"ref":"ack<n>"` adds to a payload's JSON (the counter stays far below 10^20). */
const MAX_ADDED_REF_BYTES = 32;

/** Socket.IO room holding every socket that has said hello (namespace-wide broadcasts go here). */
const READY_ROOM = 'lab:ready';
/** Chat rooms live under a prefix so a room name can never collide with a socket id's own room. */
const roomKey = (room: string) => `room:${room}`;
/** Socket.IO room of the clients that hear every presence change in their namespace. */
const WATCH_ROOM = 'lab:watch';

export interface SocketIoTransportOptions {
  pingIntervalMs: number;
  pingTimeoutMs: number;
  /** Bytes held for a client that is not reading before it is closed (see send-budget.ts). */
  maxBufferedBytes: number;
  /**
   * Socket.IO's own adapter for a cluster (@socket.io/redis-adapter), so its native API
   * (`io.to(room).emit`, `fetchSockets`) spans nodes. The hub's deliveries stay local either way.
   */
  adapter?: ServerOptions['adapter'];
}

export class SocketIoTransport implements ServerTransport {
  readonly id = 'socketio' as const;
  readonly path = TRANSPORT_PATHS.socketio;
  private readonly engine: EngineServer;
  /** Socket.IO's server: its native API (spanning nodes with the cluster adapter), for embedders and tests. */
  readonly io: SocketIoServer;
  private readonly upgraded = new UpgradedSockets();
  /** True with a cluster adapter: deliveries then go to this node's sockets only. */
  private readonly clustered: boolean;

  constructor(
    private readonly hub: ChatHub,
    private readonly options: SocketIoTransportOptions,
  ) {
    const maxHttpBufferSize = hub.limits.maxFrameBytes * HARD_LIMIT_FACTOR;
    this.engine = new EngineServer({
      pingInterval: options.pingIntervalMs,
      pingTimeout: options.pingTimeoutMs,
      maxHttpBufferSize,
    });
    this.clustered = options.adapter !== undefined;
    this.io = new SocketIoServer({ serveClient: false, path: this.path, ...(options.adapter ? { adapter: options.adapter } : {}) });
    this.io.bind(this.engine);
    this.engine.on('connection', (conn: EngineSocket) => {
      this.watchBudget(conn);
      corkEngineBatches(conn);
      conn.once('close', () => settlePollingClose(conn));
    });
    // An unknown namespace is refused by Socket.IO itself ("Invalid namespace" connect_error).
    for (const ns of hub.namespaceNames) {
      this.io.of(ns).on('connection', (socket) => this.accept(socket));
    }
    hub.setNativeDeliverer('socketio', (delivery, skip) => this.deliver(delivery, skip));
  }

  handleRequest(req: IncomingMessage, res: ServerResponse): void {
    this.engine.handleRequest(req, res);
  }

  opensConnection(req: IncomingMessage): boolean {
    // An Engine.IO handshake (polling or websocket) carries no sid yet; later requests do.
    return !new URL(req.url ?? '/', 'http://localhost').searchParams.has('sid');
  }

  handleUpgrade(req: IncomingMessage, socket: Duplex, head: Buffer): void {
    this.upgraded.add(socket);
    this.engine.handleUpgrade(req, socket, head);
  }

  dropAll(reason: string): void {
    debug('dropping all: %s', reason);
    // Closing the underlying connection (not socket.disconnect()) looks like a network drop, so
    // clients reconnect by themselves; a server-side disconnect() would tell them not to.
    for (const ns of this.hub.namespaceNames) {
      for (const socket of this.io.of(ns).sockets.values()) socket.conn.close();
    }
  }

  async close(): Promise<void> {
    for (const ns of this.hub.namespaceNames) {
      this.io.of(ns).emit('bye', { reason: SHUTDOWN_REASON });
    }
    this.io.disconnectSockets(true);
    // engine.close() discards every unsent packet: a bye queued behind an event still being
    // written would be lost. Each connection closes itself once its buffer is drained; only
    // what is left after the grace is cut off.
    await this.upgraded.drain(CLOSE_GRACE_MS);
    this.engine.close();
  }

  /**
   * Backpressure. Fan-out here is Socket.IO's own `to(room).emit`, which never passes through a
   * Peer, so the check hooks Engine.IO's `packetCreate` (every packet queued for this client).
   * While a client does not read, engine.io holds packets in `writeBuffer` (the transport stays
   * unwritable until the socket drains); over WebSocket the socket's own queue counts too.
   */
  private watchBudget(conn: EngineSocket): void {
    const tally = new QueueTally<{ data?: unknown }>((packet) => packetBytes(packet.data));
    const onPacket = () => {
      const ws = (conn.transport as unknown as { socket?: WebSocketLike }).socket;
      const queue = (conn as unknown as { writeBuffer: { data?: unknown }[] }).writeBuffer;
      const held = tally.bytesIn(queue) + (ws?.bufferedAmount ?? 0);
      if (held <= this.options.maxBufferedBytes) return;
      conn.off('packetCreate', onPacket);
      debug('slow consumer on %s: %d bytes held', conn.transport.name, held);
      // close(true) discards the transport: a plain close() would wait for a drain that never comes.
      conn.close(true);
      // Over WebSocket the close frame cannot get through either: cut the socket after a grace.
      if (ws?.terminate) cutAfterGrace(() => ws.terminate!(), (listener) => ws.once?.('close', listener));
    };
    conn.on('packetCreate', onPacket);
  }

  private accept(socket: Socket): void {
    // Acknowledgement callbacks of the operation being handled, by ref (handling is synchronous).
    const acks = new Map<string, (reply: unknown) => void>();
    let ackCounter = 0;
    // A reply to an operation emitted with an acknowledgement callback goes to that callback. The
    // callback is looked up when the event is bound, so a delayed delivery (admin faults) still finds it.
    const bind = (event: ServerEvent): (() => void) => {
      const ref = 'ref' in event && event.type !== 'message' ? event.ref : undefined;
      const ack = ref === undefined ? undefined : acks.get(ref);
      if (ack) {
        acks.delete(ref!);
        return () => ack(event);
      }
      const [name, payload] = toSocketIoEvent(event);
      return () => void socket.emit(name, payload);
    };
    const peer: Peer = {
      transport: 'socketio',
      send: (event) => bind(event)(),
      bind,
      close: () => socket.disconnect(true),
      becameReady: (watchesNamespace) => void socket.join(watchesNamespace ? [READY_ROOM, WATCH_ROOM] : READY_ROOM),
      joinedRoom: (room) => void socket.join(roomKey(room)),
      leftRoom: (room) => void socket.leave(roomKey(room)),
    };
    // socket.id doubles as the client id, so `io.to(id)` reaches it natively.
    const session = this.hub.connect(peer, {
      id: socket.id,
      namespace: socket.nsp.name,
      remoteAddress: socket.conn.remoteAddress,
      forwardedFor: socket.handshake.headers['x-forwarded-for'],
    });
    debug('open %s in %s', socket.id, socket.nsp.name);
    const maxFrameBytes = this.hub.limits.maxFrameBytes;
    // Engine.IO hands every packet to 'packet' listeners before Socket.IO decodes it and calls
    // onAny, so this is the text the current event came in (Infinity for binary ones).
    let rawLength = Number.POSITIVE_INFINITY;
    socket.conn.on('packet', (packet: { type: string; data?: unknown }) => {
      if (packet.type !== 'message') return;
      rawLength = typeof packet.data === 'string' && packet.data.startsWith('2') ? packet.data.length : Number.POSITIVE_INFINITY;
    });
    socket.onAny((event: unknown, ...args: unknown[]) => {
      // `socket.emit('join', {rooms}, reply => ...)`: the classic Socket.IO acknowledgement.
      const callback = typeof args[args.length - 1] === 'function' ? (args.pop() as (reply: unknown) => void) : undefined;
      let body = args[0];
      let ref: string | undefined;
      if (callback) {
        if (body !== undefined && (typeof body !== 'object' || body === null || Array.isArray(body))) {
          callback(errorEvent('invalid_field', { op: String(event).slice(0, 64), message: 'The payload must be an object.' }));
          return;
        }
        const given = (body as { ref?: unknown } | undefined)?.ref;
        ref = typeof given === 'string' ? given : `ack${++ackCounter}`;
        body = { ...(body as object | undefined), ref };
        acks.set(ref, callback);
      }
      try {
        // Same frame limit as the text transports, measured on the payload as JSON. The payload's
        // JSON is part of the packet's text, so a packet whose text cannot reach the limit even at
        // 3 bytes per UTF-16 unit (plus the ref added above) needs no second JSON.stringify.
        let tooLarge = false;
        if (rawLength * 3 + MAX_ADDED_REF_BYTES > maxFrameBytes) {
          try {
            tooLarge = body !== undefined && isOverBytes(JSON.stringify(body), maxFrameBytes);
          } catch {
            tooLarge = true;
          }
        }
        if (tooLarge) {
          session.handleRefused(errorEvent('too_large', { ref, message: `Frame is over ${maxFrameBytes} bytes.` }));
          return;
        }
        session.handleOp(event, body);
      } finally {
        if (ref !== undefined) acks.delete(ref);
      }
    });
    // Note: a client may emit an event named "error" too; it reaches onAny like any other.
    socket.on('error', (err: unknown) => debug('error %s: %s', socket.id, err instanceof Error ? err.message : String(err)));
    socket.on('disconnect', (reason) => {
      debug('close %s: %s', socket.id, reason);
      session.handleClose();
    });
  }

  /** Fan-out with Socket.IO's own API: the same audience the core computed, expressed natively. */
  private deliver(delivery: Delivery, skip?: readonly string[]): void {
    // Local: every node delivers the bus's deliveries to its own clients (with a Redis adapter,
    // a plain `nsp.to()` would also broadcast to the other nodes, which deliver it themselves).
    const nsp = this.clustered ? this.io.of(delivery.ns).local : this.io.of(delivery.ns);
    const [name, payload] = toSocketIoEvent(delivery.event);
    const audience = delivery.audience;
    let target;
    switch (audience.kind) {
      case 'namespace':
        target = nsp.to(READY_ROOM);
        break;
      case 'room':
        target = nsp.to(roomKey(audience.room));
        break;
      case 'client':
        target = nsp.to(audience.id);
        break;
      case 'presence':
        // One emit to the union of rooms: Socket.IO sends each socket one copy.
        target = nsp.to([WATCH_ROOM, ...audience.rooms.map(roomKey)]);
    }
    // Who the core leaves out (the sender, for `others`), plus those the hub served itself; an
    // array only when the hub skipped someone (rarely: a client whose output is held).
    const one = audience.kind === 'client' ? undefined : audience.except;
    const left = skip?.length ? (one ? [one, ...skip] : [...skip]) : one;
    (left ? target.except(left) : target).emit(name, payload);
  }
}

/** An Engine.IO connection (one per client, whatever its transport). */
type EngineSocket = import('engine.io').Socket;

/** The part of a `ws` WebSocket this file reads (engine.io's websocket transport keeps one). */
interface WebSocketLike {
  bufferedAmount?: number;
  terminate?: () => void;
  once?: (event: 'close', listener: () => void) => void;
}

/**
 * engine.io 6 closes a dead polling session's transport "orderly": it waits up to 30 s for the
 * client's next GET to carry the close packet. After a transport error (a POST cut mid-body)
 * that GET never comes, and the pending timer keeps a stopping process alive for 30 s; the
 * session is already closed, so finish the transport's close now.
 */
function settlePollingClose(conn: EngineSocket): void {
  const transport = conn.transport as unknown as { shouldClose?: () => void };
  const finish = transport.shouldClose;
  if (!finish) return;
  transport.shouldClose = undefined;
  finish();
}

/** Size of an Engine.IO packet's payload. */
function packetBytes(data: unknown): number {
  if (typeof data === 'string') return data.length;
  return (data as { byteLength?: number } | undefined)?.byteLength ?? 0;
}
