/**
 * Events the server sends to clients.
 *
 * On ws, SockJS and polling an event travels as JSON `{"type": "...", ...}`.
 * On Socket.IO the type is the event name and the rest is the payload: `socket.on('message', ...)`.
 */
import type { ErrorCode } from './error-codes';
import type { Scope } from './client-ops';
import type { RecoveryReport } from './streams';
import type { TransportId } from './transports';

/** A connected client as other clients see it. */
export interface ClientInfo {
  id: string;
  name: string;
  transport: TransportId;
  /** Rooms the client is in, sorted. */
  rooms: string[];
}

/** A room and how many clients are in it. */
export interface RoomInfo {
  name: string;
  members: number;
}

/** Sent once after a valid hello (and again after every reconnect). */
export interface WelcomeEvent {
  type: 'welcome';
  id: string;
  name: string;
  ns: string;
  transport: TransportId;
  /**
   * Everyone in the namespace right now, me included; with hello's `presence: 'rooms'`, only me
   * and the clients I share a room with.
   */
  clients: ClientInfo[];
  /** Namespaces this server offers. */
  namespaces: string[];
  /** Limits the server enforces, so a client can check before sending. */
  limits: { maxTextChars: number; maxFrameBytes: number };
  /** This server run's history epoch: stream positions are only comparable within one epoch. */
  epoch: string;
  /** The answer to hello's `resume`, when it had one. */
  recovery?: RecoveryReport;
  /** Last seq of every stream I follow now (replay included): where my positions start. */
  positions: Record<string, number>;
  ref?: string;
}

/** A chat message. */
export interface MessageEvent {
  type: 'message';
  /** Server-assigned message id, unique per server run. */
  id: string;
  from: { id: string; name: string; transport: TransportId };
  scope: Scope;
  room?: string;
  /** For `direct`: the recipient's id. */
  to?: string;
  /** For `room`: whether the sender asked for its own copy. */
  includeSelf?: boolean;
  text: string;
  /** Server wall-clock time when it accepted the message (ms since epoch). */
  sentAt: number;
  /** The sender's correlation reference, if it gave one. */
  ref?: string;
  /**
   * Microseconds the server spent between reading the sender's frame and handing this event to
   * the transports (integer, from the server's monotonic clock). Lets a benchmark subtract the
   * server's own share from a measured latency.
   */
  serverMicros?: number;
  /** The stream this message belongs to (protocol/streams.ts) and its position there. */
  stream?: string;
  seq?: number;
  /** True when it is replayed after a reconnect rather than delivered live. */
  replay?: boolean;
}

/**
 * Someone in my namespace arrived, left, was renamed, or changed rooms. With hello's
 * `presence: 'rooms'`: only someone I share a room with (joined/left: a room I am in).
 */
export interface PresenceEvent {
  type: 'presence';
  event: 'connected' | 'disconnected' | 'renamed' | 'joined' | 'left';
  client: ClientInfo;
  /** For joined/left: the rooms that changed. */
  rooms?: string[];
}

/** My rooms after a join or leave. */
export interface RoomsEvent {
  type: 'rooms';
  rooms: string[];
  /** After a join: last seq of each newly joined room's stream, where my positions there start. */
  positions?: Record<string, number>;
  ref?: string;
}

/** Answer to a list operation. */
export type ListEvent =
  | { type: 'list'; what: 'clients'; items: ClientInfo[]; ref?: string }
  | { type: 'list'; what: 'rooms'; items: RoomInfo[]; ref?: string }
  | { type: 'list'; what: 'client-rooms'; id: string; items: string[]; ref?: string }
  | { type: 'list'; what: 'room-clients'; room: string; items: ClientInfo[]; ref?: string };

/** Answer to whoami: to this client only. */
export interface WhoamiEvent {
  type: 'whoami';
  client: ClientInfo;
  ns: string;
  ref?: string;
}

/** The server accepted a send and delivered it to `recipients` clients. */
export interface AckEvent {
  type: 'ack';
  ref?: string;
  messageId: string;
  recipients: number;
  /**
   * Set when the message went to a stream I follow but not to me (`others`, room without me):
   * its position, so my ledger sees no gap. `replay` when re-sent after a reconnect.
   */
  stream?: string;
  seq?: number;
  replay?: boolean;
}

/** Something the client sent was refused. Only the offending client receives it. */
export interface ErrorEvent {
  type: 'error';
  code: ErrorCode;
  message: string;
  /** The operation that failed, when it could be read. */
  op?: string;
  ref?: string;
  /** Field-level detail from validation, when there is any. */
  issues?: { path: string; message: string }[];
}

/** The server is closing this connection on purpose (e.g. shutting down). */
export interface ByeEvent {
  type: 'bye';
  reason: string;
}

/** Any server event. */
export type ServerEvent =
  | WelcomeEvent
  | MessageEvent
  | PresenceEvent
  | RoomsEvent
  | ListEvent
  | WhoamiEvent
  | AckEvent
  | ErrorEvent
  | ByeEvent;

/** Name of a server event. */
export type ServerEventType = ServerEvent['type'];
/** Every server event name (Socket.IO clients subscribe to each). */
export const SERVER_EVENT_TYPES: readonly ServerEventType[] = [
  'welcome',
  'message',
  'presence',
  'rooms',
  'list',
  'whoami',
  'ack',
  'error',
  'bye',
];
