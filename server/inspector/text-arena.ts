/**
 * A first-in, first-out store of texts as UTF-8 bytes in one preallocated Buffer, outside the
 * JavaScript heap: the pending units' frame texts wait here until they are decoded or dropped.
 *
 * Why: a frame's text waits for thousands of messages (until someone reads the log or newer
 * units push it out), so as a string it survived young-generation collections, was copied by
 * each on its way and then promoted. Measured in the bench's throughput on Socket.IO
 * (2026-12-07, `--trace-gc`), the scavenges took 674 ms with 10,000 pending units against
 * 262 ms with 100: most of what the inspector cost per message. Bytes in a Buffer cost the collector
 * nothing. The round trip through UTF-8 is exact for every text a frame carries: they are what
 * went on the wire, and the libraries write well-formed strings (JSON.stringify escapes lone
 * surrogates).
 *
 * Texts are freed oldest first, as the store that owns them drops or drains its units. A text
 * that does not fit (the arena is full of younger texts) is refused, and the caller keeps it as
 * a string instead.
 */
export class TextArena {
  private readonly bytes: Buffer;
  /** Where the next text goes. */
  private head = 0;
  /** Where the oldest live text starts. */
  private tail = 0;
  /** Texts stored and not yet freed. */
  private live = 0;

  /** @param size bytes of the arena (0: every text is refused) */
  constructor(size: number) {
    this.bytes = Buffer.alloc(Math.max(0, size));
  }

  /**
   * Stores `text` after the last one.
   * @returns where its bytes start (they end at `lastEnd`), or -1 when there is no room (or the
   *   text is empty: an empty text is kept as the string it is, with nothing to store)
   */
  put(text: string): number {
    // A UTF-16 unit is at most 3 UTF-8 bytes (a surrogate pair, 2 units, is 4): room for
    // 3 × length always holds the text, without measuring it first.
    const need = text.length * 3;
    if (need === 0) return -1;
    if (this.live === 0) {
      this.head = 0;
      this.tail = 0;
    }
    let start: number;
    if (this.head > this.tail || this.live === 0) {
      // Free: the arena's end after head, then its start before tail.
      if (need <= this.bytes.length - this.head) start = this.head;
      else if (need <= this.tail) start = 0;
      else return -1;
    } else {
      // Wrapped: head has come round behind tail (and is full when they meet).
      if (need > this.tail - this.head) return -1;
      start = this.head;
    }
    this.head = start + this.bytes.write(text, start, 'utf8');
    this.live++;
    return start;
  }

  /** Where the bytes of the text stored last end. */
  get lastEnd(): number {
    return this.head;
  }

  /** The text stored at `[start, end)`. */
  text(start: number, end: number): string {
    return this.bytes.toString('utf8', start, end);
  }

  /** Frees the oldest live text, which ends at `end`. */
  freeOldest(end: number): void {
    this.live--;
    this.tail = end;
  }

  /** Frees every text. */
  clear(): void {
    this.live = 0;
    this.head = 0;
    this.tail = 0;
  }
}
