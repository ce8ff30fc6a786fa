/**
 * Socket.IO link. The namespace is part of the URL (`io(origin + '/lab')`), operations are events
 * (`socket.emit('join', {rooms})`), and Socket.IO reconnects by itself.
 */
import { SERVER_EVENT_TYPES, TRANSPORT_PATHS, type ServerEvent } from '../../protocol';
import type { BackoffOptions } from '../backoff';
import { joinUrl, type Link } from '../link';

/** The part of socket.io-client's Socket we use. */
export interface SocketIoSocketLike {
  readonly connected: boolean;
  readonly active: boolean;
  readonly io: { engine?: { transport?: { name?: string }; close?(): void }; on(event: string, fn: (...args: unknown[]) => void): unknown };
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- socket.io-client's typed listeners must stay assignable here; unknown[] parameters would not be
  on(event: string, fn: (...args: any[]) => void): unknown;
  emit(event: string, ...args: unknown[]): unknown;
  disconnect(): unknown;
}
export type SocketIoFactory = (url: string, options: Record<string, unknown>) => SocketIoSocketLike;

export interface SocketIoLinkOptions {
  /** Engine.IO transports, in order (default `['websocket']`: a fair column needs a pinned transport). */
  transports?: string[];
  backoff?: BackoffOptions;
}

/**
 * @param baseUrl the server's origin
 * @param io socket.io-client's `io` function
 */
export function createSocketIoLink(baseUrl: string, io: SocketIoFactory, options: SocketIoLinkOptions = {}): Link {
  return {
    transport: 'socketio',
    reconnectsItself: true,
    open(ns, handlers) {
      const socket = io(joinUrl(baseUrl, ns === '/' ? '' : ns), {
        path: TRANSPORT_PATHS.socketio,
        transports: options.transports ?? ['websocket'],
        // A new Manager per client: each pane is its own connection, as each student would be.
        forceNew: true,
        reconnectionDelay: options.backoff?.baseMs ?? 250,
        reconnectionDelayMax: options.backoff?.capMs ?? 10_000,
        randomizationFactor: 0.5,
      });
      let live = true;
      socket.on('connect', () => live && handlers.onOpen());
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
