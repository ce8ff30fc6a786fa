/**
 * Raw WebSocket (`ws`) transport: one JSON text frame per operation or event.
 * Dead peers are found with WebSocket ping frames; a peer that misses a pong is terminated.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Duplex } from 'node:stream';
import createDebug from 'debug';
import { WebSocketServer, type WebSocket } from 'ws';
import { errorEvent, TRANSPORT_PATHS, type ServerEvent } from '../../protocol';
import { encodeOnce } from './event-encoding';
import type { ChatHub } from '../chat/chat-hub';
import type { Peer } from '../chat/peer';
import { CLOSE_GRACE_MS, HARD_LIMIT_FACTOR, type ServerTransport, SHUTDOWN_REASON } from './server-transport';
import { batchRestOfRead, newBatchMark } from '../http/write-coalescing';
import { CLOSE_SLOW_CONSUMER, cutAfterGrace, SLOW_CONSUMER_REASON } from './send-budget';
import { UpgradedSockets } from './upgraded-sockets';

const debug = createDebug('lab:ws');

/** Close code for "going away" (server shutdown or a dropped connection). */
const CLOSE_GOING_AWAY = 1001;

export interface WsTransportOptions {
  heartbeatMs: number;
  /** Bytes queued for a client that is not reading before it is closed (see send-budget.ts). */
  maxBufferedBytes: number;
}

export class WsTransport implements ServerTransport {
  readonly id = 'ws' as const;
  readonly path = TRANSPORT_PATHS.ws;
  private readonly wss: WebSocketServer;
  private readonly alive = new WeakMap<WebSocket, boolean>();
  private readonly heartbeat: NodeJS.Timeout;
  private readonly upgraded = new UpgradedSockets();

  constructor(
    private readonly hub: ChatHub,
    private readonly options: WsTransportOptions,
  ) {
    // noServer: our dispatcher routes upgrades; `{ server, path }` would answer 400 to Next's HMR.
    this.wss = new WebSocketServer({ noServer: true, maxPayload: hub.limits.maxFrameBytes * HARD_LIMIT_FACTOR });
    this.wss.on('connection', (socket, req: IncomingMessage) => this.accept(socket, req));
    this.heartbeat = setInterval(() => this.checkHeartbeats(), options.heartbeatMs);
    this.heartbeat.unref();
  }

  handleRequest(_req: IncomingMessage, res: ServerResponse): void {
    res.writeHead(426, { 'content-type': 'application/json', upgrade: 'websocket' });
    res.end(JSON.stringify(errorEvent('bad_request', { message: 'This endpoint speaks WebSocket only.' })));
  }

  opensConnection(_req: IncomingMessage, upgrade: boolean): boolean {
    return upgrade;
  }

  handleUpgrade(req: IncomingMessage, socket: Duplex, head: Buffer): void {
    if ((req.url ?? '').split('?')[0] !== this.path) {
      socket.end('HTTP/1.1 404 Not Found\r\nConnection: close\r\n\r\n');
      return;
    }
    this.upgraded.add(socket);
    this.wss.handleUpgrade(req, socket, head, (ws) => this.wss.emit('connection', ws, req));
  }

  dropAll(reason: string): void {
    for (const socket of this.wss.clients) socket.close(CLOSE_GOING_AWAY, reason.slice(0, 120));
  }

  async close(): Promise<void> {
    clearInterval(this.heartbeat);
    for (const socket of this.wss.clients) {
      sendEvent(socket, { type: 'bye', reason: SHUTDOWN_REASON });
      socket.close(CLOSE_GOING_AWAY, SHUTDOWN_REASON);
    }
    const closed = new Promise<void>((resolve) => this.wss.close(() => resolve()));
    await this.upgraded.drain(CLOSE_GRACE_MS);
    await closed;
  }

  private accept(socket: WebSocket, req: IncomingMessage): void {
    const batch = newBatchMark();
    // The raw socket, not `req`: the closure lives as long as the connection and must not keep the request's headers.
    const rawSocket = req.socket;
    const peer: Peer = {
      transport: 'ws',
      send: (event) => {
        batchRestOfRead(rawSocket, batch);
        sendEvent(socket, event);
        // bufferedAmount: bytes ws has queued for this socket and the socket has not yet written.
        if (socket.readyState === socket.OPEN && socket.bufferedAmount > this.options.maxBufferedBytes) this.dropSlow(socket, session.id);
      },
      close: (reason) => socket.close(CLOSE_GOING_AWAY, reason.slice(0, 120)),
    };
    const session = this.hub.connect(peer, { remoteAddress: req.socket.remoteAddress, forwardedFor: req.headers['x-forwarded-for'] });
    debug('open %s', session.id);
    this.alive.set(socket, true);
    socket.on('pong', () => this.alive.set(socket, true));
    socket.on('message', (data, isBinary) => {
      if (isBinary) {
        session.handleRefused(errorEvent('bad_envelope', { message: 'Binary frames are not supported; send JSON text.' }));
        return;
      }
      session.handleFrame(data.toString());
    });
    // An abrupt reset must never take the process down.
    socket.on('error', (err) => debug('error %s: %s', session.id, err.message));
    socket.on('close', (code) => {
      debug('close %s (%d)', session.id, code);
      session.handleClose();
    });
  }

  /** Closes a client that has stopped reading; cuts it if the close frame cannot get through. */
  private dropSlow(socket: WebSocket, id: string): void {
    debug('slow consumer %s: %d bytes buffered', id, socket.bufferedAmount);
    socket.close(CLOSE_SLOW_CONSUMER, SLOW_CONSUMER_REASON);
    cutAfterGrace(() => socket.terminate(), (listener) => socket.once('close', listener));
  }

  private checkHeartbeats(): void {
    for (const socket of this.wss.clients) {
      if (this.alive.get(socket) === false) {
        debug('heartbeat missed, terminating');
        socket.terminate();
        continue;
      }
      this.alive.set(socket, false);
      socket.ping();
    }
  }
}

function sendEvent(socket: WebSocket, event: ServerEvent): void {
  if (socket.readyState === socket.OPEN) socket.send(encodeOnce(event));
}
