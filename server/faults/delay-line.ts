/**
 * One connection's outgoing events held back by a fault: a queue ordered by release time, drained
 * by a single timer. Release times never go backwards, so events leave in the order they came.
 */

/** An event waiting to leave, as a ready-to-run delivery. */
interface Held {
  at: number;
  deliver: () => void;
}

export class DelayLine {
  private readonly items: Held[] = [];
  private timer: NodeJS.Timeout | undefined;
  private lastAt = 0;

  /**
   * @param clock current time in ms
   * @param onDrained called once the line is empty again (the injector then forgets it)
   * @param onReleased called with how many events left the line, for the held-event count
   */
  constructor(
    private readonly clock: () => number,
    private readonly onDrained: () => void,
    private readonly onReleased: (count: number) => void,
  ) {}

  /** Events still waiting. */
  get size(): number {
    return this.items.length;
  }

  /**
   * Holds `deliver` until `at`, or later if an earlier event leaves later: per-connection order
   * beats the exact delay (jitter would otherwise reorder messages, which no transport here does).
   */
  push(at: number, deliver: () => void): void {
    const releaseAt = Math.max(at, this.lastAt);
    this.lastAt = releaseAt;
    this.items.push({ at: releaseAt, deliver });
    if (this.items.length === 1) this.schedule();
  }

  /** Holds everything still waiting until at least `until` (a stall that starts while events wait). */
  holdUntil(until: number): void {
    if (this.items.length === 0) return;
    for (const item of this.items) item.at = Math.max(item.at, until);
    this.lastAt = Math.max(this.lastAt, until);
    this.schedule();
  }

  /** Releases every waiting event now, in order. */
  flush(): void {
    this.release(Number.POSITIVE_INFINITY);
  }

  private schedule(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    if (this.items.length === 0) return;
    const wait = Math.max(0, this.items[0].at - this.clock());
    this.timer = setTimeout(() => {
      this.timer = undefined;
      this.release(this.clock());
    }, wait);
  }

  private release(upTo: number): void {
    let count = 0;
    while (this.items.length > 0 && this.items[0].at <= upTo) {
      const item = this.items.shift()!;
      count += 1;
      try {
        item.deliver();
      } catch {
        // Peer.send must not throw; if one does, the rest of the line still has to leave.
      }
    }
    if (count > 0) this.onReleased(count);
    if (this.items.length === 0) {
      if (this.timer) clearTimeout(this.timer);
      this.timer = undefined;
      this.onDrained();
    } else {
      this.schedule();
    }
  }
}
