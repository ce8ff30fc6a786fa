/**
 * Watches one upgraded socket for the layer meter: the HTTP response head the library writes,
 * then every WebSocket frame each way, classified by the transport's message rules. It copies
 * bytes as they pass (see layer-meter.ts for why these wrappers are passive) and never alters them.
 */
import type { Socket } from 'node:net';
import { laneTransport, type LaneId, type TransportId, type WireLayer } from '../../protocol';
import { messageLayers } from './message-layers';
import { observeEmittedData, observeWrites } from './stream-taps';
import { NO_LAYERS, type CountedLayers, type WireUnitSink } from './wire-units';
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
  private readonly transport: TransportId;

  /**
   * @param units the inspector, when it runs: it gets the head and every frame with its layers
   *   (then raw ws payloads are kept too, to be shown)
   */
  constructor(
    private readonly socket: Socket,
    private readonly lane: LaneId,
    private readonly sink: LayerSink,
    private readonly units?: WireUnitSink,
  ) {
    const transport = (this.transport = laneTransport(lane));
    this.keepsPayload = transport !== 'ws' || units !== undefined;
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
   * Reads `chunk` in a microtask instead of now. Why: the tap sits on the message's path (a
   * read is tapped before the library handles it, a write before it reaches the socket), and
   * classifying frames there added to every round trip. Why a microtask and not the next tick:
   * Socket.IO hands each event to its handler in a `process.nextTick` of its own, queued after
   * the tap's, so a tick put the meter before the chat; microtasks run once every queued tick
   * has. By then the replies have left (write-coalescing.ts flushes them as the read's handler
   * returns) and the peer is already reading; the counts are still settled before any other
   * I/O is handled, so nothing can read the meter in between. Chunks are kept in order per
   * direction.
   */
  private later(reader: WsFrameReader, chunk: Buffer | string): void {
    this.queued.push(reader, chunk);
    if (this.queued.length === 2) queueMicrotask(this.drain);
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
      this.httpUnit(chunk.length, chunk.toString('latin1'));
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
    this.httpUnit(headBytes, seen.subarray(0, headBytes).toString('latin1'));
    const rest = chunk.subarray(fromChunk);
    if (!this.switched && rest.length > 0) {
      this.sink.add('out', 'http', rest.length);
      this.httpUnit(rest.length, rest.toString('latin1'));
    }
    return this.switched ? rest : Buffer.alloc(0);
  }

  /** The response head (or a refusal's bytes) for the inspector: all of it http. */
  private httpUnit(bytes: number, text: string): void {
    if (!this.units) return;
    this.units.unit({ transport: this.transport, lane: this.lane, socket: this.socket, dir: 'out', kind: 'http-response', bytes, layers: { ...NO_LAYERS(), http: bytes }, text: '', head: text });
  }

  /** One frame for the inspector, with the layers the meter gave it. */
  private frameUnit(direction: 'in' | 'out', frame: WsFrame, layers: CountedLayers): void {
    const { opcode, fin, masked, headerBytes, payloadLength } = frame;
    // A close frame's payload starts with a 2-byte code: latin1 keeps those bytes as they are.
    const text = frame.text ?? (opcode === OPCODE.binary || frame.compressed ? '' : frame.payload.toString(opcode === OPCODE.close ? 'latin1' : 'utf8'));
    this.units!.unit({
      transport: this.transport,
      lane: this.lane,
      socket: this.socket,
      dir: direction,
      kind: 'ws-frame',
      bytes: headerBytes + payloadLength,
      layers,
      text,
      ws: { opcode, fin, masked, headerBytes, payloadLength, headerHex: frame.headerHex ?? '' },
    });
  }

  private frameReader(direction: 'in' | 'out'): WsFrameReader {
    const sizesOnly = !this.keepsPayload;
    let pending: PendingMessage | undefined;
    const units = this.units;
    /** Counts a layer for the meter (and, when inspected, for this frame's record). */
    const count = (frame: WsFrame, layer: Exclude<WireLayer, 'framing'>, bytes: number) => {
      this.sink.add(direction, layer, bytes);
      // A literal, not `{ ...NO_LAYERS(), [layer]: bytes }`: a spread with a computed key is a slow path, per frame.
      if (units) this.frameUnit(direction, frame, { payload: layer === 'payload' ? bytes : 0, http: layer === 'http' ? bytes : 0, keepalive: layer === 'keepalive' ? bytes : 0 });
    };
    const framingOnly = (frame: WsFrame) => {
      if (units) this.frameUnit(direction, frame, NO_LAYERS());
    };
    return new WsFrameReader((frame: WsFrame) => {
      if (frame.opcode === OPCODE.ping || frame.opcode === OPCODE.pong) return count(frame, 'keepalive', frame.headerBytes + frame.payloadLength);
      // Close frames, binary and compressed messages: all framing (our chat sends text only).
      if (frame.opcode === OPCODE.close || frame.compressed) return framingOnly(frame);
      if (frame.opcode !== OPCODE.continuation) pending = frame.opcode === OPCODE.text ? { headerBytes: 0, payloadBytes: 0, chunks: [] } : undefined;
      if (!pending) return framingOnly(frame);
      pending.headerBytes += frame.headerBytes;
      pending.payloadBytes += frame.payloadLength;
      if (!sizesOnly) pending.chunks.push(frame.text ?? frame.payload);
      // A fragmented message's layers go on its last frame (none of our libraries fragments).
      if (!frame.fin) return framingOnly(frame);
      const message = pending;
      pending = undefined;
      if (sizesOnly) {
        if (message.payloadBytes > 0) this.sink.add(direction, 'payload', message.payloadBytes);
        return;
      }
      const text = messageText(message.chunks);
      // A one-frame message's text is the frame's: the inspector's record reuses it instead of
      // decoding the same payload a second time (every incoming frame did, twice).
      if (message.chunks.length === 1) frame.text = text;
      // Raw ws: every text byte is one of our JSON frames (sizes alone when nobody inspects).
      const layers = this.transport === 'ws' ? { payload: message.payloadBytes, keepalive: false } : messageLayers(this.transport, text);
      if (layers.keepalive) count(frame, 'keepalive', message.headerBytes + message.payloadBytes);
      else if (layers.payload > 0) count(frame, 'payload', layers.payload);
      else framingOnly(frame);
      // Ours to unmask in place: incoming chunks are copies (see above), outgoing ones were
      // written already and a server's frames are never masked.
    }, !sizesOnly, true, units !== undefined);
  }
}

/** A message's text from its frames' payloads (one string as written, when it came so). */
function messageText(chunks: (Buffer | string)[]): string {
  if (chunks.length === 1) return typeof chunks[0] === 'string' ? chunks[0] : chunks[0].toString('utf8');
  return Buffer.concat(chunks.map((c) => (typeof c === 'string' ? Buffer.from(c) : c))).toString('utf8');
}
