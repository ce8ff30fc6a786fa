/**
 * Short polling without sticky sessions. A polling session lives on the node that opened it (its
 * "home", named in its sid); a request that a load balancer sends to another node is relayed to
 * the home over Redis and answered from there, so the session's queue is reachable from every node.
 *
 * Why this works for our polling and not for Socket.IO's or SockJS's HTTP transports: every one
 * of our requests is complete in itself (a frame in, or "what is after cursor N" out) and is
 * answered at once, so any node can carry it to the session and back. Engine.IO and SockJS hold
 * a long-poll or a stream open on the node that has the session, and their libraries expect the
 * next request on that same node.
 */
import { randomBytes } from 'node:crypto';
import createDebug from 'debug';
import type { Redis } from 'ioredis';
import { errorEvent } from '../../protocol';

const debug = createDebug('lab:poll-relay');

/** A polling operation on a session, as the home node answers it. */
export type PollAction = 'send' | 'events' | 'close';

/** What the home node answered: an HTTP status and, unless 204, a JSON body. */
export interface PollAnswer {
  status: number;
  text?: string;
}

/** Answers an operation on one of this node's sessions. */
export type PollAnswerer = (action: PollAction, sid: string, arg: string | null) => PollAnswer;

export interface PollRelayOptions {
  /** This node's id (the bus's). */
  nodeId: string;
  /** Prefix of the relay channels (default `lab:`). */
  keyPrefix?: string;
  /** Nodes alive now, by id (the bus's heartbeats): a session whose home is not among them is gone. */
  alive: () => string[];
  /** How long a relayed request may take, ms (default 3000). */
  timeoutMs?: number;
}

interface Pending {
  resolve: (answer: PollAnswer) => void;
  timer: NodeJS.Timeout;
}

export class PollRelay {
  private readonly pending = new Map<string, Pending>();
  private answerer: PollAnswerer | undefined;
  private readonly prefix: string;

  /**
   * @param pub a connection for publishing (the bus's command connection)
   * @param sub a connection of its own for this node's relay channel
   */
  constructor(
    private readonly pub: Redis,
    private readonly sub: Redis,
    private readonly options: PollRelayOptions,
  ) {
    this.prefix = options.keyPrefix ?? 'lab:';
    sub.on('message', (_channel: string, text: string) => this.onMessage(text));
  }

  /** Starts listening on this node's channel. */
  async start(): Promise<void> {
    await this.sub.subscribe(this.channel(this.options.nodeId));
  }

  /** A fresh sid that names this node as its home. */
  newSid(): string {
    return `${this.options.nodeId}.${randomBytes(12).toString('base64url')}`;
  }

  /** The home node named in a sid, when it is another node's. */
  remoteHome(sid: string): string | undefined {
    const dot = sid.indexOf('.');
    const home = dot > 0 ? sid.slice(0, dot) : undefined;
    return home !== undefined && home !== this.options.nodeId ? home : undefined;
  }

  /** Who answers the operations relayed to this node (the polling transport). */
  serve(answerer: PollAnswerer): void {
    this.answerer = answerer;
  }

  /**
   * Relays an operation to the session's home and resolves with its answer. A home that is not
   * alive, or does not answer in time, answers 404 `unknown_session`: the client then opens a new
   * session (on a live node) and resumes, as after any lost session.
   */
  forward(home: string, action: PollAction, sid: string, arg: string | null): Promise<PollAnswer> {
    const gone: PollAnswer = { status: 404, text: JSON.stringify(errorEvent('unknown_session')) };
    if (!this.options.alive().includes(home)) return Promise.resolve(gone);
    const id = randomBytes(6).toString('base64url');
    return new Promise((resolve) => {
      const timer = setTimeout(() => {
        this.pending.delete(id);
        debug('relay %s to %s timed out', action, home);
        resolve(gone);
      }, this.options.timeoutMs ?? 3000);
      this.pending.set(id, { resolve, timer });
      const request = JSON.stringify({ q: id, f: this.options.nodeId, a: action, s: sid, x: arg });
      this.pub.publish(this.channel(home), request).catch(() => {
        clearTimeout(timer);
        this.pending.delete(id);
        resolve({ status: 503, text: JSON.stringify(errorEvent('unavailable')) });
      });
    });
  }

  /** Stops listening; pending relays answer as timed out. */
  close(): void {
    for (const [id, pending] of this.pending) {
      clearTimeout(pending.timer);
      pending.resolve({ status: 503 });
      this.pending.delete(id);
    }
  }

  private channel(node: string): string {
    return `${this.prefix}relay:${node}`;
  }

  private onMessage(text: string): void {
    let message: { q?: string; f?: string; a?: PollAction; s?: string; x?: string | null; r?: string; st?: number; t?: string };
    try {
      message = JSON.parse(text) as typeof message;
    } catch {
      return debug('unreadable relay message ignored');
    }
    if (message.r !== undefined) {
      // An answer to one of ours.
      const pending = this.pending.get(message.r);
      if (!pending) return;
      this.pending.delete(message.r);
      clearTimeout(pending.timer);
      pending.resolve({ status: message.st ?? 502, ...(message.t !== undefined ? { text: message.t } : {}) });
      return;
    }
    if (!message.q || !message.f || !message.a || !message.s || !this.answerer) return;
    const answer = this.answerer(message.a, message.s, message.x ?? null);
    const reply = JSON.stringify({ r: message.q, st: answer.status, ...(answer.text !== undefined ? { t: answer.text } : {}) });
    this.pub.publish(this.channel(message.f), reply).catch((err: Error) => debug('relay answer lost: %s', err.message));
  }
}
