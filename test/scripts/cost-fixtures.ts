/** Cost exports shaped exactly like the page's (measure/cost-export.ts `costToJson`), for the CLI's tests. */
import { costToJson } from '../../measure/cost-export';
import type { ConnectCostResult, IdleCostResult, SweepResult } from '../../measure/cost-results';
import type { ExportedCost } from '../../scripts/compare/cost-report';

export const IDLE: IdleCostResult = {
  startedAt: '2026-11-26T10:00:00.000Z',
  requestedMs: 2000,
  elapsedMs: 2003,
  pollIntervalMs: 500,
  rows: [
    { transport: 'polling', clients: 1, bytesInPerMin: 78228.3, bytesOutPerMin: 26156.1, requestsPerMin: 120 },
    { transport: 'ws', clients: 1, bytesInPerMin: 0, bytesOutPerMin: 0, requestsPerMin: 0 },
    { transport: 'sockjs', clients: 1, bytesInPerMin: 0, bytesOutPerMin: 0, requestsPerMin: 0 },
    { transport: 'socketio', clients: 1, bytesInPerMin: 12.5, bytesOutPerMin: 7, requestsPerMin: 0 },
  ],
};

type ConnectRow = ConnectCostResult['rows'][number];
const connectRow = (transport: ConnectRow['transport'], bytesIn: number, requests: number, ms: number, timeline: ConnectRow['timeline'] = null): ConnectRow => ({
  transport,
  bytesIn,
  bytesOut: Math.round(bytesIn / 2),
  requests,
  ms,
  idleBytesInPerSec: transport === 'polling' ? 1303.8 : 0,
  idleBytesOutPerSec: transport === 'polling' ? 435.9 : 0,
  idleRequestsPerSec: transport === 'polling' ? 2 : 0,
  idleWindowMs: 1500,
  timeline,
});

/** SockJS's negotiation as the inspector reads it: `/info`, then the WebSocket's 101 and `o`. */
export const SOCKJS_TIMELINE: NonNullable<ConnectRow['timeline']> = [
  { atMs: 0, dir: 'in', kind: 'http-request', bytes: 412, summary: 'GET /rt/sockjs/info', welcome: false },
  { atMs: 1.2, dir: 'out', kind: 'http-response', bytes: 378, summary: 'SockJS /info → 200', welcome: false },
  { atMs: 4.5, dir: 'in', kind: 'http-request', bytes: 498, summary: 'GET /rt/sockjs/123/abc/websocket (upgrade)', welcome: false },
  { atMs: 5.1, dir: 'out', kind: 'http-response', bytes: 129, summary: '101 Switching Protocols', welcome: false },
  { atMs: 6.9, dir: 'out', kind: 'ws-frame', bytes: 120, summary: 'WS text · SockJS a[welcome]', welcome: true },
];

export const CONNECT: ConnectCostResult = {
  startedAt: '2026-11-26T10:00:03.000Z',
  ns: '/lab',
  pollIntervalMs: 500,
  rows: [connectRow('polling', 3450, 5, 514.1), connectRow('ws', 601, 1, 3.8), connectRow('sockjs', 1290, 2, 8.5, SOCKJS_TIMELINE), connectRow('socketio', 658, 1, 5.6)],
};

const point = (intervalMs: number, meanMs: number, received: number) => ({
  intervalMs,
  sent: 6,
  received,
  meanMs,
  p50Ms: meanMs - 10,
  pollRequestMs: 3.25,
  pollCycleMs: intervalMs + 4.5,
  theoryMs: intervalMs / 2 + 3.25,
  bytesInPerMin: 39_000_000 / intervalMs,
  bytesOutPerMin: 15_000_000 / intervalMs,
  requestsPerMin: 60_000 / intervalMs,
  idleWindowMs: Math.max(4 * intervalMs, 2000),
});

export const SWEEP: SweepResult = { startedAt: '2026-11-26T10:00:10.000Z', messages: 6, points: [point(250, 128.049, 6), point(1000, 504.652, 6)] };

/** The three as the page's JSON downloads parse: each result with its kind. */
export const EXPORTED = {
  idle: JSON.parse(costToJson({ kind: 'idle', result: IDLE })) as ExportedCost<'idle'>,
  connect: JSON.parse(costToJson({ kind: 'connect', result: CONNECT })) as ExportedCost<'connect'>,
  sweep: JSON.parse(costToJson({ kind: 'sweep', result: SWEEP })) as ExportedCost<'sweep'>,
};
