/**
 * Backpressure for clients that stop reading (slow consumers). Every transport checks, at send
 * time, how many bytes it already holds for a client that the client has not taken; past the
 * budget (`MAX_BUFFERED_BYTES`) the connection is closed with a documented reason, and the client
 * reconnects and recovers what it missed by replay. Without this, one client that never reads
 * grows server memory without bound (every event is queued for it forever).
 */

/**
 * WebSocket close code for a slow consumer: 1013 "Try Again Later" (IANA registry), so a client
 * knows the close was about load, not about something it sent (1008 would say policy violation).
 */
export const CLOSE_SLOW_CONSUMER = 1013;

/** SockJS application close code for a slow consumer (SockJS frames its own codes; 3001 is a drop). */
export const SOCKJS_CLOSE_SLOW_CONSUMER = 3013;

/** Close reason sent (and logged) when a client is dropped for not reading. */
export const SLOW_CONSUMER_REASON = 'slow consumer: send buffer full';

/**
 * A client that stops reading cannot read a close frame either: after trying a clean close we
 * cut the socket this much later, so the server-side close (and the presence "disconnected" the
 * others see) is bounded.
 */
export const SLOW_CONSUMER_GRACE_MS = 1000;

/**
 * Bytes of `socket`'s user-space write queue (Node's `writableLength`), or 0 when it has none.
 * The kernel's send buffer is not counted: it is bounded by the OS.
 */
export function queuedBytes(socket: unknown): number {
  const length = (socket as { writableLength?: unknown } | null | undefined)?.writableLength;
  return typeof length === 'number' ? length : 0;
}

/** Runs `cut` after the grace period unless the connection closed by itself first. */
export function cutAfterGrace(cut: () => void, closed: (listener: () => void) => void): void {
  const timer = setTimeout(cut, SLOW_CONSUMER_GRACE_MS);
  // unref: a pending cut must not keep a stopping server alive.
  timer.unref();
  closed(() => clearTimeout(timer));
}

/**
 * Running size of a library's outgoing queue that is an array replaced by a fresh one on every
 * flush (sockjs `send_buffer`, engine.io `writeBuffer`): entries are summed once each, so a
 * check at every send stays O(1) however long the queue grows.
 */
export class QueueTally<T> {
  private queue: readonly T[] | undefined;
  private counted = 0;
  private bytes = 0;

  /** @param sizeOf bytes of one entry (string length is close enough for a budget) */
  constructor(private readonly sizeOf: (entry: T) => number) {}

  /** Bytes in `queue` now. */
  bytesIn(queue: readonly T[]): number {
    if (queue !== this.queue) {
      this.queue = queue;
      this.counted = 0;
      this.bytes = 0;
    }
    for (; this.counted < queue.length; this.counted += 1) this.bytes += this.sizeOf(queue[this.counted]);
    return this.bytes;
  }
}
