/**
 * The chat bus on Redis: any number of Lab nodes on one Redis are one chat.
 *
 * - Messages are numbered, stored and published by one Lua script (redis-scripts.ts), so every
 *   node receives them on one channel in seq order and feeds its own StreamHistory from it: a
 *   client resumes on any node with exactly what it missed.
 * - Presence changes travel on the same channel with the record of the client they concern, which
 *   every other node keeps in its directory (lists, counts, direct messages span the cluster).
 * - Each node beats every `heartbeatMs` (a channel message and a key with a TTL); a node silent
 *   for `nodeTtlMs` is dropped with its clients, and the others are told they left.
 * - Redis gone: sends fail with `unavailable` (never queued to run later), presence and hellos are
 *   served locally. Redis back, empty: the node puts its epoch and heads back (RESEED) before it
 *   numbers anything, so seqs never restart; what no node stored is reported missed on resume.
 */
import { randomBytes } from 'node:crypto';
import createDebug from 'debug';
import { Redis } from 'ioredis';
import { createAdapter } from '@socket.io/redis-adapter';
import type { BusFailure, BusNode, ChatBus, MessageDraft } from '../chat/chat-bus';
import type { Delivery } from '../chat/delivery';
import { memberRecord, type Member } from '../chat/member';
import type { HistorySnapshot } from '../chat/stream-history';
import { decodeEnvelope, encodeEnvelope, type Envelope, type MessageBody } from './bus-envelope';
import { clusterKeys, loadSharedHistory, type ClusterKeys } from './redis-history';
import { PollRelay } from './poll-relay';
import { RESEED, SEQUENCE_MESSAGE } from './redis-scripts';

const debug = createDebug('lab:cluster');

export interface RedisChatBusOptions {
  /** `redis://host:port`. */
  url: string;
  /** Entries kept per stream, in Redis as on each node. */
  historySize: number;
  /** How often a node says it is alive, ms (default 1000). */
  heartbeatMs?: number;
  /** A node silent this long is gone, ms (default 3.5 heartbeats). */
  nodeTtlMs?: number;
  /** Prefix of every key and of the channel (default `lab:`). */
  keyPrefix?: string;
  /** Wait for one's own copy of a message at most this long before acking anyway, ms (default 2000). */
  ackWaitMs?: number;
}

/** A message this node sent, waiting for both its seq (the script's reply) and its own copy. */
interface PendingAck {
  done: (seq: number) => void;
  seq?: number;
  delivered: boolean;
  timer?: NodeJS.Timeout;
}

export class RedisChatBus implements ChatBus {
  /** This node's name on the channel. */
  readonly nodeId = randomBytes(4).toString('hex');
  private node: BusNode | undefined;
  /** What arrived before the hub attached (from subscribing to the hub's start); undefined after. */
  private early: string[] | undefined;
  private readonly pendingAcks = new Map<string, PendingAck>();
  /** Further connections this bus made (Socket.IO's adapter, the poll relay), closed with it. */
  private readonly extraConnections: Redis[] = [];
  private readonly markers = new Map<number, () => void>();
  private markerCount = 0;
  /** Other nodes, by id: when each was last heard, and the TTL it declared in its heartbeat. */
  private readonly lastHeard = new Map<string, { at: number; ttlMs: number }>();
  private readonly beat: NodeJS.Timeout;
  private readonly heartbeatMs: number;
  private readonly nodeTtlMs: number;
  private readonly ackWaitMs: number;
  private reseeding: Promise<void> | undefined;
  private closed = false;

  private constructor(
    private readonly cmd: Redis,
    private readonly sub: Redis,
    private readonly keys: ClusterKeys,
    /** What Redis held when this node started: the hub's history restores from it. */
    readonly restored: HistorySnapshot,
    private readonly options: RedisChatBusOptions,
    early: string[],
  ) {
    this.early = early;
    this.heartbeatMs = options.heartbeatMs ?? 1000;
    this.nodeTtlMs = options.nodeTtlMs ?? Math.round(this.heartbeatMs * 3.5);
    this.ackWaitMs = options.ackWaitMs ?? 2000;
    sub.on('message', (_channel: string, text: string) => this.onChannel(text));
    // Back after a cut: counters may be gone (a Redis restart), and others may have changed.
    cmd.on('ready', () => void this.reseed());
    sub.on('ready', () => {
      const now = Date.now();
      // Nobody could beat while we could not hear: give every node a fresh TTL, then ask again.
      for (const heard of this.lastHeard.values()) heard.at = now;
      this.send({ kind: 'sync', origin: this.nodeId });
    });
    this.beat = setInterval(() => this.heartbeat(), this.heartbeatMs);
    this.beat.unref();
    const relaySub = cmd.duplicate({ enableOfflineQueue: true, maxRetriesPerRequest: null });
    relaySub.on('error', (err: Error) => debug('relay redis: %s', err.message));
    this.extraConnections.push(relaySub);
    this.pollRelay = new PollRelay(cmd, relaySub, { nodeId: this.nodeId, keyPrefix: options.keyPrefix, alive: () => this.peers() });
  }

  /** Carries polling requests to the node that has their session (short polling without stickiness). */
  readonly pollRelay: PollRelay;

  /**
   * Connects to Redis, subscribes, and reads the shared history, in that order (whatever is
   * published while it reads arrives on the channel too, and copies are ignored).
   * @throws when Redis cannot be reached
   */
  static async connect(options: RedisChatBusOptions): Promise<RedisChatBus> {
    const keys = clusterKeys(options.keyPrefix);
    // No offline queue on the command connection: a send while Redis is away must fail now,
    // not run minutes later after its sender was told it failed.
    const cmd = new Redis(options.url, { lazyConnect: true, enableOfflineQueue: false, maxRetriesPerRequest: 1 });
    const sub = new Redis(options.url, { lazyConnect: true });
    for (const conn of [cmd, sub]) conn.on('error', (err: Error) => debug('redis: %s', err.message));
    try {
      await Promise.all([cmd.connect(), sub.connect()]);
      const early: string[] = [];
      sub.on('message', (_channel: string, text: string) => early.push(text));
      await sub.subscribe(keys.channel);
      const restored = await loadSharedHistory(cmd, keys, options.historySize);
      sub.removeAllListeners('message');
      const bus = new RedisChatBus(cmd, sub, keys, restored, options, early);
      await bus.pollRelay.start();
      return bus;
    } catch (err) {
      cmd.disconnect();
      sub.disconnect();
      throw err;
    }
  }

  attach(node: BusNode): void {
    this.node = node;
    const early = this.early ?? [];
    this.early = undefined;
    for (const text of early) this.onChannel(text);
    this.send({ kind: 'sync', origin: this.nodeId });
    this.heartbeat();
  }

  publish(delivery: Delivery, about?: Member): void {
    // Redis away: this node's clients still hear of it; the others' nodes sync rosters on return.
    const record = about && memberRecord(about, delivery.ns);
    this.send({ kind: 'presence', origin: this.nodeId, delivery, ...(record ? { about: record } : {}) }, () => this.node?.deliver(delivery));
  }

  publishMessage(draft: MessageDraft, done: (seq: number) => void, failed: (reason: BusFailure) => void): void {
    const body: MessageBody = { o: this.nodeId, d: draft.delivery, s: draft.stream, r: draft.recipients, ...(draft.exceptKey !== undefined ? { x: draft.exceptKey } : {}) };
    const id = draft.delivery.event.id;
    const pending: PendingAck = { done, delivered: false };
    this.pendingAcks.set(id, pending);
    this.sequence(draft.stream, JSON.stringify(body)).then(
      (seq) => {
        pending.seq = seq;
        if (pending.delivered) return this.settleAck(id);
        // Numbered and stored, but our copy is late (our subscription is cut): ack anyway.
        pending.timer = setTimeout(() => this.settleAck(id), this.ackWaitMs);
      },
      (err: Error) => {
        debug('send %s failed: %s', id, err.message);
        this.pendingAcks.delete(id);
        failed('unavailable');
      },
    );
  }

  settle(then: () => void): void {
    const n = ++this.markerCount;
    this.markers.set(n, then);
    // Redis away: nothing from other nodes can arrive either, so what is known now is all there is.
    this.send({ kind: 'marker', origin: this.nodeId, n }, () => this.runMarker(n));
  }

  /** A Socket.IO adapter on the same Redis, so `io.to(room).emit` and `fetchSockets` span nodes. */
  socketIoAdapter(): ReturnType<typeof createAdapter> {
    const pub = this.cmd.duplicate({ enableOfflineQueue: true, maxRetriesPerRequest: 20 });
    const sub = this.cmd.duplicate({ enableOfflineQueue: true, maxRetriesPerRequest: 20 });
    for (const conn of [pub, sub]) conn.on('error', (err: Error) => debug('adapter redis: %s', err.message));
    this.extraConnections.push(pub, sub);
    return createAdapter(pub, sub, { key: `${this.options.keyPrefix ?? 'lab:'}socket.io` });
  }


  /** True while both connections to Redis are up (false during an outage, until they are back). */
  get connected(): boolean {
    return this.cmd.status === 'ready' && this.sub.status === 'ready' && this.reseeding === undefined;
  }

  /** Other nodes heard from within their TTL. */
  peers(): string[] {
    return [...this.lastHeard.keys()];
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    clearInterval(this.beat);
    for (const pending of this.pendingAcks.values()) clearTimeout(pending.timer);
    this.pollRelay.close();
    this.pendingAcks.clear();
    // Say we are gone now, rather than letting the others wait out the TTL.
    await this.cmd.del(this.keys.node(this.nodeId)).catch(() => undefined);
    // QUIT, not a cut: replies still on their way settle their promises instead of rejecting them.
    await Promise.all([this.cmd, this.sub, ...this.extraConnections].map((conn) => conn.quit().catch(() => conn.disconnect())));
    this.node = undefined;
  }

  /** Runs the numbering script, re-seeding first (and retrying once) when Redis lost our epoch. */
  private async sequence(stream: string, body: string): Promise<number> {
    const run = async () => {
      const [seq] = (await this.cmd.eval(
        SEQUENCE_MESSAGE,
        4,
        this.keys.epoch,
        this.keys.heads,
        this.keys.order,
        this.keys.stream(stream),
        this.restored.epoch,
        stream,
        body,
        this.options.historySize,
        this.keys.channel,
      )) as [number, number];
      return seq;
    };
    try {
      await this.reseeding;
      return await run();
    } catch (err) {
      if (!(err instanceof Error) || !err.message.includes('EPOCH')) throw err;
      await this.reseed();
      return run();
    }
  }

  /** Puts this node's epoch and counters back into Redis if it lost them; one at a time. */
  private reseed(): Promise<void> {
    if (this.closed || !this.node) return Promise.resolve();
    this.reseeding ??= (async () => {
      const history = this.node!.history;
      const pairs = [...history.heads()].flatMap(([id, head]) => [id, String(head)]);
      try {
        await this.cmd.eval(RESEED, 3, this.keys.epoch, this.keys.heads, this.keys.order, history.epoch, String(history.lastOrder), ...pairs);
      } catch (err) {
        debug('reseed failed: %s', err instanceof Error ? err.message : String(err));
      } finally {
        this.reseeding = undefined;
      }
    })();
    return this.reseeding;
  }

  private settleAck(id: string): void {
    const pending = this.pendingAcks.get(id);
    if (!pending || pending.seq === undefined) return;
    this.pendingAcks.delete(id);
    clearTimeout(pending.timer);
    pending.done(pending.seq);
  }

  private runMarker(n: number): void {
    const then = this.markers.get(n);
    if (!then) return;
    this.markers.delete(n);
    then();
  }

  /** Publishes an envelope; `unsent` runs instead when Redis cannot take it. */
  private send(envelope: Exclude<Envelope, { kind: 'message' }>, unsent?: () => void): void {
    if (this.closed) return unsent?.();
    this.cmd.publish(this.keys.channel, encodeEnvelope(envelope)).catch((err: Error) => {
      debug('publish %s failed: %s', envelope.kind, err.message);
      unsent?.();
    });
  }

  private heartbeat(): void {
    if (this.closed) return;
    this.send({ kind: 'heartbeat', origin: this.nodeId, ttlMs: this.nodeTtlMs });
    this.cmd.set(this.keys.node(this.nodeId), String(Date.now()), 'PX', this.nodeTtlMs).catch(() => undefined);
    // While we cannot hear the channel, silence says nothing about the others.
    if (this.sub.status !== 'ready') return;
    const now = Date.now();
    for (const [id, heard] of this.lastHeard) {
      if (now - heard.at <= heard.ttlMs) continue;
      debug('node %s silent for %d ms: gone', id, now - heard.at);
      this.lastHeard.delete(id);
      this.node?.directory.nodeGone(id);
    }
  }

  /** One string from the channel, in the channel's order. */
  private onChannel(text: string): void {
    if (this.early) {
      this.early.push(text);
      return;
    }
    const node = this.node;
    if (!node) return;
    const envelope = decodeEnvelope(text);
    if (!envelope) return debug('unreadable envelope ignored: %s', text.slice(0, 80));
    const origin = envelope.kind === 'message' ? envelope.body.o : envelope.origin;
    if (origin !== this.nodeId) this.heard(origin, envelope.kind === 'heartbeat' ? envelope.ttlMs : undefined);
    switch (envelope.kind) {
      case 'message':
        return this.onMessage(envelope.seq, envelope.order, envelope.body);
      case 'presence': {
        const { delivery, about } = envelope;
        if (about && origin !== this.nodeId) {
          if (delivery.event.type === 'presence' && delivery.event.event === 'disconnected') node.directory.remove(about.id);
          else node.directory.upsert(origin, about);
        }
        return node.deliver(delivery);
      }
      case 'marker':
        if (origin === this.nodeId) this.runMarker(envelope.n);
        return;
      case 'heartbeat':
        return;
      case 'sync':
        if (origin !== this.nodeId) this.send({ kind: 'roster', origin: this.nodeId, members: node.directory.localRecords() });
        return;
      case 'roster':
        if (origin !== this.nodeId) node.directory.replace(origin, envelope.members);
    }
  }

  private onMessage(seq: number, order: number, body: MessageBody): void {
    const node = this.node!;
    const event = body.d.event;
    if (event.type !== 'message') return;
    event.seq = seq;
    const fresh = node.history.insert(body.s, { seq, order, event, recipients: body.r, ...(body.x !== undefined ? { exceptKey: body.x } : {}) });
    // A copy already restored from Redis at start: delivered then (or before this node existed).
    if (!fresh) return;
    node.deliver(body.d);
    if (body.o !== this.nodeId) return;
    const pending = this.pendingAcks.get(event.id);
    if (!pending) return;
    pending.delivered = true;
    this.settleAck(event.id);
  }

  /**
   * A node spoke: note it, and ask for its clients when it is new to us (or back).
   * @param ttlMs the TTL its heartbeat declared (each node says its own: heartbeats may differ)
   */
  private heard(origin: string, ttlMs?: number): void {
    const known = this.lastHeard.get(origin);
    if (known) {
      known.at = Date.now();
      if (ttlMs !== undefined) known.ttlMs = ttlMs;
      return;
    }
    this.lastHeard.set(origin, { at: Date.now(), ttlMs: ttlMs ?? this.nodeTtlMs });
    this.send({ kind: 'sync', origin: this.nodeId });
  }
}
