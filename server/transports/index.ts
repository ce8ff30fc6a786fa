/** The transport registry: one entry per transport, built around one shared chat hub. */
import type { TransportId } from '../../protocol';
import type { LabConfig } from '../config';
import type { ChatHub } from '../chat/chat-hub';
import { PollingTransport } from './polling-transport';
import type { ServerTransport } from './server-transport';
import { SockJsTransport } from './sockjs-transport';
import { SocketIoTransport, type SocketIoTransportOptions } from './socketio-transport';
import { WsTransport } from './ws-transport';

/**
 * Builds all four transports over one hub.
 * @param socketIoAdapter Socket.IO's cluster adapter, when the hub's bus spans nodes
 */
export function createTransports(hub: ChatHub, config: LabConfig, socketIoAdapter?: SocketIoTransportOptions['adapter']): Record<TransportId, ServerTransport> {
  return {
    polling: new PollingTransport(hub, {
      pollIntervalMs: config.pollIntervalMs,
      sessionTtlMs: config.pollSessionTtlMs,
      queueLimit: config.pollQueueLimit,
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
      ...(socketIoAdapter ? { adapter: socketIoAdapter } : {}),
    }),
  };
}
