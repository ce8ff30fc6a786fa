/**
 * Faults on demand, server side so every transport is treated alike (a browser's offline switch
 * does not cut open WebSockets). On in development and test; off in production unless ADMIN_API=on.
 *
 *   POST /api/admin/drop?transport=ws   → 200 {"dropped":"ws"}   closes every connection of one transport
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { sendJson } from './json-response';
import { errorEvent, isTransportId, type TransportId } from '../../protocol';
import type { ServerTransport } from '../transports/server-transport';

/** Answers admin requests; returns true when it took the request. */
export function createAdminRoutes(enabled: boolean, transports: Record<TransportId, ServerTransport>) {
  return (req: IncomingMessage, res: ServerResponse): boolean => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    if (!url.pathname.startsWith('/api/admin/')) return false;
    const send = (status: number, body: unknown) => sendJson(res, status, body);
    req.resume();
    if (!enabled) {
      send(404, errorEvent('bad_request', { message: 'The admin API is off (set ADMIN_API=on).' }));
      return true;
    }
    if (url.pathname === '/api/admin/drop' && req.method === 'POST') {
      const transport = url.searchParams.get('transport');
      if (!isTransportId(transport)) {
        send(400, errorEvent('bad_request', { message: '"transport" must be one of polling, ws, sockjs, socketio.' }));
        return true;
      }
      transports[transport].dropAll('dropped by admin');
      send(200, { dropped: transport });
      return true;
    }
    send(404, errorEvent('bad_request', { message: `No ${req.method} ${url.pathname}.` }));
    return true;
  };
}
