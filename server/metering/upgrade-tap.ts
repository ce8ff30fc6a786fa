/**
 * Watches one upgraded socket for the layer meter: the HTTP response head the library writes,
 * then every WebSocket frame each way, classified by the transport's message rules. It copies
 * bytes as they pass (see layer-meter.ts for why these wrappers are passive) and never alters them.
 */
import type { Socket } from 'node:net';
import type { TransportId, WireLayer } from '../../protocol';
import { messageLayers } from './message-layers';
import { observeEmittedData, observeWrites } from './stream-taps';
import { OPCODE, WsFrameReader, type WsFrame } from './ws-frame-reader';

/** Where the tap reports what it found (framing is never reported: it is the rest). */
export interface LayerSink {
  add(direction: 'in' | 'out', layer: Exclude<WireLayer, 'framing'>, bytes: number): void;
}

const HEAD_END = Buffer.from('\r\n\r\n');

/** A message being assembled from fragments. */
interface PendingMessage {
  headerBytes: number;
  payloadBytes: number;
  chunks: (Buffer | string)[];
}

export class UpgradeTap {
  /** Bytes of the response head seen so far, while it is still being written. */
  private head: Buffer | undefined = Buffer.alloc(0);
  /** False once a non-101 answer was written: the rest is that refusal, HTTP too. */
  private switched = true;
  /** Frames' contents are classified (Socket.IO, SockJS); raw ws messages are our JSON, sizes say it all. */
  private readonly keepsPayload: boolean;

  constructor(
    private readonly socket: Socket,
    private readonly transport: TransportId,
    private readonly sink: LayerSink,
  ) {
    this.keepsPayload = transport !== 'ws';
    const outFrames = this.frameReader('out');
    const inFrames = this.frameReader('in');
    observeWrites(
      socket,
      (chunk) => {
        // Data written to a destroyed socket never reaches the wire (nor the meter's count).
        if (socket.destroyed) return;
        // Once the head is through, a string is a frame's payload: the reader takes it as is.
        if (typeof chunk === 'string' && this.head === undefined && this.switched) return this.later(outFrames, chunk);
        const rest = this.takeHead(typeof chunk === 'string' ? Buffer.from(chunk) : chunk);
        if (rest.length > 0) this.later(outFrames, rest);
      },
      true,
    );
    // A copy where payloads are read: libraries unmask a client's frame in place once they have
    // it (ws does). Raw ws needs sizes only, which sit in the headers, never unmasked.
    observeEmittedData(socket, (chunk) => this.later(inFrames, this.keepsPayload ? Buffer.from(chunk) : chunk));
  }

  /**
   * Reads `chunk` on the next tick instead of now. Why: the tap sits on the message's path (a
   * read is tapped before the library handles it, a write before it reaches the socket), and
   * classifying frames there added to every round trip. On the next tick the replies have left
   * (write-coalescing.ts flushes them as the read's handler returns) and the peer is already
   * reading; the counts are still settled before any other I/O is handled, so nothing can read
   * the meter in between. Chunks are kept in order per direction.
   */
  private later(reader: WsFrameReader, chunk: Buffer | string): void {
    this.queued.push(reader, chunk);
    if (this.queued.length === 2) process.nextTick(this.drain);
  }

  private readonly queued: (WsFrameReader | Buffer | string)[] = [];

  private readonly drain = (): void => {
    const queued = this.queued.splice(0);
    for (let i = 0; i < queued.length; i += 2) (queued[i] as WsFrameReader).push(queued[i + 1] as Buffer | string);
  };

  /** Counts response-head bytes as http; returns what follows the head (frames). */
  private takeHead(chunk: Buffer): Buffer {
    if (!this.switched) {
      this.sink.add('out', 'http', chunk.length);
      return Buffer.alloc(0);
    }
    if (this.head === undefined) return chunk;
    const seen = Buffer.concat([this.head, chunk]);
    const end = seen.indexOf(HEAD_END);
    if (end < 0) {
      this.head = seen;
      this.sink.add('out', 'http', chunk.length);
      return Buffer.alloc(0);
    }
    const headBytes = end + HEAD_END.length;
    const fromChunk = headBytes - this.head.length;
    this.sink.add('out', 'http', fromChunk);
    this.switched = / 101 /.test(seen.subarray(0, seen.indexOf('\r\n')).toString('latin1'));
    this.head = undefined;
    const rest = chunk.subarray(fromChunk);
    if (!this.switched && rest.length > 0) this.sink.add('out', 'http', rest.length);
    return this.switched ? rest : Buffer.alloc(0);
  }

  private frameReader(direction: 'in' | 'out'): WsFrameReader {
    const sizesOnly = !this.keepsPayload;
    let pending: PendingMessage | undefined;
    return new WsFrameReader((frame: WsFrame) => {
      if (frame.opcode === OPCODE.ping || frame.opcode === OPCODE.pong) {
        this.sink.add(direction, 'keepalive', frame.headerBytes + frame.payloadLength);
        return;
      }
      // Close frames, binary and compressed messages: all framing (our chat sends text only).
      if (frame.opcode === OPCODE.close || frame.compressed) return;
      if (frame.opcode !== OPCODE.continuation) pending = frame.opcode === OPCODE.text ? { headerBytes: 0, payloadBytes: 0, chunks: [] } : undefined;
      if (!pending) return;
      pending.headerBytes += frame.headerBytes;
      pending.payloadBytes += frame.payloadLength;
      if (!sizesOnly) pending.chunks.push(frame.text ?? frame.payload);
      if (!frame.fin) return;
      const message = pending;
      pending = undefined;
      if (sizesOnly) {
        if (message.payloadBytes > 0) this.sink.add(direction, 'payload', message.payloadBytes);
        return;
      }
      const text = messageText(message.chunks);
      const layers = messageLayers(this.transport, text);
      if (layers.keepalive) this.sink.add(direction, 'keepalive', message.headerBytes + message.payloadBytes);
      else if (layers.payload > 0) this.sink.add(direction, 'payload', layers.payload);
      // Ours to unmask in place: incoming chunks are copies (see above), outgoing ones were
      // written already and a server's frames are never masked.
    }, !sizesOnly, true);
  }
}

/** A message's text from its frames' payloads (one string as written, when it came so). */
function messageText(chunks: (Buffer | string)[]): string {
  if (chunks.length === 1) return typeof chunks[0] === 'string' ? chunks[0] : chunks[0].toString('utf8');
  return Buffer.concat(chunks.map((c) => (typeof c === 'string' ? Buffer.from(c) : c))).toString('utf8');
}
