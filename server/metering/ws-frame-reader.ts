/**
 * Reads WebSocket frames (RFC 6455 §5.2) out of a byte stream that arrives in arbitrary chunks,
 * without taking part in the connection: the layer meter feeds it copies of what the library
 * wrote and read. Each whole frame is reported with its exact header size and unmasked payload.
 */

/** One frame as it was on the wire. */
export interface WsFrame {
  fin: boolean;
  /** RSV1: the payload is compressed (permessage-deflate). */
  compressed: boolean;
  opcode: number;
  /** A client's frame carries a masking key. */
  masked: boolean;
  /** The header's bytes in hex, when the reader was told to keep headers (the inspector shows them). */
  headerHex?: string;
  /** Header bytes on the wire: 2, the extended length, and the masking key if any. */
  headerBytes: number;
  /** Payload bytes on the wire. */
  payloadLength: number;
  /**
   * The payload, unmasked (empty when the reader was told not to keep payloads, or when the
   * payload came as one string: then it is `text`).
   */
  payload: Buffer;
  /** The payload when the library wrote it as one string (a server's text frame): no copy made. */
  text?: string;
}

export const OPCODE = { continuation: 0x0, text: 0x1, binary: 0x2, close: 0x8, ping: 0x9, pong: 0xa } as const;

/** Largest payload kept; longer frames are counted but their payload is not retained. */
const MAX_KEPT_PAYLOAD = 4 * 1024 * 1024;
const EMPTY = Buffer.alloc(0);
/** What a finished frame's `chunks` point at: its payload holds them now. */
const NO_CHUNKS: Buffer[] = [];
/** The longest frame header: 2 + 8 (64-bit length) + 4 (mask). */
const MAX_HEADER = 14;

/**
 * The frame whose payload is being read. Why it is the reported frame too: one object per frame
 * instead of two (the reader runs on every frame both ways, and its garbage was most of what the
 * meter allocated).
 */
interface OpenFrame extends WsFrame {
  /** Payload bytes still to come. */
  left: number;
  /** Kept payload so far (only when payloads are kept). */
  chunks: Buffer[];
  kept: number;
}

/** `HEX[b]`: byte `b` as two hex digits (a header is at most 14 bytes: cheaper than a Buffer call). */
const HEX = Array.from({ length: 256 }, (_, b) => b.toString(16).padStart(2, '0'));

/**
 * A streaming reader: header bytes are gathered in a small buffer, payload bytes are counted as
 * they pass (and copied only when kept), so a frame split over many writes costs no
 * re-concatenation, and a string the library wrote as a payload is measured without being
 * encoded to a Buffer.
 */
export class WsFrameReader {
  private readonly header = Buffer.alloc(MAX_HEADER);
  /** The open frame's masking key. */
  private readonly mask = Buffer.alloc(4);
  private headerFill = 0;
  private frame: OpenFrame | undefined;

  /**
   * @param onFrame called once per complete frame, in stream order
   * @param keepPayload false when only sizes matter (raw ws: every text byte is payload), which
   *   spares a copy and an unmasking loop per frame on the hot path
   */
  constructor(
    private readonly onFrame: (frame: WsFrame) => void,
    private readonly keepPayload = true,
    /**
     * The caller hands over chunks nobody else reads or writes (its own copies, or bytes already
     * written): payloads are then views on them, unmasked in place, instead of copies.
     */
    private readonly ownsChunks = false,
    /** Keep each header's bytes as hex (for the inspector; off on the meter's own hot path). */
    private readonly keepHeader = false,
  ) {}

  /** Feeds the next bytes of the stream (a string counts as its UTF-8 bytes, as a socket writes it). */
  push(chunk: Buffer | string): void {
    if (typeof chunk === 'string') {
      const frame = this.frame;
      // The common case on the hot path: ws writes a text payload as the string it was given
      // (one string for every recipient of a broadcast), right after the header.
      if (frame) {
        const bytes = Buffer.byteLength(chunk);
        if (!this.keepPayload && bytes <= frame.left) {
          frame.left -= bytes;
          if (frame.left === 0) this.finish(frame);
          return;
        }
        if (this.keepPayload && bytes === frame.left && frame.kept === 0 && !frame.masked) {
          frame.text = chunk;
          frame.left = 0;
          return this.finish(frame);
        }
      }
      chunk = Buffer.from(chunk);
    }
    let at = 0;
    while (at < chunk.length) {
      const frame = this.frame;
      if (frame) {
        const take = Math.min(frame.left, chunk.length - at);
        if (this.keepPayload && frame.kept < Math.min(frame.payloadLength, MAX_KEPT_PAYLOAD)) {
          const keep = Math.min(take, MAX_KEPT_PAYLOAD - frame.kept);
          const part = chunk.subarray(at, at + keep);
          frame.chunks.push(this.ownsChunks ? part : Buffer.from(part));
          frame.kept += keep;
        }
        frame.left -= take;
        at += take;
        if (frame.left === 0) this.finish(frame);
        continue;
      }
      at = this.readHeader(chunk, at);
    }
  }

  /** Gathers header bytes from `chunk` at `at`; opens the frame once its header is whole. */
  private readHeader(chunk: Buffer, at: number): number {
    const h = this.header;
    // Take bytes one at a time until the header's length is known, then exactly the rest of it.
    while (at < chunk.length) {
      h[this.headerFill++] = chunk[at++];
      const need = this.headerLength();
      if (need !== undefined && this.headerFill === need) {
        this.open(need);
        return at;
      }
    }
    return at;
  }

  /** Header length once enough of it is in, else undefined. */
  private headerLength(): number | undefined {
    if (this.headerFill < 2) return undefined;
    const h = this.header;
    const length7 = h[1] & 0x7f;
    return 2 + (length7 === 126 ? 2 : length7 === 127 ? 8 : 0) + ((h[1] & 0x80) !== 0 ? 4 : 0);
  }

  private open(headerBytes: number): void {
    const h = this.header;
    const length7 = h[1] & 0x7f;
    const payloadLength = length7 === 126 ? h.readUInt16BE(2) : length7 === 127 ? Number(h.readBigUInt64BE(2)) : length7;
    const masked = (h[1] & 0x80) !== 0;
    // The key is kept in the reader (one frame is open at a time), not copied per frame.
    if (masked) for (let i = 0; i < 4; i++) this.mask[i] = h[headerBytes - 4 + i];
    let headerHex: string | undefined;
    if (this.keepHeader) {
      headerHex = '';
      for (let i = 0; i < headerBytes; i++) headerHex += HEX[h[i]];
    }
    // Every property set here, in one order: one shape for every frame.
    const frame: OpenFrame = {
      fin: (h[0] & 0x80) !== 0,
      compressed: (h[0] & 0x40) !== 0,
      opcode: h[0] & 0x0f,
      masked,
      headerHex,
      headerBytes,
      payloadLength,
      payload: EMPTY,
      text: undefined,
      left: payloadLength,
      chunks: [],
      kept: 0,
    };
    this.headerFill = 0;
    this.frame = frame;
    if (payloadLength === 0) this.finish(frame);
  }

  private finish(frame: OpenFrame): void {
    this.frame = undefined;
    if (this.keepPayload && frame.kept > 0) {
      const payload = frame.chunks.length === 1 ? frame.chunks[0] : Buffer.concat(frame.chunks);
      const mask = this.mask;
      if (frame.masked) for (let i = 0; i < payload.length; i++) payload[i] ^= mask[i & 3];
      frame.payload = payload;
    }
    frame.chunks = NO_CHUNKS;
    this.onFrame(frame);
  }
}
