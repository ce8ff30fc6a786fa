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
  TRANSPORT_IDS,
  type TransportId,
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
import { NO_LAYERS, type CountedLayers, type WireUnitSink } from './wire-units';

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
}

const isTransport = (bucket: WireBucket): bucket is TransportId => (TRANSPORT_IDS as readonly string[]).includes(bucket);
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
      if (!isTransport(bucket)) sink.otherExchange(req.socket as Socket, bytesIn, bytesOut);
    });
    this.wire.on('connectionClosed', (_record: unknown, closed: { socket: Socket; owner: string; bytesIn: number; bytesOut: number }) =>
      sink.closed(closed.socket, closed.owner, closed.bytesIn, closed.bytesOut),
    );
  }

  /** Starts watching a request (with its `res`) or an upgrade (without) routed to `bucket`. */
  route(bucket: WireBucket, req: IncomingMessage, res?: ServerResponse): void {
    if (!isTransport(bucket)) return;
    if (!res) {
      const counts = () => this.counts[bucket];
      const head = requestHeadBytes(req);
      counts().in.http += head;
      const socket = req.socket as Socket;
      this.units?.unit({ transport: bucket, socket, dir: 'in', kind: 'http-request', bytes: head, layers: { ...NO_LAYERS(), http: head }, text: '', req });
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
    observeEmittedData(req, (chunk) => {
      capture.requestBytes += chunk.length;
      if (capture.requestBytes <= MAX_KEPT_BODY) capture.requestChunks.push(chunk);
    });
    observeWrites(res, (chunk) => {
      // Written after the client went away: never on the wire (nor in the wire meter's count).
      if (res.destroyed) return;
      capture.responseBytes += chunk.length;
      if (capture.responseBytes <= MAX_KEPT_BODY) capture.responseChunks.push(chunk);
    });
  }

  /** Layers per transport, framing being the rest of the wire totals in `wire`. */
  layers(wire: WireMetricsResponse = this.wire.snapshot()): Record<TransportId, WireLayerTotals> {
    const result = {} as Record<TransportId, WireLayerTotals>;
    for (const id of TRANSPORT_IDS) {
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
    if (!capture || !isTransport(bucket)) return;
    this.bodies.delete(res);
    const c = this.counts[bucket];
    const path = (req.url ?? '/').split('?')[0];
    const requestText = Buffer.concat(capture.requestChunks).toString('utf8');
    const responseText = Buffer.concat(capture.responseChunks).toString('utf8');
    const sent = httpBodyLayers(bucket, path, 'in', requestText);
    const answered = httpBodyLayers(bucket, path, 'out', responseText);
    const onlyKeepalive =
      sent.payload + answered.payload === 0 &&
      sent.otherUnits + answered.otherUnits === 0 &&
      sent.keepaliveUnits + answered.keepaliveUnits > 0;
    // A poll that brought nothing, or a heartbeat-only exchange, exists only to stay in touch:
    // all of it, headers included, is the cost of keeping the connection.
    const keepaliveOnly = answered.emptyPoll || onlyKeepalive;
    const layersIn: CountedLayers = keepaliveOnly
      ? { ...NO_LAYERS(), keepalive: bytesIn }
      : { http: Math.max(0, bytesIn - requestBodyWireBytes(req, capture.requestBytes)), payload: sent.payload, keepalive: sent.keepaliveBytes };
    // Heartbeats among other units count their own bytes (SockJS `h` frames in an xhr-streaming answer).
    const layersOut: CountedLayers = keepaliveOnly
      ? { ...NO_LAYERS(), keepalive: bytesOut }
      : { http: Math.max(0, bytesOut - capture.responseBytes), payload: answered.payload, keepalive: answered.keepaliveBytes };
    if (keepaliveOnly) c.keepaliveRequests++;
    for (const layer of ['payload', 'http', 'keepalive'] as const) {
      c.in[layer] += layersIn[layer];
      c.out[layer] += layersOut[layer];
    }
    const units = this.units;
    if (!units) return;
    const socket = req.socket as Socket;
    units.unit({ transport: bucket, socket, dir: 'in', kind: 'http-request', bytes: bytesIn, layers: layersIn, text: requestText, req });
    const headers = Object.entries(res.getHeaders()).map(([name, value]): [string, string] => [name, Array.isArray(value) ? value.join(', ') : String(value)]);
    units.unit({
      transport: bucket,
      socket,
      dir: 'out',
      kind: 'http-response',
      bytes: bytesOut,
      layers: layersOut,
      text: responseText,
      req,
      response: { status: res.statusCode, headers },
      ...(answered.emptyPoll ? { emptyPoll: true } : {}),
    });
  }

  private zeroCounts(): Record<TransportId, Counts> {
    return Object.fromEntries(TRANSPORT_IDS.map((id) => [id, zero()])) as Record<TransportId, Counts>;
  }
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
