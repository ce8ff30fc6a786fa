/**
 * The small HTTP API beside the transports: health, transport discovery, and a local copy of
 * sockjs-client (SockJS's iframe transports load it; the library's default points at a CDN).
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { createReadStream } from 'node:fs';
import { SOCKJS_CLIENT_PATH, TRANSPORTS } from '../../protocol';
import type { TransportId } from '../../protocol';
import type { LabConfig } from '../config';
import type { ServerTransport } from '../transports/server-transport';
import type { WireMeter } from '../metering/wire-meter';
import type { FaultInjector } from '../faults/fault-injector';
import { createAdminRoutes } from './admin-routes';
import { sendJson } from '../http-io/json-response';
import { createMetricsRoutes } from './metrics-routes';
import type { LayerMeter } from '../metering/layer-meter';

/** Body of `GET /api/transports`. */
export interface TransportsResponse {
  transports: { id: string; name: string; path: string; url: string; clientLibrary: string }[];
  namespaces: string[];
  pollIntervalMs: number;
  limits: { maxFrameBytes: number; maxTextChars: number };
}

export interface ApiRoutes {
  /** Answers the request and returns true when the path is an API route. */
  handle(req: IncomingMessage, res: ServerResponse): boolean;
  /** Flips /healthz to 200. */
  setReady(ready: boolean): void;
}

/** Builds the API routes for one server. */
export function createApiRoutes(
  config: LabConfig,
  transports: Record<TransportId, ServerTransport>,
  wireMeter: WireMeter,
  faults: FaultInjector,
  layerMeter?: LayerMeter,
  /** Further routes tried after these (the classroom's), in order. */
  extra: ((req: IncomingMessage, res: ServerResponse) => boolean)[] = [],
): ApiRoutes {
  let ready = false;
  const admin = createAdminRoutes({ enabled: config.adminApi, token: config.adminToken, transports, faults });
  const metrics = createMetricsRoutes({ enabled: config.adminApi, token: config.adminToken }, wireMeter, layerMeter);
  const sockjsClientPath = require.resolve('sockjs-client/dist/sockjs.min.js');
  return {
    setReady(value) {
      ready = value;
    },
    handle(req, res) {
      const path = (req.url ?? '/').split('?')[0];
      if (path === '/healthz') {
        sendJson(res, ready ? 200 : 503, { status: ready ? 'ok' : 'starting' });
        return true;
      }
      if (path === '/api/transports') {
        sendJson(res, 200, transportsBody(req, config));
        return true;
      }
      if (path === SOCKJS_CLIENT_PATH) {
        res.writeHead(200, { 'content-type': 'application/javascript; charset=utf-8', 'cache-control': 'public, max-age=86400' });
        createReadStream(sockjsClientPath).pipe(res);
        return true;
      }
      return metrics(req, res) || admin(req, res) || extra.some((route) => route(req, res));
    },
  };
}

function transportsBody(req: IncomingMessage, config: LabConfig): TransportsResponse {
  // Absolute URLs use the Host the client used, so a class joining a lecturer's machine gets
  // addresses that work from where it sits.
  const host = req.headers.host ?? `${config.host}:${config.port}`;
  return {
    transports: TRANSPORTS.map((t) => ({
      ...t,
      url: `${t.id === 'ws' ? 'ws' : 'http'}://${host}${t.path}`,
    })),
    namespaces: config.namespaces,
    pollIntervalMs: config.pollIntervalMs,
    limits: { maxFrameBytes: config.maxFrameBytes, maxTextChars: config.maxTextChars },
  };
}

