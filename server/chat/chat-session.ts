/**
 * One client's conversation with the chat, whatever door it came through: reads its operations,
 * applies the chat rules, and answers. Transport adapters create one per connection through
 * `ChatHub.connect()` and feed it frames (or, for Socket.IO, event name + payload).
 */
import {
  errorEvent,
  hasMoreCodePoints,
  roomStream,
  parseClientFrame,
  parseClientOp,
  type ClientInfo,
  type ClientOp,
  type ErrorEvent,
  type HelloOp,
  type JoinOp,
  type LeaveOp,
  type ListOp,
  type ParseResult,
  type PresenceEvent,
  type PresenceScope,
  type RenameOp,
  type SendOp,
  type TransportId,
} from '../../protocol';
import { compiledOpChecks } from './compiled-op-checks';
import { audienceOf } from './delivery';
import type { NamespaceState } from './namespace-state';
import type { Member } from './member';
import type { Peer } from './peer';
import { heldPeer, type HeldPeer } from './held-peer';
import type { SessionHost } from './session-host';
import { RateLimiter } from './rate-limiter';
import { followedStreams, newMessage, streamOf } from './chat-message';
import { checkJoin, resolveNamespace } from './membership-rules';
import { planResume } from './session-resume';

export class ChatSession implements Member {
  /** Display name; set by hello. */
  name = '';
  /** Rooms this client is in. */
  readonly rooms = new Set<string>();
  /**
   * Identifies "the same client" across reconnects: the resume token from hello, else the id
   * (then its direct stream lasts one connection). Keys the client's direct-message stream.
   */
  clientKey: string;
  /** Whose presence changes this client hears (hello's `presence`). */
  presence: PresenceScope = 'namespace';
  private ns: NamespaceState | undefined;
  private closed = false;
  /**
   * Set while an operation waits for the bus to settle (a cluster: hello, list, a direct send):
   * operations that arrive meanwhile wait here and run, in order, after it.
   */
  private waiting: ParseResult[] | undefined;
  private readonly rateLimiter: RateLimiter;
  /** When the frame being handled was read (monotonic ns), for a message's `serverMicros`. */
  private frameReadAt = BigInt(0);

  /** The connection, behind a hold (see held-peer.ts). */
  readonly peer: HeldPeer;

  /**
   * @param id the client id others address it by
   * @param peer the connection
   * @param hub the chat it belongs to (the narrow port ChatHub implements)
   * @param fixedNamespace set when the transport chose the namespace itself (Socket.IO's `io.of()`)
   * @param remoteAddress the peer's IP address, for the per-address connection count
   */
  constructor(
    readonly id: string,
    peer: Peer,
    private readonly hub: SessionHost,
    private readonly fixedNamespace?: string,
    readonly remoteAddress?: string,
  ) {
    this.peer = heldPeer(peer);
    this.rateLimiter = new RateLimiter(hub.limits.rate, hub.clock);
    this.clientKey = id;
  }

  /** True while this client's output is held (its own change is going round the bus). */
  get held(): boolean {
    return this.peer.holding;
  }

  get transport(): TransportId {
    return this.peer.transport;
  }

  /** True once hello has been accepted. */
  get ready(): boolean {
    return this.ns !== undefined;
  }

  /** The namespace, once ready. */
  get namespace(): string | undefined {
    return this.ns?.name;
  }

  /** The streams this client follows now: its namespace's, its direct messages', its rooms'. */
  followedStreams(): Set<string> {
    return followedStreams(this.ns!.name, this.clientKey, this.rooms);
  }

  /** The last seq of each stream: where this client's positions there start. */
  private positions(streams: Iterable<string>): Record<string, number> {
    return Object.fromEntries([...streams].map((stream) => [stream, this.hub.history.head(stream)]));
  }

  /** How others see this client. */
  info(): ClientInfo {
    return { id: this.id, name: this.name, transport: this.transport, rooms: [...this.rooms].sort() };
  }

  /** Handles one text frame (ws, SockJS, polling). */
  handleFrame(text: string): void {
    this.frameReadAt = process.hrtime.bigint();
    this.handleParsed(parseClientFrame(text, this.hub.limits.maxFrameBytes, compiledOpChecks));
  }

  /** Handles one operation already split into name and body (Socket.IO). */
  handleOp(name: unknown, body: unknown): void {
    this.frameReadAt = process.hrtime.bigint();
    this.handleParsed(parseClientOp(name, body, compiledOpChecks));
  }

  /**
   * A frame the adapter refused itself (ws binary frame, oversized Socket.IO payload): it still
   * costs a rate-limit token, then the error goes back like any other.
   */
  handleRefused(error: ErrorEvent): void {
    this.handleParsed({ ok: false, error });
  }

  /** Sends an error to this client only. */
  reject(error: ErrorEvent): void {
    this.peer.send(error);
  }

  /** The adapter reports that the connection is gone. Idempotent. */
  handleClose(): void {
    if (this.closed) return;
    this.closed = true;
    this.hub.forget(this);
    const ns = this.ns;
    if (!ns) return;
    ns.remove(this);
    // Its rooms are still in this.rooms: their members are the ones to tell.
    this.publishPresence('disconnected');
  }

  private handleParsed(result: ParseResult): void {
    if (this.closed) return;
    // Every frame costs a token, valid or not: a flood of garbage is still a flood.
    if (!this.admit(result)) return;
    if (this.waiting) {
      this.waiting.push(result);
      return;
    }
    this.apply(result);
  }

  private apply(result: ParseResult): void {
    if (!result.ok) {
      this.reject(result.error);
      return;
    }
    const op = result.op;
    if (op.op !== 'hello' && !this.ns) {
      this.reject(errorEvent('not_ready', { op: op.op, ref: op.ref }));
      return;
    }
    this.dispatch(op);
  }

  /** Applies the rate limit; false when the operation is dropped (or the client kicked). */
  private admit(result: ParseResult): boolean {
    const verdict = this.rateLimiter.check();
    if (verdict === 'allow') return true;
    const about = result.ok ? { op: result.op.op, ref: result.op.ref } : { op: result.error.op, ref: result.error.ref };
    this.reject(errorEvent(verdict === 'reject' ? 'rate_limited' : 'kicked', about));
    // Strikes used up: close after saying why. The client may reconnect, with a fresh bucket and
    // a new id, but each new connection also counts against the per-address limit.
    if (verdict === 'kick') this.peer.close('rate limit exceeded');
    return false;
  }

  private dispatch(op: ClientOp): void {
    switch (op.op) {
      case 'hello':
        return this.hello(op);
      case 'rename':
        return this.rename(op);
      case 'send':
        return this.send(op);
      case 'join':
        return this.join(op);
      case 'leave':
        return this.leave(op);
      case 'list':
        return this.list(op);
      case 'whoami':
        this.peer.send({ type: 'whoami', client: this.info(), ns: this.ns!.name, ref: op.ref });
    }
  }

  private hello(op: HelloOp): void {
    if (this.ns) return this.reject(errorEvent('already_hello', { op: 'hello', ref: op.ref }));
    const ns = resolveNamespace(this.hub, op, this.fixedNamespace);
    if ('error' in ns) return this.reject(ns.error);
    // In a cluster, the welcome waits until what other nodes published before reached this one
    // (who is there, the heads); in one process `settle` runs it at once.
    this.afterSettle(() => this.enter(op, ns));
  }

  /**
   * Runs `step` once the bus has settled (see ChatBus.settle), and holds this client's later
   * operations until then, so they still run in the order they came. At once in one process.
   */
  private afterSettle(step: () => void): void {
    this.waiting = [];
    this.hub.settle(() => {
      const waiting = this.waiting ?? [];
      this.waiting = undefined;
      if (this.closed) return;
      step();
      for (let i = 0; i < waiting.length && !this.closed; i += 1) {
        // An operation held here waits for a settle of its own: the rest queue behind it.
        // (Read again: `step` or the previous operation may have set it.)
        const heldAgain = this.waiting as ParseResult[] | undefined;
        if (heldAgain) {
          heldAgain.push(...waiting.slice(i));
          return;
        }
        this.apply(waiting[i]);
      }
    });
  }

  /** Hello's second half: joins the namespace and rooms, welcomes, replays, tells the others. */
  private enter(op: HelloOp, ns: NamespaceState): void {
    this.name = op.name;
    if (op.resumeToken !== undefined) this.clientKey = op.resumeToken;
    if (op.presence !== undefined) this.presence = op.presence;
    // From here to the end of this method nothing else runs (the bus is synchronous): joining the
    // namespace and rooms, replaying history and going live are one step, so every message is
    // either in the replay or delivered live after it, never both and never neither.
    this.holdUntilPublished();
    this.ns = ns;
    const watchesNamespace = this.presence === 'namespace';
    ns.add(this, watchesNamespace);
    this.peer.becameReady?.(watchesNamespace);
    const joined = (op.rooms ? this.joinRooms(op.rooms, 'hello', op.ref) : undefined) ?? [];
    const followed = this.followedStreams();
    const plan = op.resume && planResume(this.hub.history, op.resume, followed, this.clientKey, this.hub.replayLimit);
    this.peer.send({
      type: 'welcome',
      id: this.id,
      name: this.name,
      ns: ns.name,
      transport: this.transport,
      clients: watchesNamespace ? ns.listClients() : ns.listRoomMates(this, this.rooms),
      namespaces: this.hub.namespaceNames,
      limits: { maxTextChars: this.hub.limits.maxTextChars, maxFrameBytes: this.hub.limits.maxFrameBytes },
      epoch: this.hub.history.epoch,
      ...(plan ? { recovery: plan.report } : {}),
      positions: this.positions(followed),
      ref: op.ref,
    });
    if (op.rooms) this.peer.send({ type: 'rooms', rooms: [...this.rooms].sort() });
    for (const event of plan?.events ?? []) this.peer.send(event);
    this.publishPresence('connected');
    if (joined.length > 0) this.publishPresence('joined', joined);
    this.releaseWhenSettled();
  }

  /**
   * Holds this client's output (replies, and live events with them, in order) until what it is
   * about to publish has gone round the bus: once the client reads its reply, every node knows
   * (read-your-writes across nodes). Released at once in one process.
   */
  private holdUntilPublished(): void {
    this.peer.hold();
  }

  private releaseWhenSettled(): void {
    this.hub.settle(() => this.peer.release());
  }

  private rename(op: RenameOp): void {
    this.holdUntilPublished();
    this.name = op.name;
    this.peer.send({ type: 'whoami', client: this.info(), ns: this.ns!.name, ref: op.ref });
    this.publishPresence('renamed');
    this.releaseWhenSettled();
  }

  private send(op: SendOp): void {
    const ns = this.ns!;
    // Characters are code points (counted without an array, and only for a long text).
    const max = this.hub.limits.maxTextChars;
    if (hasMoreCodePoints(op.text, max)) {
      const message = `Text is over ${this.hub.limits.maxTextChars} characters.`;
      return this.reject(errorEvent('too_large', { op: 'send', ref: op.ref, message }));
    }
    // The addressee may have just arrived on another node: look it up once the bus has settled.
    if (op.scope === 'direct') return this.afterSettle(() => this.sendDirect(op, ns));
    this.publishSend(op, ns);
  }

  private sendDirect(op: SendOp, ns: NamespaceState): void {
    if (!ns.get(op.to!)) return this.reject(errorEvent('unknown_client', { op: 'send', ref: op.ref }));
    this.publishSend(op, ns);
  }

  /** Numbers and publishes an accepted send, then acks it. */
  private publishSend(op: SendOp, ns: NamespaceState): void {
    const audience = audienceOf(op, this.id);
    const event = newMessage(op, this.hub.nextMessageId(), { id: this.id, name: this.name, transport: this.transport });
    const recipients = ns.countRecipients(audience);
    const stream = streamOf(ns, audience, op);
    const excluded = audience.kind !== 'client' && audience.except === this.id;
    event.stream = stream;
    // Measured last, just before fan-out: parsing, checks and audience resolution included.
    event.serverMicros = Number((process.hrtime.bigint() - this.frameReadAt) / BigInt(1000));
    const draft = { delivery: { ns: ns.name, audience, event }, stream, recipients, ...(excluded ? { exceptKey: this.clientKey } : {}) };
    this.hub.publishMessage(
      draft,
      (seq) => {
        // A stream I follow but was left out of: the ack carries the position, so my ledger sees no gap.
        // (I follow my namespace's stream always, and a room's while I am in it.)
        const follows = audience.kind === 'namespace' || (audience.kind === 'room' && this.rooms.has(audience.room));
        const position = excluded && follows ? { stream, seq } : {};
        this.peer.send({ type: 'ack', ref: op.ref, messageId: event.id, recipients, ...position });
      },
      (reason) => this.reject(errorEvent(reason, { op: 'send', ref: op.ref })),
    );
  }

  /**
   * Joins rooms all-or-nothing: when any limit would be crossed nothing is joined, so the
   * client's rooms are always exactly what it last asked for or what it had before.
   */
  private join(op: JoinOp): void {
    this.holdUntilPublished();
    const added = this.joinRooms(op.rooms, 'join', op.ref);
    if (added !== undefined) {
      const positions = this.positions(added.map((room) => roomStream(this.ns!.name, room)));
      this.peer.send({ type: 'rooms', rooms: [...this.rooms].sort(), ...(added.length ? { positions } : {}), ref: op.ref });
      if (added.length > 0) this.publishPresence('joined', added);
    }
    this.releaseWhenSettled();
  }

  /**
   * Puts this client in `rooms`, all or nothing (also for hello's `rooms`).
   * @returns the rooms newly joined, or undefined when a limit refused them (the error is sent)
   */
  private joinRooms(rooms: string[], opName: 'join' | 'hello', ref?: string): string[] | undefined {
    const ns = this.ns!;
    const checked = checkJoin(ns, this.rooms, rooms, this.hub.limits);
    if ('error' in checked) {
      this.reject(errorEvent(checked.error, { op: opName, ref, message: checked.message }));
      return undefined;
    }
    const fresh = checked.fresh;
    const added = fresh.filter((room) => ns.addToRoom(room, this.id));
    for (const room of added) {
      this.rooms.add(room);
      this.peer.joinedRoom?.(room);
    }
    return added;
  }

  private leave(op: LeaveOp): void {
    this.holdUntilPublished();
    const ns = this.ns!;
    const removed = [...new Set(op.rooms)].filter((room) => ns.removeFromRoom(room, this.id));
    for (const room of removed) {
      this.rooms.delete(room);
      this.peer.leftRoom?.(room);
    }
    this.peer.send({ type: 'rooms', rooms: [...this.rooms].sort(), ref: op.ref });
    if (removed.length > 0) this.publishPresence('left', removed);
    this.releaseWhenSettled();
  }

  private list(op: ListOp): void {
    // In a cluster, answered once what other nodes published before has arrived here.
    this.afterSettle(() => {
      const reply = this.ns!.list(op, this.id);
      if (reply) this.peer.send(reply);
      else this.reject(errorEvent('unknown_client', { op: 'list', ref: op.ref }));
    });
  }

  /**
   * Tells the others what changed about this client: the namespace's watchers, and the members
   * of the rooms concerned (the changed ones for joined/left, else all of this client's rooms).
   */
  private publishPresence(event: PresenceEvent['event'], rooms?: string[]): void {
    this.hub.publish(
      {
        ns: this.ns!.name,
        audience: { kind: 'presence', rooms: rooms ?? [...this.rooms], except: this.id },
        event: { type: 'presence', event, client: this.info(), ...(rooms ? { rooms } : {}) },
      },
      this,
    );
  }
}
