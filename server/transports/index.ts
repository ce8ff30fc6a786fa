/** The transport registry: one entry per transport, built around one shared chat hub. */
import type { TransportId } from '../../protocol';
import type { LabConfig } from '../config';
import type { ChatHub } from '../chat/chat-hub';
import type { PollRelay } from '../cluster/poll-relay';
import { PollingTransport } from './polling-transport';
import type { ServerTransport } from './server-transport';
import { SockJsTransport } from './sockjs-transport';
import { SocketIoTransport, type SocketIoTransportOptions } from './socketio-transport';
import { WsTransport } from './ws-transport';

/** What a cluster adds to the transports: Socket.IO's own adapter, and polling's relay. */
export interface ClusterTransportParts {
  socketIoAdapter: SocketIoTransportOptions['adapter'];
  pollRelay: PollRelay;
}

/**
 * Builds all four transports over one hub.
 * @param cluster set when the hub's bus spans nodes
 */
export function createTransports(hub: ChatHub, config: LabConfig, cluster?: ClusterTransportParts): Record<TransportId, ServerTransport> {
  return {
    polling: new PollingTransport(hub, {
      pollIntervalMs: config.pollIntervalMs,
      sessionTtlMs: config.pollSessionTtlMs,
      queueLimit: config.pollQueueLimit,
      ...(cluster ? { relay: cluster.pollRelay } : {}),
    }),
    ws: new WsTransport(hub, { heartbeatMs: config.wsHeartbeatMs, maxBufferedBytes: config.maxBufferedBytes }),
    sockjs: new SockJsTransport(hub, {
      heartbeatMs: config.sockjsHeartbeatMs,
      disconnectDelayMs: config.sockjsDisconnectDelayMs,
      maxBufferedBytes: config.maxBufferedBytes,
    }),
    socketio: new SocketIoTransport(hub, {
      pingIntervalMs: config.socketIoPingIntervalMs,
      pingTimeoutMs: config.socketIoPingTimeoutMs,
      maxBufferedBytes: config.maxBufferedBytes,
      ...(cluster ? { adapter: cluster.socketIoAdapter } : {}),
    }),
  };
}
