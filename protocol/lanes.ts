/**
 * Lanes: a transport, or one of its library's variants, measured as a column of its own.
 *
 * The four base lanes are the four transports as the Lab always ran them (Socket.IO pinned to
 * WebSocket so its column measures one thing; SockJS left to choose, which is WebSocket in every
 * browser we test). A variant lane pins the library to another of its sub-transports, so short
 * polling, long-polling and streaming can be measured side by side:
 * `transports=polling,ws,socketio:polling,sockjs:xhr-streaming`.
 *
 * Why a tag on the wire: the server must know which lane a request belongs to before the library
 * has said anything (SockJS's `/info`, Socket.IO's first poll), so a variant's client adds
 * `lane=<variant>` to its URL's query, which both libraries repeat on every request and upgrade.
 * Those bytes are real and counted; base lanes send no tag, so their bytes are the libraries'
 * own. Node-free: the page, the server and the CLIs share this table.
 */
import { isTransportId, type TransportId } from './transports';

/** Every lane, base transports first, in the order columns are shown. */
export const LANE_IDS = [
  'polling',
  'ws',
  'sockjs',
  'socketio',
  'socketio:polling',
  'socketio:upgrade',
  'sockjs:xhr-streaming',
  'sockjs:xhr-polling',
  'sockjs:eventsource',
  'sockjs:iframe-eventsource',
  'sockjs:iframe-htmlfile',
  'sockjs:iframe-xhr-polling',
] as const;

/** One lane: a transport id, or `transport:variant`. */
export type LaneId = (typeof LANE_IDS)[number];

/** The query parameter a variant's client adds to every request so the server can tell lanes apart. */
export const LANE_QUERY = 'lane';

/** How a lane drives its library. */
export interface LaneInfo {
  id: LaneId;
  transport: TransportId;
  /** The variant's name (the part after `:`), absent on base lanes. */
  variant?: string;
  /** Engine.IO transports in order (Socket.IO lanes). */
  socketIoTransports?: string[];
  /** SockJS sub-transports it is pinned to (undefined: the library chooses). */
  sockjsTransports?: string[];
  /**
   * True when the lane keeps an HTTP request open all the time (a long-poll or a stream), so it
   * takes one of the browser's six connections per origin for as long as it is connected.
   */
  holdsRequest?: boolean;
  /**
   * True when only a browser can drive it: SockJS's iframe variants run the library again inside
   * an iframe (`/rt/sockjs/iframe.html`, which loads the server's local copy of sockjs-client), and
   * Node has no DOM. The Node-driven suites (contract, meter, capture) cover the other lanes; the
   * e2e tests cover these.
   */
  browserOnly?: boolean;
}

const lane = (id: LaneId, extra: Omit<LaneInfo, 'id' | 'transport' | 'variant'> = {}): LaneInfo => {
  const [transport, variant] = id.split(':') as [TransportId, string | undefined];
  return { id, transport, ...(variant ? { variant } : {}), ...extra };
};

/** What each lane is. */
export const LANES: Record<LaneId, LaneInfo> = {
  polling: lane('polling'),
  ws: lane('ws'),
  sockjs: lane('sockjs'),
  socketio: lane('socketio', { socketIoTransports: ['websocket'] }),
  // Long-polling only: Engine.IO never tries the upgrade.
  'socketio:polling': lane('socketio:polling', { socketIoTransports: ['polling'], holdsRequest: true }),
  // The library's own default: a polling handshake, then the probe and the switch to WebSocket.
  'socketio:upgrade': lane('socketio:upgrade', { socketIoTransports: ['polling', 'websocket'] }),
  'sockjs:xhr-streaming': lane('sockjs:xhr-streaming', { sockjsTransports: ['xhr-streaming'], holdsRequest: true }),
  'sockjs:xhr-polling': lane('sockjs:xhr-polling', { sockjsTransports: ['xhr-polling'], holdsRequest: true }),
  'sockjs:eventsource': lane('sockjs:eventsource', { sockjsTransports: ['eventsource'], holdsRequest: true }),
  // The same three ways to receive, from inside an iframe served by the Lab (for pages on another origin than the server).
  'sockjs:iframe-eventsource': lane('sockjs:iframe-eventsource', { sockjsTransports: ['iframe-eventsource'], holdsRequest: true, browserOnly: true }),
  'sockjs:iframe-htmlfile': lane('sockjs:iframe-htmlfile', { sockjsTransports: ['iframe-htmlfile'], holdsRequest: true, browserOnly: true }),
  'sockjs:iframe-xhr-polling': lane('sockjs:iframe-xhr-polling', { sockjsTransports: ['iframe-xhr-polling'], holdsRequest: true, browserOnly: true }),
};

/** The lanes the Node client libraries can drive (all but the browser-only ones): the Node suites loop over these. */
export const NODE_LANE_IDS: readonly LaneId[] = LANE_IDS.filter((id) => !LANES[id].browserOnly);

/** True when `value` names a lane. */
export function isLaneId(value: unknown): value is LaneId {
  return typeof value === 'string' && (LANE_IDS as readonly string[]).includes(value);
}

/** The transport a lane runs on. */
export function laneTransport(id: LaneId): TransportId {
  return LANES[id].transport;
}

/** The lanes of one transport, its base lane first. */
export function lanesOf(transport: TransportId): LaneId[] {
  return LANE_IDS.filter((id) => LANES[id].transport === transport);
}

/**
 * The lane of a request `transport` owns, from the `lane` tag in its URL; the base lane when the
 * tag is absent or names no variant of that transport (a tag can never move bytes to another
 * transport's column).
 * @param url the request's URL as the client sent it (path and query)
 */
export function laneOfRequest(transport: TransportId, url: string | undefined): LaneId {
  const query = (url ?? '').split('?')[1];
  if (!query) return transport;
  const variant = new URLSearchParams(query).get(LANE_QUERY);
  const id = variant ? `${transport}:${variant}` : transport;
  return isLaneId(id) && LANES[id].transport === transport ? id : transport;
}

/**
 * Reads a comma-separated list of lanes, e.g. `polling,socketio:polling`.
 * @returns the lanes in the order given, or the first entry that is not one
 */
export function parseLaneList(text: string): { lanes: LaneId[] } | { unknown: string } {
  const lanes: LaneId[] = [];
  for (const raw of text.split(',')) {
    const id = raw.trim();
    if (id === '') continue;
    if (!isLaneId(id)) return { unknown: id };
    if (!lanes.includes(id)) lanes.push(id);
  }
  return { lanes };
}

/** Base lanes are transports: a helper for code that keys by lane but started with the four. */
export function isBaseLane(id: LaneId): id is TransportId {
  return isTransportId(id);
}
