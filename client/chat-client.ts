/**
 * A chat client over any Link: says hello on every (re)connect, remembers its name and rooms and
 * restores them after a reconnect, keeps the member list from presence events, and reconnects
 * with capped exponential backoff for Links that do not reconnect by themselves.
 */
import mitt, { type Emitter } from 'mitt';
import {
  DEFAULT_NAMESPACE,
  type ClientInfo,
  type ClientOpInput,
  type ErrorEvent,
  type MessageEvent,
  type Scope,
  type ServerEvent,
  type TransportId,
} from '../protocol';
import { backoffDelay, DEFAULT_BACKOFF, type BackoffOptions } from './backoff';
import type { Link, LinkConnection } from './link';

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
};

export interface ChatClientOptions {
  name: string;
  ns?: string;
  backoff?: BackoffOptions;
  /** How long `request()` waits for its reply, ms. */
  requestTimeoutMs?: number;
}

/** An operation without its ref (request() adds one). */
type OpWithoutRef = ClientOpInput extends infer T ? (T extends { ref?: string } ? Omit<T, 'ref'> : never) : never;

export class ChatClient {
  readonly ns: string;
  private readonly emitter: Emitter<ChatClientEvents> = mitt<ChatClientEvents>();
  private readonly backoff: BackoffOptions;
  private readonly requestTimeoutMs: number;
  private connection: LinkConnection | undefined;
  private retryTimer: ReturnType<typeof setTimeout> | undefined;
  private attempt = 0;
  private refCounter = 0;
  private readonly pending = new Map<string, { resolve: (e: ServerEvent) => void; reject: (e: Error) => void; timer: ReturnType<typeof setTimeout> }>();
  private readonly memberMap = new Map<string, ClientInfo>();
  private roomSet = new Set<string>();
  private currentState: ClientState = 'idle';
  private myName: string;
  private myId: string | undefined;
  /** Times the connection came back after going down. */
  reconnects = 0;

  constructor(
    readonly link: Link,
    options: ChatClientOptions,
  ) {
    this.myName = options.name;
    this.ns = options.ns ?? DEFAULT_NAMESPACE;
    this.backoff = options.backoff ?? DEFAULT_BACKOFF;
    this.requestTimeoutMs = options.requestTimeoutMs ?? 10_000;
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
  /** Everyone in my namespace, me included. */
  get members(): ClientInfo[] {
    return [...this.memberMap.values()];
  }
  /** Sub-transport the library picked, when it picks (SockJS, Socket.IO). */
  get via(): string | undefined {
    return this.connection?.via;
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
    this.failPending(new Error('client closed'));
    this.setState('closed');
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
    const ref = `r${++this.refCounter}`;
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.pending.delete(ref);
        reject(new Error(`no reply to ${op.op} within ${this.requestTimeoutMs} ms`));
      }, this.requestTimeoutMs);
      this.pending.set(ref, { resolve, reject, timer });
      if (!this.send({ ...op, ref } as ClientOpInput)) {
        clearTimeout(timer);
        this.pending.delete(ref);
        reject(new Error(`not connected (${this.currentState})`));
      }
    });
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
      onOpen: () => this.connection?.send({ op: 'hello', name: this.myName, ns: this.ns }),
      onEvent: (event) => this.handleEvent(event),
      onDown: ({ reason, willRetry }) => this.handleDown(reason, willRetry),
    });
  }

  private handleEvent(event: ServerEvent): void {
    switch (event.type) {
      case 'welcome': {
        const wasDown = this.currentState === 'reconnecting';
        this.myId = event.id;
        this.myName = event.name;
        this.attempt = 0;
        this.memberMap.clear();
        for (const c of event.clients) this.memberMap.set(c.id, c);
        this.setState('open');
        if (wasDown) this.reconnects += 1;
        // Rejoin my rooms: the server forgot them with the old connection.
        if (this.roomSet.size > 0) this.connection?.send({ op: 'join', rooms: [...this.roomSet] });
        this.emitter.emit('members', this.members);
        break;
      }
      case 'presence':
        if (event.event === 'disconnected') this.memberMap.delete(event.client.id);
        else this.memberMap.set(event.client.id, event.client);
        this.emitter.emit('members', this.members);
        break;
      case 'rooms':
        this.roomSet = new Set(event.rooms);
        this.emitter.emit('rooms', this.rooms);
        if (this.myId) {
          const me = this.memberMap.get(this.myId);
          if (me) this.memberMap.set(this.myId, { ...me, rooms: this.rooms });
          this.emitter.emit('members', this.members);
        }
        break;
      case 'whoami':
        if (event.client.id === this.myId) {
          this.myName = event.client.name;
          // The server tells others about my rename, not me: update my own entry here.
          this.memberMap.set(event.client.id, event.client);
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
    const ref = 'ref' in event ? event.ref : undefined;
    // A message carries the sender's ref too; only direct replies settle a request.
    if (ref !== undefined && event.type !== 'message') {
      const waiter = this.pending.get(ref);
      if (waiter) {
        this.pending.delete(ref);
        clearTimeout(waiter.timer);
        if (event.type === 'error') waiter.reject(Object.assign(new Error(`${event.code}: ${event.message}`), { event }));
        else waiter.resolve(event);
      }
    }
    this.emitter.emit('event', event);
  }

  private handleDown(reason: string, willRetry: boolean): void {
    if (this.currentState === 'closed') return;
    this.failPending(new Error(`connection lost: ${reason}`));
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

  private failPending(error: Error): void {
    for (const [ref, waiter] of this.pending) {
      clearTimeout(waiter.timer);
      waiter.reject(error);
      this.pending.delete(ref);
    }
  }

  private setState(state: ClientState): void {
    if (state === this.currentState) return;
    this.currentState = state;
    this.emitter.emit('state', state);
  }
}
