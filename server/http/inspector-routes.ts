/**
 * The wire inspector's routes (docs/PROTOCOL.md, "Wire inspector"):
 *   GET /api/wire/log?since=N[&transport=ID][&connection=C] → {"next","wrapped","enabled","records"}
 *   GET /api/wire/stream[?since=N][&transport=ID]           → text/event-stream, one `record` event per record
 *   GET /api/wire/export.json                                → every kept record
 *   GET /api/wire/export.har                                 → the same as HAR 1.2 (Chrome's WebSocket fields)
 * Not guarded, like the chat itself: it shows what the chat's clients send each other (tokens redacted).
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { errorEvent, isLaneId, LANE_IDS, type LaneId, type WireLogPage, type WireRecord } from '../../protocol';
import { toHar } from '../inspector/har-export';
import { recordOfLane, type WireInspector } from '../inspector/wire-inspector';
import { sendJson } from '../http-io/json-response';

const PATHS = new Set(['/api/wire/log', '/api/wire/stream', '/api/wire/export.json', '/api/wire/export.har']);
/** A stream whose reader has this much unread is cut: it reconnects and reads on from its last id. */
const MAX_STREAM_BACKLOG = 4 * 1024 * 1024;

/** `since` and the filters, or an error message for the client. */
function readQuery(url: URL): { since: number; transport?: LaneId; connection?: string } | string {
  const since = url.searchParams.get('since') ?? '0';
  if (!/^\d+$/.test(since)) return `since must be a whole number written with digits, got "${since}"`;
  const transport = url.searchParams.get('transport') ?? undefined;
  if (transport !== undefined && !isLaneId(transport)) return `transport must be one of ${LANE_IDS.join(', ')}, got "${transport}"`;
  const connection = url.searchParams.get('connection') ?? undefined;
  return { since: Number(since), ...(transport ? { transport } : {}), ...(connection ? { connection } : {}) };
}

/**
 * @param inspector undefined when the server runs with INSPECTOR=off: the log then says `enabled: false`
 */
export function createInspectorRoutes(inspector: WireInspector | undefined) {
  return (req: IncomingMessage, res: ServerResponse): boolean => {
    const url = new URL(req.url ?? '/', 'http://lab');
    if (!PATHS.has(url.pathname)) return false;
    if (req.method !== 'GET') {
      sendJson(res, 405, errorEvent('bad_request', { message: `${url.pathname} answers GET only.` }));
      return true;
    }
    const query = readQuery(url);
    if (typeof query === 'string') {
      sendJson(res, 400, errorEvent('bad_request', { message: query }));
      return true;
    }
    if (url.pathname === '/api/wire/log') {
      const page: WireLogPage = inspector ? { ...inspector.read(query.since, query), enabled: true } : { next: 0, wrapped: false, enabled: false, records: [] };
      sendJson(res, 200, page);
      return true;
    }
    if (!inspector) {
      sendJson(res, 404, errorEvent('bad_request', { message: 'The wire inspector is off (INSPECTOR=off).' }));
      return true;
    }
    if (url.pathname === '/api/wire/export.json') {
      sendJson(res, 200, { records: inspector.all() }, { 'content-disposition': 'attachment; filename="wire-log.json"' });
      return true;
    }
    if (url.pathname === '/api/wire/export.har') {
      const origin = `http://${req.headers.host ?? 'localhost'}`;
      sendJson(res, 200, toHar(inspector.all(), origin), { 'content-disposition': 'attachment; filename="wire-log.har"' });
      return true;
    }
    stream(inspector, req, res, query);
    return true;
  };
}

/** Server-sent events: what is kept after `since` (or Last-Event-ID), then each record as it comes. */
function stream(inspector: WireInspector, req: IncomingMessage, res: ServerResponse, query: { since: number; transport?: LaneId }): void {
  const lastId = req.headers['last-event-id'];
  let since = typeof lastId === 'string' && /^\d+$/.test(lastId) ? Number(lastId) : query.since;
  res.writeHead(200, { 'content-type': 'text/event-stream; charset=utf-8', 'cache-control': 'no-store', connection: 'keep-alive', 'x-accel-buffering': 'no' });
  // Node sends the head with the first body bytes: without a backlog that could be minutes away,
  // and the browser would wait for the stream's open all that time.
  res.write(': stream open\n\n');
  const send = (record: WireRecord) => {
    if (res.writableEnded) return;
    if (query.transport !== undefined && !recordOfLane(record, query.transport)) return;
    if (res.writableLength > MAX_STREAM_BACKLOG) {
      res.end('event: overflow\ndata: {}\n\n');
      return;
    }
    res.write(`id: ${record.seq}\nevent: record\ndata: ${JSON.stringify(record)}\n\n`);
  };
  // Backlog first, page by page; new records wait in `live` meanwhile (none: this is synchronous).
  for (;;) {
    const page = inspector.read(since, query);
    if (page.wrapped) res.write('event: wrapped\ndata: {}\n\n');
    for (const record of page.records) send(record);
    if (page.next === since) break;
    since = page.next;
  }
  const unsubscribe = inspector.subscribe(send);
  // A comment every 15 s keeps proxies from closing an idle stream.
  const keepalive = setInterval(() => res.write(': keepalive\n\n'), 15_000);
  keepalive.unref();
  res.on('close', () => {
    unsubscribe();
    clearInterval(keepalive);
  });
}
