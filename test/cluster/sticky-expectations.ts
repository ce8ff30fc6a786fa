/**
 * What each client lane should do through HAProxy over two Lab nodes, with sticky sessions off
 * and on: the one table the sticky-matrix test asserts. The rule, from the libraries' docs: a
 * transport whose whole session is one TCP connection (a WebSocket) does not care which node a
 * later request would go to; one whose session spans several HTTP requests needs every request on
 * the node that holds the session, and without stickiness round robin sends the next one elsewhere.
 * Every Node lane (protocol NODE_LANE_IDS) must have a row: a new lane needs a decision here.
 */
import type { LaneId } from '../../protocol';
import type { ProbeTarget } from './lane-probe';

/** The three steps of the probe (see lane-probe.ts). */
export interface Expected {
  connects: boolean;
  delivers: boolean;
  reconnects: boolean;
}

/** Every step works. */
export const WORKS: Expected = { connects: true, delivers: true, reconnects: true };
/**
 * Never welcomed: the request after the one that opened the session lands on the other node,
 * which does not know it, so every attempt dies before hello is answered (and so the later steps
 * never run).
 */
export const SESSION_ON_ONE_NODE: Expected = { connects: false, delivers: false, reconnects: false };

/** One row of the matrix: what to run, and what to expect. */
export interface StickyRow {
  /** The lane id, or `<lane>:<sub-transport>` for a lane with SockJS pinned further. */
  row: string;
  note: string;
  target: ProbeTarget;
  expected: { off: Expected; on: Expected };
}

const row = (id: string, note: string, target: ProbeTarget, off: Expected): StickyRow => ({
  row: id,
  note,
  target,
  // With stickiness every request of a client reaches one node: everything must work.
  expected: { off, on: WORKS },
});

/** The matrix's rows, in the order shown. */
export const STICKY_ROWS: StickyRow[] = [
  // Our short polling: its session lives on one node, but every request is complete in itself and
  // answered at once, so a node that does not have the session relays it over Redis to the one
  // that does (server/cluster/poll-relay.ts). Without Redis it would fail like the rows below.
  row('polling', 'our AJAX short polling (relayed over Redis)', { lane: 'polling' }, WORKS),
  // One WebSocket: the node that took the upgrade has the whole session; a reconnect may land on
  // the other node, which simply welcomes it as a new connection.
  row('ws', 'raw WebSocket', { lane: 'ws' }, WORKS),
  // Socket.IO docs ("Using multiple nodes", and its README): sticky sessions are needed unless the
  // client uses WebSocket only. The base lane is pinned to WebSocket.
  row('socketio', 'Socket.IO, WebSocket only', { lane: 'socketio' }, WORKS),
  // HTTP long-polling: the handshake makes the sid on one node, the next POST goes to the other
  // ("Session ID unknown", 400).
  row('socketio:polling', 'Socket.IO, long-polling only', { lane: 'socketio:polling' }, SESSION_ON_ONE_NODE),
  // The library's default starts on long-polling, so it breaks the same way before any upgrade.
  row('socketio:upgrade', "Socket.IO's default: polling, then upgrade", { lane: 'socketio:upgrade' }, SESSION_ON_ONE_NODE),
  // sockjs-node README ("Sticky sessions"): all HTTP requests of one session must hit the same
  // server. Over WebSocket the session is one connection and /info holds no state, so it needs
  // none. In Node, sockjs-client picks WebSocket when /info offers it (the probe records `via`).
  row('sockjs', "SockJS, the library's choice", { lane: 'sockjs' }, WORKS),
  row('sockjs:websocket', 'SockJS pinned to WebSocket', { lane: 'sockjs', sockjsTransports: ['websocket'] }, WORKS),
  // The HTTP sub-transports receive on one request and send on others (xhr_send): the session's
  // sends reach a node without it (404).
  row('sockjs:xhr-streaming', 'SockJS, xhr-streaming', { lane: 'sockjs:xhr-streaming' }, SESSION_ON_ONE_NODE),
  row('sockjs:xhr-polling', 'SockJS, xhr-polling', { lane: 'sockjs:xhr-polling' }, SESSION_ON_ONE_NODE),
  row('sockjs:eventsource', 'SockJS, EventSource', { lane: 'sockjs:eventsource' }, SESSION_ON_ONE_NODE),
];

/** Node lanes without a row (should be none). */
export function lanesWithoutRow(lanes: readonly LaneId[]): LaneId[] {
  return lanes.filter((lane) => !STICKY_ROWS.some((r) => r.row === lane));
}
