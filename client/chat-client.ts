/**
 * A chat client over any Link: says hello on every (re)connect, remembers its name and rooms and
 * restores them after a reconnect, keeps the member list from presence events, and reconnects
 * with capped exponential backoff for Links that do not reconnect by themselves. Every hello
 * presents its resume token and stream positions, so the server replays what it missed; the
 * ledger drops duplicates and counts gaps.
 */
import mitt, { type Emitter } from 'mitt';
import {
  DEFAULT_NAMESPACE,
  roomStream,
  type RecoveryReport,
  type ClientInfo,
  type ClientOpInput,
  type ErrorEvent,
  type MessageEvent,
  type PresenceScope,
  type Scope,
  type ServerEvent,
  type TransportId,
  type LaneId,
} from '../protocol';
import { backoffDelay, DEFAULT_BACKOFF, type BackoffOptions } from './backoff';
import type { Link, LinkConnection } from './link';
import { MemberRoster } from './member-roster';
import { PendingRequests } from './pending-requests';
import { newResumeToken, type SavedResume } from './saved-resume';
import { StreamLedger, type LedgerCounts } from './stream-ledger';

/** What a pane shows about its connection. */
export type ClientState = 'idle' | 'connecting' | 'open' | 'reconnecting' | 'closed';

/** Events a ChatClient emits. `event` carries every server event, the others are conveniences. */
export type ChatClientEvents = {
  state: ClientState;
  event: ServerEvent;
  message: MessageEvent;
  error: ErrorEvent;
  /** The member list (clients in my namespace) changed. */
  members: ClientInfo[];
  /** My rooms changed. */
  rooms: string[];
  /** The connection went down; the reason as the library put it. */
  down: { reason: string };
  /** The server answered a resume (after a reconnect): whether nothing was lost. */
  recovery: RecoveryReport;
  /** The delivery ledger changed. */
  ledger: LedgerCounts;
  /** The library switched sub-transport on the live connection (Socket.IO's upgrade). */
  via: { from?: string; to: string };
};

export interface ChatClientOptions {
  name: string;
  ns?: string;
  backoff?: BackoffOptions;
  /** How long `request()` waits for its reply, ms. */
  requestTimeoutMs?: number;
  /** Carry on from an earlier client (its token, positions and rooms), e.g. after a page reload. */
  resumeFrom?: SavedResume;
  /** Rooms to be in from the first hello on (no join round trip); `resumeFrom`'s rooms win. */
  rooms?: string[];
  /**
   * Whose presence I hear (hello's `presence`): `namespace` (default) everyone's, `rooms` only my
   * room-mates', and the member list holds only them. For large chats.
   */
  presence?: PresenceScope;
}

/** An operation without its ref (request() adds one). */
type OpWithoutRef = ClientOpInput extends infer T ? (T extends { ref?: string } ? Omit<T, 'ref'> : never) : never;

export type { SavedResume };

export class ChatClient {
  readonly ns: string;
  private readonly emitter: Emitter<ChatClientEvents> = mitt<ChatClientEvents>();
  private readonly backoff: BackoffOptions;
  private connection: LinkConnection | undefined;
  private retryTimer: ReturnType<typeof setTimeout> | undefined;
  private attempt = 0;
  private readonly pending: PendingRequests;
  private readonly roster = new MemberRoster();
  private roomSet = new Set<string>();
  private currentState: ClientState = 'idle';
  private myName: string;
  private myId: string | undefined;
  private readonly presence: PresenceScope | undefined;
  /** Times the connection came back after going down. */
  reconnects = 0;
  /** Per-stream positions and delivery counts. */
  readonly ledger: StreamLedger;
  /**
   * Identifies this client across reconnects (its id changes with every connection): random,
   * made here, never shown to others. The server keys this client's direct-message stream by it.
   */
  readonly resumeToken: string;
  /** The last answer to a resume, if any. */
  lastRecovery: RecoveryReport | undefined;

  constructor(
    readonly link: Link,
    options: ChatClientOptions,
  ) {
    this.myName = options.name;
    this.ns = options.ns ?? DEFAULT_NAMESPACE;
    this.backoff = options.backoff ?? DEFAULT_BACKOFF;
    this.pending = new PendingRequests(options.requestTimeoutMs ?? 10_000);
    this.resumeToken = options.resumeFrom?.token ?? newResumeToken();
    this.ledger = new StreamLedger(options.resumeFrom?.resume);
    this.roomSet = new Set(options.resumeFrom?.rooms ?? options.rooms ?? []);
    this.presence = options.presence;
  }

  /** What a new client would need to carry on from here (see `resumeFrom`). */
  resumeState(): SavedResume {
    return { token: this.resumeToken, resume: this.ledger.resumeState(), rooms: this.rooms };
  }

  get transport(): TransportId {
    return this.link.transport;
  }
  get state(): ClientState {
    return this.currentState;
  }
  /** My id in the current connection (changes on reconnect, as in Socket.IO). */
  get id(): string | undefined {
    return this.myId;
  }
  get name(): string {
    return this.myName;
  }
  /** Rooms I am in (and will rejoin after a reconnect). */
  get rooms(): string[] {
    return [...this.roomSet].sort();
  }
  /** Everyone in my namespace, me included (with presence `rooms`: my room-mates and me). */
  get members(): ClientInfo[] {
    return this.roster.list();
  }
  /** Sub-transport the library picked, when it picks (SockJS, Socket.IO). */
  get via(): string | undefined {
    return this.connection?.via;
  }
  /** The lane this client's link runs (protocol/lanes.ts). */
  get lane(): LaneId {
    return this.link.lane;
  }

  on<K extends keyof ChatClientEvents>(type: K, handler: (payload: ChatClientEvents[K]) => void): () => void {
    this.emitter.on(type, handler);
    return () => this.emitter.off(type, handler);
  }

  /** Opens the connection. */
  connect(): void {
    if (this.currentState !== 'idle' && this.currentState !== 'closed') return;
    this.setState('connecting');
    this.openConnection();
  }

  /** Closes for good: no reconnection. */
  close(): void {
    clearTimeout(this.retryTimer);
    this.connection?.close();
    this.connection = undefined;
    this.pending.failAll(new Error('client closed'));
    this.setState('closed');
  }

  /**
   * Cuts the connection as a failing network would (see LinkConnection.drop); the client then
   * reconnects and resumes, so what was sent meanwhile is replayed. Returns false when not open.
   */
  drop(): boolean {
    if (this.currentState !== 'open' || !this.connection) return false;
    this.connection.drop();
    return true;
  }

  /** Sends an operation; returns false when not connected. */
  send(op: ClientOpInput): boolean {
    if (this.currentState !== 'open' || !this.connection) return false;
    this.connection.send(op);
    return true;
  }

  /**
   * Sends an operation with a fresh ref and resolves with the server's reply to it
   * (ack, rooms, list, whoami) — or rejects with the error event's message.
   */
  request(op: OpWithoutRef): Promise<ServerEvent> {
    return this.pending.start(
      op.op,
      (ref) => this.send({ ...op, ref } as ClientOpInput),
      () => `not connected (${this.currentState})`,
    );
  }

  /** Sends a chat message. */
  say(scope: Scope, text: string, target: { room?: string; to?: string; includeSelf?: boolean } = {}): Promise<ServerEvent> {
    return this.request({ op: 'send', scope, text, ...target });
  }

  /** Joins rooms (remembered across reconnects). */
  join(...rooms: string[]): Promise<ServerEvent> {
    return this.request({ op: 'join', rooms });
  }

  /** Leaves rooms. */
  leave(...rooms: string[]): Promise<ServerEvent> {
    return this.request({ op: 'leave', rooms });
  }

  /**
   * Changes my display name (kept across reconnects). The name is adopted when the server
   * confirms it (its whoami reply): a refused name must not be said again in the next hello.
   */
  rename(name: string): Promise<ServerEvent> {
    return this.request({ op: 'rename', name });
  }

  private openConnection(): void {
    this.connection = this.link.open(this.ns, {
      onOpen: () => this.connection?.send(this.hello()),
      onEvent: (event) => this.handleEvent(event),
      onDown: ({ reason, willRetry }) => this.handleDown(reason, willRetry),
      onVia: (change) => this.emitter.emit('via', change),
    });
  }

  /** Hello with what a resume needs: my key, my positions, and my rooms (rejoined before any replay). */
  private hello(): ClientOpInput {
    const resume = this.ledger.resumeState();
    const rooms = this.rooms;
    return {
      op: 'hello',
      name: this.myName,
      ns: this.ns,
      resumeToken: this.resumeToken,
      ...(resume ? { resume } : {}),
      ...(rooms.length ? { rooms } : {}),
      ...(this.presence ? { presence: this.presence } : {}),
    };
  }

  /**
   * Tells listeners the ledger moved. Why the check: every message moves it, and the copy of the
   * counts was made for each one even when nobody listened (a benchmark's or a load test's client).
   */
  private emitLedger(): void {
    if (this.emitter.all.get('ledger')?.length) this.emitter.emit('ledger', this.ledger.counts);
  }

  private handleEvent(event: ServerEvent): void {
    // Positions first: a duplicate is dropped before anyone sees it.
    const tracked = this.ledger.observe(event);
    if (tracked === 'drop') return this.emitLedger();
    if (tracked === 'changed') this.emitLedger();
    switch (event.type) {
      case 'welcome': {
        const wasDown = this.currentState === 'reconnecting';
        this.myId = event.id;
        this.myName = event.name;
        this.attempt = 0;
        this.roster.reset(event.clients);
        this.setState('open');
        if (wasDown) this.reconnects += 1;
        // My rooms came back with hello (rooms); the replay of what I missed follows this welcome.
        this.emitter.emit('members', this.members);
        if (event.recovery) {
          this.lastRecovery = event.recovery;
          this.emitter.emit('recovery', event.recovery);
        }
        break;
      }
      case 'presence':
        this.roster.apply(event);
        this.keepRoomMates();
        this.emitter.emit('members', this.members);
        break;
      case 'rooms':
        for (const room of this.roomSet) if (!event.rooms.includes(room)) this.ledger.forget(roomStream(this.ns, room));
        this.roomSet = new Set(event.rooms);
        this.emitter.emit('rooms', this.rooms);
        if (this.myId) {
          this.roster.setRooms(this.myId, this.rooms);
          this.keepRoomMates();
          this.emitter.emit('members', this.members);
        }
        break;
      case 'whoami':
        if (event.client.id === this.myId) {
          this.myName = event.client.name;
          // The server tells others about my rename, not me: update my own entry here.
          this.roster.set(event.client);
          this.emitter.emit('members', this.members);
        }
        break;
      case 'message':
        this.emitter.emit('message', event);
        break;
      case 'error':
        this.emitter.emit('error', event);
        break;
    }
    this.pending.settle(event);
    this.emitter.emit('event', event);
  }

  /** With presence `rooms`, the server stops telling me of a client once we share no room: drop it. */
  private keepRoomMates(): void {
    if (this.presence === 'rooms' && this.myId) this.roster.keepSharing(this.myId, this.roomSet);
  }

  private handleDown(reason: string, willRetry: boolean): void {
    if (this.currentState === 'closed') return;
    this.pending.failAll(new Error(`connection lost: ${reason}`));
    this.myId = undefined;
    this.emitter.emit('down', { reason });
    this.setState('reconnecting');
    if (this.link.reconnectsItself) {
      if (!willRetry) {
        // The library gave up (e.g. the server refused the namespace): try again ourselves.
        this.scheduleRetry();
      }
      return;
    }
    this.connection?.close();
    this.connection = undefined;
    this.scheduleRetry();
  }

  private scheduleRetry(): void {
    clearTimeout(this.retryTimer);
    const delay = backoffDelay(this.attempt, this.backoff);
    this.attempt += 1;
    this.retryTimer = setTimeout(() => {
      if (this.currentState !== 'reconnecting') return;
      this.connection?.close();
      this.openConnection();
    }, delay);
  }

  private setState(state: ClientState): void {
    if (state === this.currentState) return;
    this.currentState = state;
    this.emitter.emit('state', state);
  }
}
