/**
 * SockJS link: sockjs-client picks the best transport it can (websocket, xhr-streaming, ...), or
 * the one its lane pins (`sockjs:xhr-streaming`).
 */
import { decodeServerEvent, LANES, TRANSPORT_PATHS, type LaneId } from '../../protocol';
import { joinUrl, laneQuery, type Link } from '../link';

/** The part of sockjs-client's API we use. */
export interface SockJsLike {
  readonly readyState: number;
  /** The sub-transport chosen, e.g. "websocket" or "xhr-streaming" (set once open). */
  readonly transport?: string;
  onopen: (() => void) | null;
  onmessage: ((ev: { data: unknown }) => void) | null;
  onclose: ((ev: { code: number; reason: string }) => void) | null;
  send(data: string): void;
  close(code?: number, reason?: string): void;
}
export type SockJsConstructor = new (url: string, reserved?: null, options?: { transports?: string | string[] }) => SockJsLike;

export interface SockJsLinkOptions {
  /** Which SockJS lane (default `sockjs`: the library chooses). */
  lane?: LaneId;
  /** Pin SockJS to these sub-transports (default: the lane's). */
  transports?: string[];
}

/**
 * @param baseUrl the server's origin
 * @param SockJSImpl the sockjs-client class
 */
export function createSockJsLink(baseUrl: string, SockJSImpl: SockJsConstructor, options: SockJsLinkOptions = {}): Link {
  const lane = options.lane ?? 'sockjs';
  const transports = options.transports ?? LANES[lane].sockjsTransports;
  // sockjs-client keeps a URL's query on every request it derives from it (/info, the session's).
  const tag = laneQuery(lane);
  const url = joinUrl(baseUrl, TRANSPORT_PATHS.sockjs) + (tag ? `?${tag}` : '');
  return {
    transport: 'sockjs',
    lane,
    reconnectsItself: false,
    open(_ns, handlers) {
      const sock = new SockJSImpl(url, null, transports ? { transports } : undefined);
      let live = true;
      sock.onopen = () => live && handlers.onOpen();
      sock.onmessage = (ev) => {
        if (!live || typeof ev.data !== 'string') return;
        const event = decodeServerEvent(ev.data);
        if (event) handlers.onEvent(event);
      };
      sock.onclose = (ev) => {
        if (!live) return;
        live = false;
        handlers.onDown({ reason: `closed ${ev.code}${ev.reason ? ` ${ev.reason}` : ''}`, willRetry: false });
      };
      return {
        get via() {
          return sock.transport;
        },
        send(op) {
          if (sock.readyState === 1) sock.send(JSON.stringify(op));
        },
        close() {
          live = false;
          if (sock.readyState <= 1) sock.close(1000, 'client closed');
        },
        drop() {
          if (sock.readyState <= 1) sock.close(4000, 'dropped');
        },
      };
    },
  };
}
