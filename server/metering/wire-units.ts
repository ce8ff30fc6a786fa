/**
 * The seam between the layer meter and the wire inspector: each unit the meter splits into layers
 * (an HTTP request or response, the head of an upgrade, one WebSocket frame) is handed to a sink
 * with its exact bytes and layers, and the text it carried. The meter measures; the sink decides
 * what to keep. Without a sink the meter does no extra work.
 */
import type { IncomingMessage } from 'node:http';
import type { Socket } from 'node:net';
import type { LaneId, TransportId, WireLayer, WireUnitKind } from '../../protocol';

/** Bytes per layer of one unit; framing is `bytes` minus the other three. */
export type CountedLayers = Record<Exclude<WireLayer, 'framing'>, number>;

/** What the inspector needs of a request (an IncomingMessage is one; a copy lets it be collected). */
export interface RequestHead {
  method?: string;
  url?: string;
  httpVersion: string;
  rawHeaders: string[];
  headers: { upgrade?: string };
}

/** One unit on the wire, as the meter measured it. */
export interface WireUnit {
  transport: TransportId;
  /** The lane (the transport, or the variant its client pinned): the meter's bucket. */
  lane: LaneId;
  /** The TCP connection the unit travelled on. */
  socket: Socket;
  dir: 'in' | 'out';
  kind: WireUnitKind;
  /** Exactly the bytes the wire meter gave this unit (HTTP) or the frame's size (WebSocket). */
  bytes: number;
  layers: CountedLayers;
  /** What the unit carried: a frame's payload, or an HTTP body. */
  text: string;
  /** The request, for HTTP units and the upgrade's head. */
  req?: IncomingMessage | RequestHead;
  /** An HTTP response's status and headers as the handler set them. */
  response?: { status: number; headers: [string, string][] };
  /** A response head written on an upgraded socket (the 101, or a refusal), as bytes went. */
  head?: string;
  ws?: { opcode: number; fin: boolean; masked: boolean; headerBytes: number; payloadLength: number; headerHex: string };
  /** A poll of ours answered with no events. */
  emptyPoll?: boolean;
}

/** What a unit says, without the socket it came on (what the inspector keeps and decodes). */
export type UnitContent = Omit<WireUnit, 'socket'>;

/** Where the meter hands its units. */
export interface WireUnitSink {
  unit(unit: WireUnit): void;
  /**
   * A connection closed and the meter settled its last bytes into `owner`: `bytesIn`/`bytesOut`
   * are the socket's final counters, so the sink can account for bytes no unit claimed.
   */
  closed(socket: Socket, owner: string, bytesIn: number, bytesOut: number): void;
  /** An exchange of a bucket that is not a transport (a page, the API) on `socket`: bytes that are not unclaimed. */
  otherExchange(socket: Socket, bytesIn: number, bytesOut: number): void;
}

/** No layer at all yet. */
export const NO_LAYERS = (): CountedLayers => ({ payload: 0, http: 0, keepalive: 0 });
