/**
 * The Lab's server without its pages: one HTTP server, one chat hub, four transports, one
 * dispatcher. `index.ts` adds Next.js on top; tests use it bare on a free port.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import createDebug from 'debug';
import type { TransportId } from '../protocol';
import type { LabConfig } from './config';
import type { ChatBus } from './chat/chat-bus';
import type { HistorySnapshot } from './chat/stream-history';
import type { SocketIoTransportOptions } from './transports/socketio-transport';
import type { PollRelay } from './cluster/poll-relay';
import { ChatHub } from './chat/chat-hub';
import { loadHistory, saveHistory, type HistoryLoad } from './chat/history-file';
import type { Clock } from './chat/token-bucket';
import { FaultInjector } from './faults/fault-injector';
import { createApiRoutes } from './http/api-routes';
import { createClassroomRoutes } from './http/classroom-routes';
import { createClusterRoutes } from './http/cluster-routes';
import { createDispatcher, type PageHandler } from './http/dispatcher';
import { createOriginPolicy } from './http/origin-policy';
import { LayerMeter } from './metering/layer-meter';
import { createInspectorRoutes } from './http/inspector-routes';
import { WireInspector } from './inspector/wire-inspector';
import { WireMeter } from './metering/wire-meter';
import { createTransports } from './transports';
import { SHUTDOWN_REASON, type ServerTransport } from './transports/server-transport';

const debug = createDebug('lab:server');


export interface LabServer {
  readonly http: Server;
  readonly hub: ChatHub;
  readonly transports: Record<TransportId, ServerTransport>;
  /** Wire bytes per transport, read from this server's TCP sockets. */
  readonly wireMeter: WireMeter;
  /** Admin faults (stall, latency) applied to every transport's outgoing events. */
  readonly faults: FaultInjector;
  /** The same bytes split into payload, framing, http and keepalive, per transport. */
  readonly layerMeter: LayerMeter;
  /** Every unit on the wire, decoded; undefined with INSPECTOR=off or WIRE_METER=off. */
  readonly inspector?: WireInspector;
  /** Starts listening on config.host:config.port; resolves with the base URL. Rejects on a port clash. */
  listen(): Promise<string>;
  /** What the start found in config.historyFile (`absent` when persistence is off). */
  readonly historyLoad: HistoryLoad;
  /**
   * Stops accepting (healthz 503, new connections refused), tells clients why (`bye`), closes
   * transports, saves the history when config.historyFile is set, then closes the HTTP server.
   * A failed save is reported on stderr and does not fail the shutdown.
   */
  close(): Promise<void>;
}

/** A bus over several nodes brings the shared history and Socket.IO's adapter with it. */
export interface ClusterBus extends ChatBus {
  /** This node's name in the cluster. */
  readonly nodeId: string;
  /** The other nodes it hears. */
  peers(): string[];
  /** False while Redis is out of reach. */
  readonly connected: boolean;
  /** What the cluster's history held when this node started. */
  readonly restored: HistorySnapshot;
  /** Socket.IO's adapter on the same cluster. */
  socketIoAdapter(): SocketIoTransportOptions['adapter'];
  /** Short polling's relay to the node that has a session. */
  readonly pollRelay: PollRelay;
}

export interface LabServerOptions {
  /** Serves pages (Next.js). Without it, non-API paths are 404 and unknown upgrades are refused. */
  pages?: PageHandler;
  /** One process's in-memory bus by default; a ClusterBus (Redis) makes this node one of many. */
  bus?: ChatBus | ClusterBus;
  /** Clock for the per-client rate limit (tests freeze it). */
  clock?: Clock;
}

/** Builds a Lab server; nothing listens until `listen()`. */
export function createLabServer(config: LabConfig, options: LabServerOptions = {}): LabServer {
  const faults = new FaultInjector();
  const cluster = options.bus && 'restored' in options.bus ? options.bus : undefined;
  // In a cluster the history lives in Redis; a file per node would bring back a stale copy.
  const historyLoad: HistoryLoad = config.historyFile && !cluster ? loadHistory(config.historyFile, config.historyMaxAgeMs) : { status: 'absent' };
  // Never fatal: a bad file costs the clients their recovery (a new epoch), not the server its start.
  if (historyLoad.status === 'corrupt') console.warn(`History file ${config.historyFile} ignored: ${historyLoad.error}`);
  const hub = new ChatHub({
    namespaces: config.namespaces,
    limits: {
      maxFrameBytes: config.maxFrameBytes,
      maxTextChars: config.maxTextChars,
      maxRoomsPerClient: config.maxRoomsPerClient,
      maxClientsPerRoom: config.maxClientsPerRoom,
      rate: { perSec: config.rateLimitPerSec, burst: config.rateLimitBurst, strikes: config.rateLimitStrikes },
    },
    bus: options.bus,
    clock: options.clock,
    faults,
    history: {
      size: config.historySize,
      maxAgeMs: config.historyMaxAgeMs,
      restore: cluster?.restored ?? (historyLoad.status === 'loaded' ? historyLoad.snapshot : undefined),
    },
    trustProxy: config.trustProxy,
    // Half a polling queue: a replay must never overflow it, and live traffic needs room too.
    replayLimit: Math.max(1, Math.floor(config.pollQueueLimit / 2)),
  });
  const transports = createTransports(hub, config, cluster && { socketIoAdapter: cluster.socketIoAdapter(), pollRelay: cluster.pollRelay });
  const wireMeter = new WireMeter();
  const layerMeter = new LayerMeter(wireMeter);
  // The inspector records the meter's units: without the meter there is nothing to record.
  const inspector = config.wireMeter && config.inspector ? new WireInspector(config.inspectorRecords) : undefined;
  if (inspector) layerMeter.inspectWith(inspector);
  let listening = { host: config.host, port: config.port };
  const classroom = createClassroomRoutes(hub, config.namespaces, () => listening);
  const wireLog = createInspectorRoutes(inspector);
  const clusterInfo = createClusterRoutes(hub, cluster);
  const api = createApiRoutes(config, transports, wireMeter, faults, layerMeter, [classroom, wireLog, clusterInfo]);
  let closing = false;
  const dispatcher = createDispatcher({
    transports: Object.values(transports),
    api,
    pages: options.pages,
    ownsAllUpgrades: options.pages === undefined,
    origins: createOriginPolicy(config.allowedOrigins),
    connections: { from: (address) => hub.connectionsFrom(address), max: config.maxConnectionsPerAddress, trustProxy: config.trustProxy },
    // Off, the meters see nothing and report zeros: only the benchmark turns them off, to price them.
    onRoute: config.wireMeter
      ? (bucket, req, res) => {
          wireMeter.route(bucket, req, res);
          layerMeter.route(bucket, req, res);
        }
      : undefined,
    closing: () => (closing ? SHUTDOWN_REASON : undefined),
  });
  const http = createServer(httpTimeouts(config), dispatcher.onRequest);
  http.keepAliveTimeout = config.httpKeepAliveTimeoutMs;
  if (config.wireMeter) http.on('connection', wireMeter.track);
  http.on('upgrade', dispatcher.onUpgrade);
  // A socket that errors before any request is parsed (e.g. a reset) must not crash us.
  http.on('clientError', (err: NodeJS.ErrnoException, socket) => {
    debug('client error: %s', err.message);
    // A time-out closes without an answer. Why: browsers open sockets ahead of need; one that
    // idles past the time-outs and is used afterwards would read our refusal as the answer to its
    // first request (a POST /send seen failing, never handled). Closed, the browser sends the
    // request on a fresh connection.
    const timedOut = err.code === 'ERR_HTTP_REQUEST_TIMEOUT' || err.code === 'HPE_HEADERS_TIMEOUT';
    if (socket.writable && !timedOut) socket.end('HTTP/1.1 400 Bad Request\r\nConnection: close\r\n\r\n');
    else socket.destroy();
  });

  return {
    http,
    hub,
    transports,
    wireMeter,
    faults,
    layerMeter,
    inspector,
    listen() {
      return new Promise((resolve, reject) => {
        const onError = (err: Error) => reject(err);
        http.once('error', onError);
        http.listen(config.port, config.host, () => {
          http.off('error', onError);
          api.setReady(true);
          const address = http.address() as AddressInfo;
          listening = { host: config.host, port: address.port };
          const host = address.family === 'IPv6' ? `[${address.address}]` : address.address;
          resolve(`http://${host}:${address.port}`);
        });
      });
    },
    historyLoad,
    async close() {
      closing = true;
      api.setReady(false);
      // Release held events first: a pending timer would otherwise outlive the server.
      faults.clear();
      // Still listening while the transports close: a polling client needs a new TCP connection
      // to collect its bye when its keep-alive one was idle. Everything new is refused above.
      await Promise.all(Object.values(transports).map((t) => t.close()));
      const stopped = new Promise<void>((resolve) => http.close(() => resolve()));
      await hub.close();
      // Saved only now: with every transport closed, no message can be appended after the snapshot.
      if (config.historyFile && !cluster) {
        await saveHistory(config.historyFile, hub.history.snapshot()).catch((err: Error) =>
          console.error(`History not saved to ${config.historyFile}: ${err.message}`),
        );
      }
      http.closeAllConnections();
      await stopped;
    },
  };
}

/**
 * Node's HTTP timeouts, set explicitly (its defaults are 60 s for headers, 300 s for a request):
 * a connection that opens and sends nothing, or trickles a request head, is closed after
 * `httpHeadersTimeoutMs`. Node checks them only every `connectionsCheckingInterval` (30 s by
 * default), so that follows the timeout. Upgraded sockets (WebSockets) are not affected.
 */
function httpTimeouts(config: LabConfig): { headersTimeout: number; requestTimeout: number; connectionsCheckingInterval: number } {
  // Node refuses a headersTimeout above requestTimeout.
  const headersTimeout = Math.min(config.httpHeadersTimeoutMs, config.httpRequestTimeoutMs);
  return {
    headersTimeout,
    requestTimeout: config.httpRequestTimeoutMs,
    connectionsCheckingInterval: Math.max(50, Math.min(5000, Math.floor(headersTimeout / 4))),
  };
}
