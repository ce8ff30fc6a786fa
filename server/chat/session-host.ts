/**
 * The port a ChatSession runs against: the few things it needs from the chat around it (limits,
 * clock, history, namespaces, message ids, publishing, and being forgotten). ChatHub implements
 * it; a session depends only on this, so the core has no import cycle, can be tested without a
 * hub, and a bus over several processes plugs in behind `publish` without touching the session.
 */
import type { BusFailure, MessageDraft } from './chat-bus';
import type { Delivery } from './delivery';
import type { Member } from './member';
import type { NamespaceState } from './namespace-state';
import type { RateLimitOptions } from './rate-limiter';
import type { StreamHistory } from './stream-history';
import type { Clock } from './token-bucket';

/** Limits the core enforces on every transport. */
export interface ChatLimits {
  maxFrameBytes: number;
  maxTextChars: number;
  /** Rooms one client may be in. */
  maxRoomsPerClient: number;
  /** Clients one room may hold. */
  maxClientsPerRoom: number;
  /** Per-client operation rate. */
  rate: RateLimitOptions;
}

export interface SessionHost {
  readonly limits: ChatLimits;
  /** Clock for rate limiting. */
  readonly clock: Clock;
  /** Every message's position in its stream, and the recent ones for replay after a reconnect. */
  readonly history: StreamHistory;
  /** Most events one resume may replay. */
  readonly replayLimit: number;
  /** Namespaces offered, "/" first. */
  readonly namespaceNames: string[];
  /** The namespace called `name`, if offered. */
  namespace(name: string): NamespaceState | undefined;
  /**
   * Hands a delivery to every process's fan-out (this one's included).
   * @param about the client a presence change concerns, for other nodes' directories
   */
  publish(delivery: Delivery, about?: Member): void;
  /**
   * Numbers, stores and publishes a message: `done(seq)` once this node has delivered it,
   * `failed` when it could not be sent. Synchronous in one process.
   */
  publishMessage(draft: MessageDraft, done: (seq: number) => void, failed: (reason: BusFailure) => void): void;
  /** Runs `then` once every delivery published anywhere before has reached this node. */
  settle(then: () => void): void;
  /** A fresh message id, unique for this server run. */
  nextMessageId(): string;
  /** The member's connection is gone: stop counting it. */
  forget(member: Member): void;
}
