/**
 * The inspector's records as HAR 1.2, the way Chrome's DevTools writes it: one entry per HTTP
 * exchange, and for a WebSocket the upgrade request with its 101 and `_webSocketMessages`
 * (`{type: "send" | "receive", time: epoch seconds, opcode, data}`), so the log opens in the
 * tools people already use. Records of one connection are in order, so a request is followed by
 * its response on the same connection.
 */
import type { WireRecord } from '../../protocol';

/** The version of the record format the export was made from (protocol/wire-records.ts). */
const WIRE_RECORD_FORMAT = '1';

interface HarEntry {
  startedDateTime: string;
  time: number;
  request: { method: string; url: string; httpVersion: string; headers: { name: string; value: string }[]; queryString: { name: string; value: string }[]; cookies: []; headersSize: number; bodySize: number; postData?: { mimeType: string; text: string } };
  response: { status: number; statusText: string; httpVersion: string; headers: { name: string; value: string }[]; cookies: []; content: { size: number; mimeType: string; text?: string }; redirectURL: string; headersSize: number; bodySize: number };
  cache: Record<string, never>;
  timings: { send: number; wait: number; receive: number };
  connection: string;
  _transport: string;
  _resourceType?: 'websocket';
  _webSocketMessages?: { type: 'send' | 'receive'; time: number; opcode: number; data: string }[];
}

const headerList = (headers: [string, string][] = []) => headers.map(([name, value]) => ({ name, value }));
const bodyOf = (raw: string) => {
  const at = raw.indexOf('\r\n\r\n');
  return at < 0 ? '' : raw.slice(at + 4);
};
const header = (headers: [string, string][] = [], name: string) => headers.find(([n]) => n.toLowerCase() === name)?.[1];

/**
 * A HAR 1.2 log of `records`.
 * @param origin `http://host:port` the requests were made to (HAR wants absolute URLs)
 */
export function toHar(records: WireRecord[], origin: string): object {
  const entries: HarEntry[] = [];
  /** The open request (or WebSocket) of each connection. */
  const open = new Map<string, { entry: HarEntry; at: number }>();
  for (const r of records) {
    if (r.kind === 'http-request' && r.http) {
      const url = new URL(r.http.path ?? '/', origin);
      const body = bodyOf(r.raw);
      const entry: HarEntry = {
        startedDateTime: new Date(r.wallTime).toISOString(),
        time: 0,
        request: {
          method: r.http.method ?? 'GET',
          url: url.href,
          httpVersion: 'HTTP/1.1',
          headers: headerList(r.http.headers),
          queryString: [...url.searchParams].map(([name, value]) => ({ name, value })),
          cookies: [],
          headersSize: r.layers.http,
          bodySize: Math.max(0, r.bytes - r.layers.http),
          ...(body ? { postData: { mimeType: header(r.http.headers, 'content-type') ?? 'text/plain', text: body } } : {}),
        },
        response: { status: 0, statusText: '', httpVersion: 'HTTP/1.1', headers: [], cookies: [], content: { size: 0, mimeType: '' }, redirectURL: '', headersSize: -1, bodySize: -1 },
        cache: {},
        timings: { send: 0, wait: 0, receive: 0 },
        connection: r.connection,
        _transport: r.transport,
      };
      entries.push(entry);
      open.set(r.connection, { entry, at: r.at });
      continue;
    }
    const current = open.get(r.connection);
    if (!current) continue;
    const { entry } = current;
    if (r.kind === 'http-response' && r.http) {
      const text = bodyOf(r.raw);
      entry.time = Math.max(0, r.at - current.at);
      entry.timings.wait = entry.time;
      entry.response = {
        status: r.http.status ?? 0,
        statusText: r.http.status === 101 ? 'Switching Protocols' : '',
        httpVersion: 'HTTP/1.1',
        headers: headerList(r.http.headers),
        cookies: [],
        content: { size: text.length, mimeType: header(r.http.headers, 'content-type') ?? '', ...(text ? { text } : {}) },
        redirectURL: '',
        headersSize: r.http.status === 101 ? r.bytes : -1,
        bodySize: r.http.status === 101 ? 0 : -1,
      };
      if (r.http.status === 101) {
        entry._resourceType = 'websocket';
        entry._webSocketMessages = [];
      } else open.delete(r.connection);
      continue;
    }
    if (r.kind === 'ws-frame' && r.ws && entry._webSocketMessages) {
      entry._webSocketMessages.push({ type: r.dir === 'in' ? 'send' : 'receive', time: r.wallTime / 1000, opcode: r.ws.opcode, data: r.raw });
    }
  }
  return { log: { version: '1.2', creator: { name: 'Transport Lab wire inspector', version: WIRE_RECORD_FORMAT }, pages: [], entries } };
}
