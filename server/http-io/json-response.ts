/** Writing JSON answers: one shape for every endpoint of ours (API, admin, metrics, polling). */
import type { OutgoingHttpHeaders, ServerResponse } from 'node:http';

/**
 * Sends `body` as JSON with an exact Content-Length and `cache-control: no-store`
 * (every answer of ours is live data that no cache may keep).
 * @param headers extra headers, e.g. `{ connection: 'close' }`
 */
export function sendJson(res: ServerResponse, status: number, body: unknown, headers: OutgoingHttpHeaders = {}): void {
  sendJsonText(res, status, JSON.stringify(body), headers);
}

/** {@link sendJson} for a body already encoded (`text` must be JSON). */
export function sendJsonText(res: ServerResponse, status: number, text: string, headers: OutgoingHttpHeaders = {}): void {
  res.writeHead(status, {
    'content-type': 'application/json; charset=utf-8',
    'content-length': Buffer.byteLength(text),
    'cache-control': 'no-store',
    ...headers,
  });
  res.end(text);
}
