/**
 * Socket.IO link. The namespace is part of the URL (`io(origin + '/lab')`), operations are events
 * (`socket.emit('join', {rooms})`), and Socket.IO reconnects by itself.
 */
import { LANES, LANE_QUERY, SERVER_EVENT_TYPES, TRANSPORT_PATHS, type LaneId, type ServerEvent } from '../../protocol';
import type { BackoffOptions } from '../backoff';
import { joinUrl, type Link } from '../link';

/** The part of socket.io-client's Socket we use. */
export interface SocketIoSocketLike {
  readonly connected: boolean;
  readonly active: boolean;
  readonly io: {
    engine?: { transport?: { name?: string }; close?(): void; on?(event: string, fn: (transport: { name?: string }) => void): unknown };
    on(event: string, fn: (...args: unknown[]) => void): unknown;
  };
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- socket.io-client's typed listeners must stay assignable here; unknown[] parameters would not be
  on(event: string, fn: (...args: any[]) => void): unknown;
  emit(event: string, ...args: unknown[]): unknown;
  disconnect(): unknown;
}
export type SocketIoFactory = (url: string, options: Record<string, unknown>) => SocketIoSocketLike;

export interface SocketIoLinkOptions {
  /** Which Socket.IO lane (default `socketio`: WebSocket only, since a fair column needs a pinned transport). */
  lane?: LaneId;
  /** Engine.IO transports, in order (default: the lane's). */
  transports?: string[];
  backoff?: BackoffOptions;
}

/**
 * @param baseUrl the server's origin
 * @param io socket.io-client's `io` function
 */
export function createSocketIoLink(baseUrl: string, io: SocketIoFactory, options: SocketIoLinkOptions = {}): Link {
  const lane = options.lane ?? 'socketio';
  const variant = LANES[lane].variant;
  return {
    transport: 'socketio',
    lane,
    reconnectsItself: true,
    open(ns, handlers) {
      const socket = io(joinUrl(baseUrl, ns === '/' ? '' : ns), {
        path: TRANSPORT_PATHS.socketio,
        transports: options.transports ?? LANES[lane].socketIoTransports ?? ['websocket'],
        // Engine.IO repeats `query` on every poll and on the upgrade: the server buckets by it.
        ...(variant ? { query: { [LANE_QUERY]: variant } } : {}),
        // A new Manager per client: each pane is its own connection, as each student would be.
        forceNew: true,
        reconnectionDelay: options.backoff?.baseMs ?? 250,
        reconnectionDelayMax: options.backoff?.capMs ?? 10_000,
        randomizationFactor: 0.5,
      });
      let live = true;
      socket.on('connect', () => live && handlers.onOpen());
      // A new engine per (re)connection: follow its upgrade (polling → websocket) each time.
      socket.io.on('open', () => {
        // The upgrade can finish before Socket.IO's own connect: say what it switched from here.
        const from = socket.io.engine?.transport?.name;
        socket.io.engine?.on?.('upgrade', (transport) => {
          if (live && transport.name) handlers.onVia?.({ ...(from ? { from } : {}), to: transport.name });
        });
      });
      for (const type of SERVER_EVENT_TYPES) {
        socket.on(type, (payload: Record<string, unknown>) => {
          if (live) handlers.onEvent({ ...payload, type } as ServerEvent);
        });
      }
      socket.on('disconnect', (reason: string) => {
        // Socket.IO retries unless the disconnect was deliberate ("io server disconnect").
        if (live) handlers.onDown({ reason, willRetry: socket.active });
      });
      socket.on('connect_error', (err: Error) => {
        if (live) handlers.onDown({ reason: `connect_error: ${err.message}`, willRetry: socket.active });
      });
      return {
        get via() {
          return socket.io.engine?.transport?.name;
        },
        send(op) {
          const { op: name, ...body } = op as { op: string } & Record<string, unknown>;
          if (socket.connected) socket.emit(name, body);
        },
        close() {
          live = false;
          socket.disconnect();
        },
        drop() {
          // Closing the engine (not the socket) is a "transport close": Socket.IO reconnects itself.
          socket.io.engine?.close?.();
        },
      };
    },
  };
}
