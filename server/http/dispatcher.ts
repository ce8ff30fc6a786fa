/**
 * One dispatcher in front of everything on the port: each transport handles its own prefix,
 * the API its routes, and the rest goes to the pages (Next.js). Upgrades we do not own are left
 * alone, never destroyed, so Next's own listener can serve HMR at /_next/hmr.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Duplex } from 'node:stream';
import createDebug from 'debug';
import { errorEvent, isApiPath, laneOfRequest, type ByeEvent, type ErrorEvent, type WireBucket } from '../../protocol';
import type { ServerTransport } from '../transports/server-transport';
import { coalesceWrites } from './write-coalescing';
import type { ApiRoutes } from './api-routes';
import { sendJson } from '../http-io/json-response';
import type { OriginPolicy } from './origin-policy';
import { clientAddress } from '../client-address';

const debug = createDebug('lab:dispatch');

/** Serves whatever is not realtime or API: Next's request handler, or a 404 without pages. */
export type PageHandler = (req: IncomingMessage, res: ServerResponse) => void | Promise<void>;

export interface DispatcherOptions {
  transports: ServerTransport[];
  api: ApiRoutes;
  pages?: PageHandler;
  /** True when nobody else listens for upgrades (no Next): unknown upgrades are then refused. */
  ownsAllUpgrades: boolean;
  /** Which pages may use the realtime endpoints; checked before any transport library runs. */
  origins: OriginPolicy;
  /** Open chat connections per remote address, and the most allowed. */
  /** Open connections per address, the limit, and whether X-Forwarded-For names the address (a proxy of ours in front). */
  connections: { from(address: string): number; max: number; trustProxy?: boolean };
  /**
   * Told who owns each request (with its response) and each upgrade (without), before its handler
   * runs: the wire meter's attribution hook.
   */
  onRoute?: (bucket: WireBucket, req: IncomingMessage, res?: ServerResponse) => void;
  /**
   * While this returns a reason the server is shutting down: traffic of connections already open
   * still reaches its transport (a polling client must collect its bye), everything else (pages,
   * API and healthz, new chat connections) gets 503 with a `bye` carrying the reason.
   */
  closing?: () => string | undefined;
}

export interface Dispatcher {
  onRequest(req: IncomingMessage, res: ServerResponse): void;
  onUpgrade(req: IncomingMessage, socket: Duplex, head: Buffer): void;
}

/** Builds the dispatcher. */
export function createDispatcher(options: DispatcherOptions): Dispatcher {
  const owner = (url: string | undefined): ServerTransport | undefined => {
    const path = (url ?? '/').split('?')[0];
    return options.transports.find((t) => path === t.path || path.startsWith(`${t.path}/`));
  };
  /** The shutdown refusal for a request that would open something new, or undefined. */
  const shuttingDown = (transport: ServerTransport | undefined, req: IncomingMessage, upgrade: boolean): Refusal | undefined => {
    const reason = options.closing?.();
    if (reason === undefined || (transport && !transport.opensConnection(req, upgrade))) return undefined;
    return { status: 503, event: { type: 'bye', reason } };
  };
  /** Why a realtime request or upgrade may not reach its transport, or undefined when it may. */
  const admission = (transport: ServerTransport, req: IncomingMessage, upgrade: boolean): Refusal | undefined => {
    const closing = shuttingDown(transport, req, upgrade);
    if (closing) return closing;
    if (!options.origins.allows(req)) {
      debug('refused origin %s on %s', req.headers.origin, req.url);
      return { status: 403, event: errorEvent('forbidden_origin') };
    }
    const address = clientAddress(req.socket.remoteAddress, req.headers['x-forwarded-for'], options.connections.trustProxy ?? false);
    // Only a request that would open a new chat connection counts; polls of an open one do not.
    if (address !== undefined && transport.opensConnection(req, upgrade) && options.connections.from(address) >= options.connections.max) {
      debug('refused connection from %s: %d open', address, options.connections.from(address));
      return { status: 429, event: errorEvent('too_many_connections') };
    }
    return undefined;
  };
  return {
    onRequest(req, res) {
      // An abrupt reset mid-request must not surface as an unhandled 'error'.
      req.on('error', (err) => debug('request error: %s', err.message));
      const transport = owner(req.url);
      options.onRoute?.(transport ? laneOfRequest(transport.id, req.url) : bucketOf(req.url), req, res);
      if (transport) {
        const refusal = admission(transport, req, false);
        if (refusal) {
          req.resume();
          return sendRefusal(res, refusal);
        }
        return transport.handleRequest(req, res);
      }
      const closing = shuttingDown(undefined, req, false);
      if (closing) {
        req.resume();
        return sendRefusal(res, closing);
      }
      if (options.api.handle(req, res)) return;
      if (options.pages) {
        Promise.resolve(options.pages(req, res)).catch((err: Error) => {
          debug('page error: %s', err.message);
          if (!res.headersSent) res.writeHead(500);
          res.end();
        });
        return;
      }
      res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' });
      res.end('Not found');
    },
    onUpgrade(req, socket, head) {
      const transport = owner(req.url);
      // An upgrade we do not own is Next's (HMR) or refused: either way it is page traffic.
      options.onRoute?.(transport ? laneOfRequest(transport.id, req.url) : 'page', req);
      if (!transport) {
        if (options.ownsAllUpgrades) socket.end('HTTP/1.1 404 Not Found\r\nConnection: close\r\n\r\n');
        return;
      }
      // Every upgraded socket gets an error handler: a reset must never crash the process.
      socket.on('error', (err) => debug('upgrade socket error: %s', err.message));
      const refusal = admission(transport, req, true);
      if (refusal) return void socket.end(refusalText(refusal));
      coalesceWrites(socket);
      transport.handleUpgrade(req, socket, head);
    },
  };
}

interface Refusal {
  status: 403 | 429 | 503;
  event: ErrorEvent | ByeEvent;
}

const STATUS_TEXT: Record<Refusal['status'], string> = { 403: 'Forbidden', 429: 'Too Many Requests', 503: 'Service Unavailable' };

function sendRefusal(res: ServerResponse, refusal: Refusal): void {
  // A server that is shutting down closes the connection too, so the client reconnects elsewhere.
  sendJson(res, refusal.status, refusal.event, refusal.status === 503 ? { connection: 'close' } : {});
}

/** A whole HTTP response for a refused upgrade, written straight to the socket. */
function refusalText(refusal: Refusal): string {
  const body = JSON.stringify(refusal.event);
  return (
    `HTTP/1.1 ${refusal.status} ${STATUS_TEXT[refusal.status]}\r\n` +
    'Connection: close\r\nContent-Type: application/json; charset=utf-8\r\n' +
    `Content-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`
  );
}

/** Bucket of a request no transport owns: the API and health check, or else the pages. */
function bucketOf(url: string | undefined): WireBucket {
  return isApiPath((url ?? '/').split('?')[0]) ? 'api' : 'page';
}
