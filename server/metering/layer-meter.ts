/**
 * Splits each transport's wire bytes into layers (payload, framing, http, keepalive; see
 * protocol/wire-metrics.ts) without taking part in any connection.
 *
 * How each layer is measured (never estimated):
 * - HTTP requests: the WireMeter tells us exactly how many bytes each request/response took
 *   (`exchange`). The body is what Content-Length says (or, for a chunked request, what the
 *   request stream delivered), and for a response what the handler passed to write()/end(). HTTP
 *   headers (and chunked coding) are the rest, so `http` is exact even for odd header spacing.
 *   Bodies are read to find the payload inside them; an exchange that carried only keepalive
 *   units, or a poll that brought no events, counts whole (headers too) as keepalive; keepalive
 *   units among others (SockJS `h` frames in an xhr-streaming answer) count their own bytes.
 *   Chunked coding counts as http: it is HTTP/1.1's own framing of a body.
 * - Upgraded sockets: the upgrade request's header bytes are rebuilt from the request line and
 *   `rawHeaders` (Node has consumed them; tests check the sum against a proxy's raw bytes).
 *   Everything after is read frame by frame from copies of what the library wrote (a wrapper on
 *   `socket.write`/`end`) and what it read (a wrapper on `socket.emit('data')`, which adds no
 *   listener, so it neither resumes a paused socket nor competes with the library).
 * - `framing` is what remains of the WireMeter's total after the other three. The tests check
 *   it against the byte model, so a byte missed or double-counted elsewhere shows up there.
 *
 * Limits: bytes of an HTTP exchange are split when its response finishes or its connection
 * closes (until then a long poll's or an xhr-streaming answer's bytes show as framing); when a
 * connection closes with response bytes still queued in the process (never sent), http comes
 * out short by those bytes (never below 0) and framing long; bytes a library passed along with
 * the upgrade (`head`, empty unless the client sent frames before the 101) and compressed
 * frames count as framing.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Socket } from 'node:net';
import {
  isLaneId,
  LANE_IDS,
  laneTransport,
  type LaneId,
  type WireBucket,
  type WireLayerBytes,
  type WireLayerTotals,
  type WireMetricsResponse,
} from '../../protocol';
import { utf8 } from './byte-model';
import { httpBodyLayers } from './message-layers';
import type { WireExchange, WireMeter } from './wire-meter';
import { observeEmittedData, observeWrites } from './stream-taps';
import { UpgradeTap } from './upgrade-tap';
import { NO_LAYERS, type CountedLayers, type WireUnit, type WireUnitSink } from './wire-units';

/** Counted layers of one direction (framing is derived). */
type Counted = Omit<WireLayerBytes, 'framing'>;

interface Counts {
  in: Counted;
  out: Counted;
  keepaliveRequests: number;
}

/** Bodies larger than this are counted but not kept for classification (ours are far smaller). */
const MAX_KEPT_BODY = 1024 * 1024;

/** What we keep of one request while it is served. */
interface BodyCapture {
  requestChunks: Buffer[];
  requestBytes: number;
  responseChunks: Buffer[];
  responseBytes: number;
  /** A streaming answer, counted and recorded chunk by chunk as it is written. */
  stream?: StreamedSoFar;
}

/** What a streaming exchange has counted (and handed to the inspector) before it settles. */
interface StreamedSoFar {
  headDone: boolean;
  bytes: { in: number; out: number };
  layers: { in: CountedLayers; out: CountedLayers };
}

/**
 * Answers that stream for as long as the session lives (SockJS's xhr-streaming, EventSource and htmlfile):
 * their chunks are counted and recorded as they go, so the layers and the inspector are live.
 * Everything else is split when its response finishes.
 */
const isStreamingAnswer = (bucket: LaneId, path: string): boolean =>
  laneTransport(bucket) === 'sockjs' && (path.endsWith('/xhr_streaming') || path.endsWith('/eventsource') || path.endsWith('/htmlfile'));

/** Bytes of one chunk's chunked coding: its size in hex, CRLF, and the CRLF after the data. */
const chunkCodingBytes = (length: number): number => (length === 0 ? 0 : length.toString(16).length + 4);

const isLane = (bucket: WireBucket): bucket is LaneId => isLaneId(bucket);
const zero = (): Counts => ({ in: { payload: 0, http: 0, keepalive: 0 }, out: { payload: 0, http: 0, keepalive: 0 }, keepaliveRequests: 0 });

/** The layer meter. Call `route()` next to `WireMeter.route()` for every request and upgrade. */
export class LayerMeter {
  private counts = this.zeroCounts();
  private readonly bodies = new WeakMap<ServerResponse, BodyCapture>();
  private units: WireUnitSink | undefined;

  constructor(private readonly wire: WireMeter) {
    wire.on('exchange', (exchange: WireExchange) => this.settleExchange(exchange));
  }

  /**
   * Hands every unit the meter splits (HTTP requests and responses, upgrade heads, frames) to
   * `sink` too, with its bytes and layers: the wire inspector. Call before the first request.
   */
  inspectWith(sink: WireUnitSink): void {
    this.units = sink;
    this.wire.on('exchange', ({ bucket, req, bytesIn, bytesOut }: WireExchange) => {
      if (!isLane(bucket)) sink.otherExchange(req.socket as Socket, bytesIn, bytesOut);
    });
    this.wire.on('connectionClosed', (_record: unknown, closed: { socket: Socket; owner: string; bytesIn: number; bytesOut: number }) =>
      sink.closed(closed.socket, closed.owner, closed.bytesIn, closed.bytesOut),
    );
  }

  /** Starts watching a request (with its `res`) or an upgrade (without) routed to `bucket`. */
  route(bucket: WireBucket, req: IncomingMessage, res?: ServerResponse): void {
    if (!isLane(bucket)) return;
    if (!res) {
      const counts = () => this.counts[bucket];
      const head = requestHeadBytes(req);
      counts().in.http += head;
      const socket = req.socket as Socket;
      this.units?.unit({ transport: laneTransport(bucket), lane: bucket, socket, dir: 'in', kind: 'http-request', bytes: head, layers: { ...NO_LAYERS(), http: head }, text: '', req });
      new UpgradeTap(
        socket,
        bucket,
        {
          add: (direction, layer, bytes) => {
            counts()[direction][layer] += bytes;
          },
        },
        this.units,
      );
      return;
    }
    const capture: BodyCapture = { requestChunks: [], requestBytes: 0, responseChunks: [], responseBytes: 0 };
    this.bodies.set(res, capture);
    const path = (req.url ?? '/').split('?')[0];
    if (isStreamingAnswer(bucket, path)) {
      const stream: StreamedSoFar = { headDone: false, bytes: { in: 0, out: 0 }, layers: { in: NO_LAYERS(), out: NO_LAYERS() } };
      capture.stream = stream;
      // A streaming GET has no body: its head is the whole request, known now.
      const head = requestHeadBytes(req);
      this.streamed(bucket, stream, { transport: laneTransport(bucket), lane: bucket, socket: req.socket as Socket, dir: 'in', kind: 'http-request', bytes: head, layers: { ...NO_LAYERS(), http: head }, text: '', req });
    }
    observeEmittedData(req, (chunk) => {
      capture.requestBytes += chunk.length;
      if (capture.requestBytes <= MAX_KEPT_BODY) capture.requestChunks.push(chunk);
    });
    observeWrites(res, (chunk) => {
      // Written after the client went away: never on the wire (nor in the wire meter's count).
      if (res.destroyed) return;
      capture.responseBytes += chunk.length;
      if (capture.responseBytes <= MAX_KEPT_BODY) capture.responseChunks.push(chunk);
      if (capture.stream) this.streamChunk(bucket, req, res, capture.stream, path, chunk);
    });
  }

  /**
   * One write of a streaming answer: the response head with the first (sockjs writes its head
   * before any chunk), then the chunk with its chunked coding (http) and its frames' layers. The
   * terminating chunk and anything else are settled with the exchange.
   */
  private streamChunk(bucket: LaneId, req: IncomingMessage, res: ServerResponse, stream: StreamedSoFar, path: string, chunk: Buffer): void {
    const transport = laneTransport(bucket);
    const socket = req.socket as Socket;
    // Node's own head text, once written: exactly the bytes it puts before the first chunk.
    const headText = (res as unknown as { _header?: string | null })._header;
    if (!stream.headDone && typeof headText === 'string') {
      stream.headDone = true;
      const head = Buffer.byteLength(headText, 'latin1');
      this.streamed(bucket, stream, { transport, lane: bucket, socket, dir: 'out', kind: 'http-response', bytes: head, layers: { ...NO_LAYERS(), http: head }, text: '', req, response: responseOf(res) });
    }
    const coding = res.chunkedEncoding ? chunkCodingBytes(chunk.length) : 0;
    const text = chunk.toString('utf8');
    const body = httpBodyLayers(transport, path, 'out', text);
    const layers: CountedLayers = { http: coding, payload: body.payload, keepalive: body.keepaliveBytes };
    this.streamed(bucket, stream, { transport, lane: bucket, socket, dir: 'out', kind: 'http-chunk', bytes: chunk.length + coding, layers, text, req });
  }

  /** Counts a unit of a streaming exchange now and hands it to the inspector. */
  private streamed(bucket: LaneId, stream: StreamedSoFar, unit: WireUnit): void {
    const c = this.counts[bucket];
    for (const layer of ['payload', 'http', 'keepalive'] as const) {
      c[unit.dir][layer] += unit.layers[layer];
      stream.layers[unit.dir][layer] += unit.layers[layer];
    }
    stream.bytes[unit.dir] += unit.bytes;
    this.units?.unit(unit);
  }

  /** Layers per lane, framing being the rest of the wire totals in `wire`. */
  layers(wire: WireMetricsResponse = this.wire.snapshot()): Record<LaneId, WireLayerTotals> {
    const result = {} as Record<LaneId, WireLayerTotals>;
    for (const id of LANE_IDS) {
      const c = this.counts[id];
      const split = (counted: Counted, total: number): WireLayerBytes => ({
        ...counted,
        framing: total - counted.payload - counted.http - counted.keepalive,
      });
      result[id] = {
        in: split(c.in, wire.buckets[id].bytesIn),
        out: split(c.out, wire.buckets[id].bytesOut),
        keepaliveRequests: c.keepaliveRequests,
      };
    }
    return result;
  }

  /** The meter's snapshot with the layers added: the body of `GET /api/metrics/wire`. */
  snapshot(): WireMetricsResponse {
    const wire = this.wire.snapshot();
    return { ...wire, layers: this.layers(wire) };
  }

  /** Zeroes the layers; call together with `WireMeter.reset()`. */
  reset(): void {
    this.counts = this.zeroCounts();
  }

  private settleExchange({ bucket, req, res, bytesIn, bytesOut }: WireExchange): void {
    const capture = this.bodies.get(res);
    if (!capture || !isLane(bucket)) return;
    this.bodies.delete(res);
    const c = this.counts[bucket];
    const path = (req.url ?? '/').split('?')[0];
    const requestText = Buffer.concat(capture.requestChunks).toString('utf8');
    const responseText = Buffer.concat(capture.responseChunks).toString('utf8');
    const transport = laneTransport(bucket);
    const sent = httpBodyLayers(transport, path, 'in', requestText);
    const answered = httpBodyLayers(transport, path, 'out', responseText);
    const onlyKeepalive =
      sent.payload + answered.payload === 0 &&
      sent.otherUnits + answered.otherUnits === 0 &&
      sent.keepaliveUnits + answered.keepaliveUnits > 0;
    // A poll that brought nothing, or a heartbeat-only exchange, exists only to stay in touch:
    // all of it, headers included, is the cost of keeping the connection. (A stream carries its
    // open frame at least, and its chunks were counted as they went.)
    const keepaliveOnly = !capture.stream && (answered.emptyPoll || onlyKeepalive);
    const layersIn: CountedLayers = keepaliveOnly
      ? { ...NO_LAYERS(), keepalive: bytesIn }
      : { http: Math.max(0, bytesIn - requestBodyWireBytes(req, capture.requestBytes)), payload: sent.payload, keepalive: sent.keepaliveBytes };
    // Heartbeats among other units count their own bytes (SockJS `h` frames in an xhr-streaming answer).
    const layersOut: CountedLayers = keepaliveOnly
      ? { ...NO_LAYERS(), keepalive: bytesOut }
      : { http: Math.max(0, bytesOut - capture.responseBytes), payload: answered.payload, keepalive: answered.keepaliveBytes };
    if (keepaliveOnly) c.keepaliveRequests++;
    if (capture.stream) return this.settleStream(bucket, req, capture.stream, { in: layersIn, out: layersOut }, { in: bytesIn, out: bytesOut });
    for (const layer of ['payload', 'http', 'keepalive'] as const) {
      c.in[layer] += layersIn[layer];
      c.out[layer] += layersOut[layer];
    }
    const units = this.units;
    if (!units) return;
    const socket = req.socket as Socket;
    units.unit({ transport, lane: bucket, socket, dir: 'in', kind: 'http-request', bytes: bytesIn, layers: layersIn, text: requestText, req });
    units.unit({
      transport,
      lane: bucket,
      socket,
      dir: 'out',
      kind: 'http-response',
      bytes: bytesOut,
      layers: layersOut,
      text: responseText,
      req,
      response: responseOf(res),
      ...(answered.emptyPoll ? { emptyPoll: true } : {}),
    });
  }

  /**
   * A streaming exchange finished: what its chunks did not count yet (the terminating chunk, a
   * head Node wrote without a chunk) is counted now, and recorded as its last chunk.
   */
  private settleStream(bucket: LaneId, req: IncomingMessage, stream: StreamedSoFar, whole: { in: CountedLayers; out: CountedLayers }, bytes: { in: number; out: number }): void {
    const c = this.counts[bucket];
    for (const dir of ['in', 'out'] as const) {
      const rest = NO_LAYERS();
      for (const layer of ['payload', 'http', 'keepalive'] as const) {
        rest[layer] = whole[dir][layer] - stream.layers[dir][layer];
        c[dir][layer] += rest[layer];
      }
      const restBytes = bytes[dir] - stream.bytes[dir];
      if (restBytes <= 0 || !this.units) continue;
      const kind = dir === 'in' ? 'tcp' : 'http-chunk';
      this.units.unit({ transport: laneTransport(bucket), lane: bucket, socket: req.socket as Socket, dir, kind, bytes: restBytes, layers: rest, text: '', req });
    }
  }

  private zeroCounts(): Record<LaneId, Counts> {
    return Object.fromEntries(LANE_IDS.map((id) => [id, zero()])) as Record<LaneId, Counts>;
  }
}

/** A response's status and headers as the handler set them, for the inspector. */
function responseOf(res: ServerResponse): { status: number; headers: [string, string][] } {
  const headers = Object.entries(res.getHeaders()).map(([name, value]): [string, string] => [name, Array.isArray(value) ? value.join(', ') : String(value)]);
  return { status: res.statusCode, headers };
}

/**
 * Bytes of a request head as it was on the wire: request line, each header as `name: value`,
 * the blank line. Node keeps the names' case and the values (trimmed) in `rawHeaders`; every
 * client we know writes one space after the colon (checked against raw bytes in the tests).
 */
export function requestHeadBytes(req: IncomingMessage): number {
  let bytes = utf8(`${req.method} ${req.url} HTTP/${req.httpVersion}\r\n`) + 2;
  for (let i = 0; i < req.rawHeaders.length; i += 2) bytes += Buffer.byteLength(`${req.rawHeaders[i]}: ${req.rawHeaders[i + 1]}\r\n`, 'latin1');
  return bytes;
}

/** Body bytes of a request on the wire: its Content-Length, or what a chunked body decoded to. */
function requestBodyWireBytes(req: IncomingMessage, decodedBytes: number): number {
  const length = Number(req.headers['content-length']);
  if (req.headers['transfer-encoding'] === undefined && Number.isFinite(length)) return length;
  // Chunked: the decoded body; the chunk sizes and CRLFs are HTTP's own coding, so they stay in `http`.
  return decodedBytes;
}
