/** Raw WebSocket link: one JSON text frame per operation; the browser's WebSocket or `ws` in Node. */
import { decodeServerEvent, TRANSPORT_PATHS } from '../../protocol';
import { joinUrl, type Link } from '../link';

/** The part of the WebSocket API we use (satisfied by the browser's and by `ws`). */
export interface WebSocketLike {
  readonly readyState: number;
  onopen: ((ev: unknown) => void) | null;
  onmessage: ((ev: { data: unknown }) => void) | null;
  onclose: ((ev: { code: number; reason: string }) => void) | null;
  onerror: ((ev: unknown) => void) | null;
  send(data: string): void;
  close(code?: number, reason?: string): void;
}
export type WebSocketConstructor = new (url: string) => WebSocketLike;

/**
 * @param baseUrl the server's origin, e.g. `http://127.0.0.1:3000`
 * @param WebSocketImpl the WebSocket class to use
 */
export function createWsLink(baseUrl: string, WebSocketImpl: WebSocketConstructor): Link {
  const url = joinUrl(baseUrl.replace(/^http/, 'ws'), TRANSPORT_PATHS.ws);
  return {
    transport: 'ws',
    lane: 'ws',
    reconnectsItself: false,
    open(_ns, handlers) {
      // The namespace travels in hello, the same as on SockJS and polling.
      const socket = new WebSocketImpl(url);
      let live = true;
      socket.onopen = () => live && handlers.onOpen();
      socket.onmessage = (ev) => {
        if (!live || typeof ev.data !== 'string') return;
        const event = decodeServerEvent(ev.data);
        if (event) handlers.onEvent(event);
      };
      socket.onerror = () => {
        /* the close event follows and says why */
      };
      socket.onclose = (ev) => {
        if (!live) return;
        live = false;
        handlers.onDown({ reason: `closed ${ev.code}${ev.reason ? ` ${ev.reason}` : ''}`, willRetry: false });
      };
      return {
        send(op) {
          if (socket.readyState === 1) socket.send(JSON.stringify(op));
        },
        close() {
          live = false;
          if (socket.readyState <= 1) socket.close(1000, 'client closed');
        },
        drop() {
          // A browser cannot reset a TCP connection; a 4000 close is the nearest real drop, and
          // `live` stays true so onclose reports it down and ChatClient reconnects.
          if (socket.readyState <= 1) socket.close(4000, 'dropped');
        },
      };
    },
  };
}
