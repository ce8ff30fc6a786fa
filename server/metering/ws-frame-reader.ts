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
  /** Header bytes on the wire: 2, the extended length, and the masking key if any. */
  headerBytes: number;
  /** Payload bytes on the wire. */
  payloadLength: number;
  /** The payload, unmasked (empty when the reader was told not to keep payloads). */
  payload: Buffer;
}

export const OPCODE = { continuation: 0x0, text: 0x1, binary: 0x2, close: 0x8, ping: 0x9, pong: 0xa } as const;

/** Largest payload kept; longer frames are counted but their payload is not retained. */
const MAX_KEPT_PAYLOAD = 4 * 1024 * 1024;
const EMPTY = Buffer.alloc(0);

export class WsFrameReader {
  private buffered: Buffer = Buffer.alloc(0);

  /**
   * @param onFrame called once per complete frame, in stream order
   * @param keepPayload false when only sizes matter (raw ws: every text byte is payload), which
   *   spares a copy and an unmasking loop per frame on the hot path
   */
  constructor(
    private readonly onFrame: (frame: WsFrame) => void,
    private readonly keepPayload = true,
  ) {}

  /** Feeds the next bytes of the stream. */
  push(chunk: Buffer): void {
    this.buffered = this.buffered.length === 0 ? chunk : Buffer.concat([this.buffered, chunk]);
    for (;;) {
      const frame = this.next();
      if (!frame) return;
      this.onFrame(frame);
    }
  }

  /** Takes one whole frame off the buffer, or returns undefined when more bytes are needed. */
  private next(): WsFrame | undefined {
    const b = this.buffered;
    if (b.length < 2) return undefined;
    const masked = (b[1] & 0x80) !== 0;
    let length = b[1] & 0x7f;
    let offset = 2;
    if (length === 126) {
      if (b.length < 4) return undefined;
      length = b.readUInt16BE(2);
      offset = 4;
    } else if (length === 127) {
      if (b.length < 10) return undefined;
      length = Number(b.readBigUInt64BE(2));
      offset = 10;
    }
    const maskAt = offset;
    if (masked) offset += 4;
    if (b.length < offset + length) return undefined;
    const payload = this.keepPayload ? Buffer.from(b.subarray(offset, offset + Math.min(length, MAX_KEPT_PAYLOAD))) : EMPTY;
    if (masked) for (let i = 0; i < payload.length; i++) payload[i] ^= b[maskAt + (i & 3)];
    this.buffered = b.subarray(offset + length);
    return { fin: (b[0] & 0x80) !== 0, compressed: (b[0] & 0x40) !== 0, opcode: b[0] & 0x0f, headerBytes: offset, payloadLength: length, payload };
  }
}
