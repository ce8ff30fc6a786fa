/**
 * The wire inspector's units not decoded yet: at most `capacity`, oldest first, in fixed arrays.
 *
 * Why not an array of unit objects: every unit waits here until someone reads the log or until
 * `capacity` newer ones came, which on a busy server is thousands of messages later. As objects,
 * each WebSocket frame (the unit, its layers, its frame facts, the entry) outlived the young
 * generation, was copied by every scavenge on its way and then promoted, and the GC work that
 * made was most of what the inspector cost per message. A frame's facts are copied into typed
 * arrays here instead, and its text into a TextArena (bytes outside the heap: see text-arena.ts
 * for what the strings still cost); only its short header string stays behind, and the objects
 * the tap made for it die young. Other units (HTTP requests and responses, upgrade heads) are rarer and
 * kept as they came.
 */
import type { LaneId, TransportId } from '../../protocol';
import type { UnitContent } from '../metering/wire-units';
import { TextArena } from './text-arena';

/** A unit as it came (without its socket: decoding never needs it), with when it came and its connection's state. */
export interface PendingUnit<Conn> {
  seq: number;
  at: number;
  wallTime: number;
  unit: UnitContent;
  conn: Conn;
}

// Columns per slot. Why two arrays: a value read from a Float64Array is a double, and a double
// stored in a field that every other object of that shape holds as a small integer changes the
// field's representation in the shared map. V8 then deprecates the old map, and every object
// made with it afterwards (each frame's `layers` literal in the meter, each history entry's
// `seq`) is migrated on its first read: per Socket.IO message, 2 `layers`, 2 `ws` and 0.5 history
// entries, counted with `--trace-migration` once one unit had been rebuilt (a dropped welcome is enough). Sizes and
// offsets come back from an Int32Array as small integers, as the meter made them; the times
// (fractional) and seq (unbounded) stay doubles, in an object of a class of its own.
const SEQ = 0;
const AT = 1;
const WALL = 2;
const TIME_COLUMNS = 3;
const BYTES = 0;
const PAYLOAD = 1;
const HTTP = 2;
const KEEPALIVE = 3;
const PAYLOAD_LENGTH = 4;
/** Where the frame's text is in the arena (when it is: see TEXT_IN_ARENA). */
const TEXT_START = 5;
const TEXT_END = 6;
const SIZE_COLUMNS = 7;

// Flag bits per slot.
const IN = 1;
const FIN = 2;
const MASKED = 4;
/** `worthKeeping` said yes to the unit's text when it came. */
const WORTH_KEEPING = 8;
/** The text is in the arena, not in `texts`. */
const TEXT_IN_ARENA = 16;

/**
 * A unit handed back: a class, so its map is its own. As an object literal whose first field is
 * `seq` it would share its map with the history's entries, and a seq read back as a double
 * would deprecate theirs (see the columns above).
 */
class Rebuilt<Conn> implements PendingUnit<Conn> {
  constructor(
    readonly seq: number,
    readonly at: number,
    readonly wallTime: number,
    readonly unit: UnitContent,
    readonly conn: Conn,
  ) {}
}

/**
 * Arena bytes per slot: room for frames of about 170 characters at once (a text needs 3 bytes
 * per UTF-16 unit free to go in), more on average, since most are shorter. A text that finds no
 * room stays a string.
 */
const ARENA_BYTES_PER_SLOT = 512;
/** The arena's most bytes, however many slots: a store of a million units keeps the rest as strings. */
const MAX_ARENA_BYTES = 64 * 1024 * 1024;

export class PendingUnits<Conn> {
  private readonly times: Float64Array;
  private readonly sizes: Int32Array;
  private readonly flags: Uint8Array;
  private readonly opcodes: Uint8Array;
  private readonly headerBytes: Uint8Array;
  /** A unit that is not a WebSocket frame, kept whole; undefined for a frame. */
  private readonly whole: (UnitContent | undefined)[];
  /** A frame's text when it is not in the arena. */
  private readonly texts: string[];
  private readonly arena: TextArena;
  private readonly headerHexes: string[];
  private readonly lanes: LaneId[];
  private readonly transports: TransportId[];
  private readonly conns: (Conn | undefined)[];
  /** Slot of the oldest unit. */
  private head = 0;
  private count = 0;

  constructor(private readonly capacity: number) {
    const slots = Math.max(0, capacity);
    this.times = new Float64Array(slots * TIME_COLUMNS);
    this.sizes = new Int32Array(slots * SIZE_COLUMNS);
    this.flags = new Uint8Array(slots);
    this.opcodes = new Uint8Array(slots);
    this.headerBytes = new Uint8Array(slots);
    this.whole = new Array<UnitContent | undefined>(slots).fill(undefined);
    this.texts = new Array<string>(slots).fill('');
    this.arena = new TextArena(Math.min(slots * ARENA_BYTES_PER_SLOT, MAX_ARENA_BYTES));
    this.headerHexes = new Array<string>(slots).fill('');
    this.lanes = new Array<LaneId>(slots).fill('ws');
    this.transports = new Array<TransportId>(slots).fill('ws');
    this.conns = new Array<Conn | undefined>(slots).fill(undefined);
  }

  get length(): number {
    return this.count;
  }

  /**
   * Adds a unit at the end. When the store is full the oldest is dropped first; `dropped` sees
   * it (rebuilt) only when `worthKeeping` says its text matters, so a drop costs no object.
   */
  push(seq: number, at: number, wallTime: number, unit: UnitContent, conn: Conn, worthKeeping: (text: string) => boolean, dropped: (p: PendingUnit<Conn>) => void): void {
    if (this.capacity <= 0) {
      if (worthKeeping(unit.text)) dropped(new Rebuilt(seq, at, wallTime, unit, conn));
      return;
    }
    let slot: number;
    if (this.count < this.capacity) {
      slot = (this.head + this.count) % this.capacity;
      this.count++;
    } else {
      slot = this.head;
      if (this.flags[slot] & WORTH_KEEPING) dropped(this.rebuild(slot));
      // The oldest slot's text is the arena's oldest: slots and arena both go in arrival order.
      if (this.flags[slot] & TEXT_IN_ARENA) this.arena.freeOldest(this.sizes[slot * SIZE_COLUMNS + TEXT_END]);
      this.head = (this.head + 1) % this.capacity;
    }
    this.store(slot, seq, at, wallTime, unit, conn, worthKeeping(unit.text));
  }

  /** Removes every unit, handing each to `each` (rebuilt), oldest first. */
  drain(each: (p: PendingUnit<Conn>) => void): void {
    const { count, head } = this;
    this.count = 0;
    this.head = 0;
    // The bytes stay until something new is stored: each slot is rebuilt before that.
    this.arena.clear();
    for (let i = 0; i < count; i++) {
      const slot = (head + i) % this.capacity;
      const p = this.rebuild(slot);
      this.clear(slot);
      each(p);
    }
  }

  private store(slot: number, seq: number, at: number, wallTime: number, unit: UnitContent, conn: Conn, worthKeeping: boolean): void {
    const t = slot * TIME_COLUMNS;
    const times = this.times;
    times[t + SEQ] = seq;
    times[t + AT] = at;
    times[t + WALL] = wallTime;
    this.conns[slot] = conn;
    const ws = unit.ws;
    if (unit.kind !== 'ws-frame' || !ws || unit.req || unit.response || unit.head !== undefined || unit.emptyPoll) {
      this.whole[slot] = unit;
      this.flags[slot] = worthKeeping ? WORTH_KEEPING : 0;
      this.texts[slot] = '';
      return;
    }
    this.whole[slot] = undefined;
    const n = slot * SIZE_COLUMNS;
    const sizes = this.sizes;
    let flags = (unit.dir === 'in' ? IN : 0) | (ws.fin ? FIN : 0) | (ws.masked ? MASKED : 0) | (worthKeeping ? WORTH_KEEPING : 0);
    const textStart = this.arena.put(unit.text);
    if (textStart >= 0) {
      flags |= TEXT_IN_ARENA;
      sizes[n + TEXT_START] = textStart;
      sizes[n + TEXT_END] = this.arena.lastEnd;
      this.texts[slot] = '';
    } else {
      this.texts[slot] = unit.text;
    }
    this.flags[slot] = flags;
    this.headerHexes[slot] = ws.headerHex;
    sizes[n + BYTES] = unit.bytes;
    sizes[n + PAYLOAD] = unit.layers.payload;
    sizes[n + HTTP] = unit.layers.http;
    sizes[n + KEEPALIVE] = unit.layers.keepalive;
    sizes[n + PAYLOAD_LENGTH] = ws.payloadLength;
    this.opcodes[slot] = ws.opcode;
    this.headerBytes[slot] = ws.headerBytes;
    this.lanes[slot] = unit.lane;
    this.transports[slot] = unit.transport;
  }

  /** The slot's unit as the inspector decodes it. */
  private rebuild(slot: number): PendingUnit<Conn> {
    const t = slot * TIME_COLUMNS;
    const times = this.times;
    return new Rebuilt(times[t + SEQ], times[t + AT], times[t + WALL], this.whole[slot] ?? this.frame(slot), this.conns[slot] as Conn);
  }

  private frame(slot: number): UnitContent {
    const n = slot * SIZE_COLUMNS;
    const sizes = this.sizes;
    const flags = this.flags[slot];
    return {
      transport: this.transports[slot],
      lane: this.lanes[slot],
      dir: flags & IN ? 'in' : 'out',
      kind: 'ws-frame',
      bytes: sizes[n + BYTES],
      layers: { payload: sizes[n + PAYLOAD], http: sizes[n + HTTP], keepalive: sizes[n + KEEPALIVE] },
      text: flags & TEXT_IN_ARENA ? this.arena.text(sizes[n + TEXT_START], sizes[n + TEXT_END]) : this.texts[slot],
      ws: {
        opcode: this.opcodes[slot],
        fin: (flags & FIN) !== 0,
        masked: (flags & MASKED) !== 0,
        headerBytes: this.headerBytes[slot],
        payloadLength: sizes[n + PAYLOAD_LENGTH],
        headerHex: this.headerHexes[slot],
      },
    };
  }

  /** Lets the GC have what a drained slot pointed at. */
  private clear(slot: number): void {
    this.whole[slot] = undefined;
    this.conns[slot] = undefined;
    this.texts[slot] = '';
    this.headerHexes[slot] = '';
    this.flags[slot] = 0;
  }
}
