/**
 * Requests waiting for their reply, by ref: each settles on the server's reply (or its error),
 * on a timeout, or when the connection goes down.
 */
import type { ServerEvent } from '../protocol';

interface Waiter {
  resolve: (e: ServerEvent) => void;
  reject: (e: Error) => void;
  timer: ReturnType<typeof setTimeout>;
}

export class PendingRequests {
  private readonly waiters = new Map<string, Waiter>();
  private counter = 0;

  /** @param timeoutMs how long a request waits for its reply */
  constructor(private readonly timeoutMs: number) {}

  /**
   * Registers a request and hands its fresh ref to `send`.
   * @param send sends the operation with that ref; returns false when not connected
   * @param what names the request in error messages
   */
  start(what: string, send: (ref: string) => boolean, notSent: () => string): Promise<ServerEvent> {
    const ref = `r${++this.counter}`;
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.waiters.delete(ref);
        reject(new Error(`no reply to ${what} within ${this.timeoutMs} ms`));
      }, this.timeoutMs);
      this.waiters.set(ref, { resolve, reject, timer });
      if (!send(ref)) {
        clearTimeout(timer);
        this.waiters.delete(ref);
        reject(new Error(notSent()));
      }
    });
  }

  /** Settles the request a reply belongs to, if any (an error event rejects it). */
  settle(event: ServerEvent): void {
    const ref = 'ref' in event ? event.ref : undefined;
    // A message carries the sender's ref too; only direct replies settle a request.
    if (ref === undefined || event.type === 'message') return;
    const waiter = this.waiters.get(ref);
    if (!waiter) return;
    this.waiters.delete(ref);
    clearTimeout(waiter.timer);
    if (event.type === 'error') waiter.reject(Object.assign(new Error(`${event.code}: ${event.message}`), { event }));
    else waiter.resolve(event);
  }

  /** Rejects every waiting request. */
  failAll(error: Error): void {
    for (const [ref, waiter] of this.waiters) {
      clearTimeout(waiter.timer);
      waiter.reject(error);
      this.waiters.delete(ref);
    }
  }
}
