/**
 * The chat: namespaces, sessions, and fan-out through the bus. Knows nothing of transports
 * beyond the `Peer` port; each transport adapter calls `connect()` for a new connection.
 */
import { randomBytes } from 'node:crypto';
import type { TransportId } from '../../protocol';
import { InMemoryChatBus, type BusFailure, type BusNode, type ChatBus, type MessageDraft } from './chat-bus';
import { ChatSession } from './chat-session';
import type { Delivery } from './delivery';
import { NamespaceState } from './namespace-state';
import type { Peer } from './peer';
import type { FaultInjector } from '../faults/fault-injector';
import { clientAddress } from '../client-address';
import type { Member } from './member';
import { RemoteDirectory } from './remote-directory';
import type { ChatLimits, SessionHost } from './session-host';
import { StreamHistory, type StreamHistoryOptions } from './stream-history';
import type { Clock } from './token-bucket';

export type { ChatLimits } from './session-host';

/**
 * A transport with its own fan-out (Socket.IO's `to(room).emit`). The hub calls it once per
 * delivery that reaches at least one of its clients, instead of sending to each client itself.
 * `skip`: clients it must leave out (the hub has sent them theirs already).
 */
export type NativeDeliverer = (delivery: Delivery, skip?: readonly string[]) => void;

export interface ChatHubOptions {
  namespaces: string[];
  limits: ChatLimits;
  /** Fan-out and message numbering (default: in memory, one process); Redis for a cluster. */
  bus?: ChatBus;
  /** Clock for rate limiting (tests inject a fake). */
  clock?: Clock;
  /** Admin faults (stall, latency): every peer is wrapped once here, whatever its transport. */
  faults?: FaultInjector;
  /** Per-stream message history for resume (default: 500 messages, 2 minutes). */
  history?: StreamHistoryOptions;
  /** Most events one resume may replay (default: no limit); see planResume. */
  replayLimit?: number;
  /** Count connections by their X-Forwarded-For address (a proxy of ours in front). */
  trustProxy?: boolean;
}

export class ChatHub implements SessionHost, BusNode {
  readonly limits: ChatLimits;
  readonly clock: Clock;
  /** Every message's position in its stream, and the recent ones for replay after a reconnect. */
  readonly history: StreamHistory;
  /** Most events one resume may replay. */
  readonly replayLimit: number;
  private readonly namespaces = new Map<string, NamespaceState>();
  private readonly sessions = new Set<Member>();
  private readonly nativeDeliverers = new Map<TransportId, NativeDeliverer>();
  private readonly bus: ChatBus;
  /** The clients of other nodes (stays empty in one process). */
  readonly directory: RemoteDirectory;
  private readonly runId = randomBytes(3).toString('hex');
  private messageCounter = 0;
  private readonly perAddress = new Map<string, number>();
  private readonly faults: FaultInjector | undefined;
  private readonly trustProxy: boolean;

  constructor(options: ChatHubOptions) {
    this.limits = options.limits;
    this.clock = options.clock ?? Date.now;
    this.faults = options.faults;
    this.trustProxy = options.trustProxy ?? false;
    this.history = new StreamHistory(options.history ?? { size: 500, maxAgeMs: 120_000 });
    this.replayLimit = options.replayLimit ?? Number.POSITIVE_INFINITY;
    for (const name of options.namespaces) this.namespaces.set(name, new NamespaceState(name));
    this.directory = new RemoteDirectory({
      namespace: (name) => this.namespaces.get(name),
      localMembers: () => this.sessions,
      deliverLocally: (delivery) => this.deliver(delivery),
    });
    this.bus = options.bus ?? new InMemoryChatBus();
    this.bus.attach(this);
  }

  /** Namespaces offered, "/" first. */
  get namespaceNames(): string[] {
    return [...this.namespaces.keys()];
  }

  /**
   * Registers a new connection.
   * @param peer the connection's port
   * @param options.id a client id the transport already has (Socket.IO's socket.id); else one is made
   * @param options.namespace the namespace when the transport chose it (Socket.IO)
   * @param options.remoteAddress the peer's IP address, counted for the per-address connection limit
   * @param options.forwardedFor its X-Forwarded-For header, used instead when the hub trusts the proxy
   */
  connect(peer: Peer, options: { id?: string; namespace?: string; remoteAddress?: string; forwardedFor?: string | string[] } = {}): ChatSession {
    const port = this.faults ? this.faults.wrap(peer) : peer;
    const address = clientAddress(options.remoteAddress, options.forwardedFor, this.trustProxy);
    const session = new ChatSession(options.id ?? newClientId(), port, this, options.namespace, address);
    this.sessions.add(session);
    if (session.remoteAddress !== undefined) {
      this.perAddress.set(session.remoteAddress, this.connectionsFrom(session.remoteAddress) + 1);
    }
    return session;
  }

  /** Open connections (any transport, said hello or not) from one remote address. */
  connectionsFrom(address: string): number {
    return this.perAddress.get(address) ?? 0;
  }

  /** Lets a transport fan out deliveries natively. */
  setNativeDeliverer(transport: TransportId, deliverer: NativeDeliverer): void {
    this.nativeDeliverers.set(transport, deliverer);
  }

  /** The namespace called `name`, if the server offers it. */
  namespace(name: string): NamespaceState | undefined {
    return this.namespaces.get(name);
  }

  /**
   * Publishes a delivery on the bus.
   * @param about the client a presence change concerns (other nodes' directories keep it)
   */
  publish(delivery: Delivery, about?: Member): void {
    this.bus.publish(delivery, about);
  }

  /** Numbers, stores and publishes a message; see ChatBus.publishMessage. */
  publishMessage(draft: MessageDraft, done: (seq: number) => void, failed: (reason: BusFailure) => void): void {
    this.bus.publishMessage(draft, done, failed);
  }

  /** Runs `then` once every delivery published before has reached this node; see ChatBus.settle. */
  settle(then: () => void): void {
    this.bus.settle(then);
  }

  /** A fresh message id, unique for this server run. */
  nextMessageId(): string {
    this.messageCounter += 1;
    return `${this.runId}-${this.messageCounter.toString(36)}`;
  }

  /** Number of open connections per transport (said hello or not). */
  connectionCounts(): Record<TransportId, number> {
    const counts: Record<TransportId, number> = { polling: 0, ws: 0, sockjs: 0, socketio: 0 };
    for (const s of this.sessions) counts[s.transport] += 1;
    return counts;
  }

  /** Stops the bus (Redis connections included). Sessions are closed by their transports. */
  close(): Promise<void> {
    return this.bus.close();
  }

  /** @internal called by a session when its connection is gone. */
  forget(session: Member): void {
    if (!this.sessions.delete(session)) return;
    const address = session.remoteAddress;
    if (address === undefined) return;
    const left = this.connectionsFrom(address) - 1;
    if (left > 0) this.perAddress.set(address, left);
    else this.perAddress.delete(address);
  }

  /** @internal the bus hands each delivery to this node's own clients here (BusNode). */
  deliver(delivery: Delivery): void {
    const ns = this.namespaces.get(delivery.ns);
    if (!ns) return;
    // Made only when a transport with its own fan-out has a recipient (not on most deliveries).
    let handedToNative: Set<TransportId> | undefined;
    // Clients of such a transport whose output is held: sent one by one, into the hold, and
    // left out of the transport's own fan-out (it would reach them past the hold).
    let skip: string[] | undefined;
    for (const session of ns.recipients(delivery.audience)) {
      // Another node's client: that node delivers to it.
      if (session.remote) continue;
      // A faulted transport is served event by event through its wrapped peers (see FaultInjector.holds).
      const native = this.faults?.holds(session.transport) ? undefined : this.nativeDeliverers.get(session.transport);
      if (!native) {
        session.peer.send(delivery.event);
      } else if (session.held) {
        session.peer.send(delivery.event);
        (skip ??= []).push(session.id);
      } else {
        (handedToNative ??= new Set()).add(session.transport);
      }
    }
    for (const transport of handedToNative ?? []) this.nativeDeliverers.get(transport)!(delivery, skip);
  }
}

/** 12 url-safe characters: short enough to read aloud in class, long enough not to collide. */
function newClientId(): string {
  return randomBytes(9).toString('base64url');
}
