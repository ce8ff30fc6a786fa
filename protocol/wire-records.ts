/**
 * The wire inspector's records: every unit (HTTP request, response or chunk; WebSocket frame) seen
 * on a transport's connections, decoded. Served by `GET /api/wire/log`, streamed by
 * `GET /api/wire/stream` (SSE) and exported as JSON or HAR (docs/PROTOCOL.md, "Wire inspector").
 * Node-free: the inspector page reads the same types.
 */
import type { LaneId } from './lanes';
import type { TransportId } from './transports';
import type { WireLayer } from './wire-metrics';

/**
 * What a record is a unit of. `tcp` holds bytes the meter gave a transport that no request or
 * frame claimed (a request cut off mid-headers, a frame cut off by a close), so the log still adds
 * up to the meter.
 */
export type WireUnitKind = 'http-request' | 'http-response' | 'http-chunk' | 'ws-frame' | 'tcp';

/** Which protocol a decoded packet belongs to, outermost first in `WireRecord.decoded`. */
export type WireProtocol = 'http' | 'websocket' | 'engine.io' | 'socket.io' | 'sockjs' | 'lab-polling' | 'lab-ws';

/** One decoded packet inside a unit (a unit may carry several: a SockJS `a[...]`, an Engine.IO payload). */
export interface DecodedPacket {
  protocol: WireProtocol;
  /** The packet type in the protocol's own words: `open`, `ping`, `EVENT`, `a`, `h`, `send`, `message` … */
  type: string;
  /** The packet's fields worth showing (namespace, ack id, event name, op, room …); redacted. */
  fields?: Record<string, unknown>;
}

/** One unit on the wire. `bytes` and `layers` are exact; text fields are redacted and may be cut. */
export interface WireRecord {
  /** Increases by one per record, across all transports. */
  seq: number;
  /** Server monotonic time in ms (performance.now() of the server process). */
  at: number;
  /** Wall-clock time in ms since the epoch (for HAR and for people). */
  wallTime: number;
  transport: TransportId;
  /** The lane: the transport, or the variant its client pinned (`socketio:polling`; see lanes.ts). */
  lane: LaneId;
  /** Server-assigned id of the TCP connection the unit travelled on (`ws-3`, `polling-17`). */
  connection: string;
  /** The chat client id, once the server knows which client this connection serves. */
  client?: string;
  /** `in` = client → server, `out` = server → client. */
  dir: 'in' | 'out';
  /** Bytes of this unit on the wire (TCP payload), exact. */
  bytes: number;
  /** The layer split of `bytes`, as the layer meter defines the layers. */
  layers: Record<WireLayer, number>;
  kind: WireUnitKind;
  /** One readable line, e.g. `GET /rt/sockjs/info → 200` or `EIO message · SIO EVENT "message"`. */
  summary: string;
  /** Packets read out of the unit, outermost protocol first. */
  decoded: DecodedPacket[];
  /** The unit as text (request line + headers + body, or a frame's payload), redacted, cut at a bound. */
  raw: string;
  /** True when `raw` was cut. */
  rawTruncated?: boolean;
  /** A WebSocket frame's header. */
  ws?: { opcode: number; fin: boolean; masked: boolean; headerBytes: number; payloadLength: number; headerHex: string };
  /** An HTTP unit's start line and headers. */
  http?: { method?: string; path?: string; status?: number; headers: [string, string][] };
  /** Chat message ids this unit carries (a `send` ack, a `message` event): "follow one message". */
  messageIds?: string[];
  /** A poll answered with no events: polling's waste. */
  emptyPoll?: boolean;
}

/** `GET /api/wire/log` answer. */
export interface WireLogPage {
  /** Pass as `since` next time. */
  next: number;
  /** True when records after `since` were overwritten before this read (the ring buffer wrapped). */
  wrapped: boolean;
  /** False when the server runs with `INSPECTOR=off` (then `records` is always empty). */
  enabled: boolean;
  records: WireRecord[];
}
