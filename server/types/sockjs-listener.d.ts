/**
 * sockjs 0.3.24 has `Server.listener(options).getHandler()`, the only way to route requests to it
 * from our own dispatcher, but @types/sockjs does not declare it.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Duplex } from 'node:stream';

declare module 'sockjs' {
  interface ServerOptions {
    /** Passed to faye-websocket; `maxLength` caps a WebSocket frame before it is buffered. */
    faye_server_options?: { maxLength?: number };
  }
  interface Server {
    listener(options?: ServerOptions): {
      /** Returns a handler that answers a request or upgrade under the prefix and returns true, else false. */
      getHandler(): (req: IncomingMessage, res: ServerResponse | Duplex, head?: Buffer) => boolean;
    };
  }
}
