/**
 * Faults on demand, server side so every transport is treated alike (a browser's offline switch
 * does not cut open WebSockets). On in development and test; off in production unless
 * ADMIN_API=on. When ADMIN_TOKEN is set, every request needs `authorization: Bearer <token>`.
 *
 *   POST   /api/admin/drop?transport=ws                 → 200 {"dropped":"ws"}
 *   POST   /api/admin/stall?transport=ws&ms=2000        → 200 FaultState   (outgoing events held, then released in order)
 *   POST   /api/admin/latency?transport=ws&ms=200&jitter=50 → 200 FaultState (each outgoing event delayed 200 ± 50 ms)
 *   POST   /api/admin/restart                           → 200 {"restarted":[...]} (every connection of all four closed)
 *   GET    /api/admin/faults                            → 200 FaultState
 *   DELETE /api/admin/faults[?transport=ws]             → 200 FaultState   (faults ended, held events released now)
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { refuseAdmin, type AdminGuardOptions } from './admin-guard';
import { sendJson } from '../http-io/json-response';
import { errorEvent, isTransportId, TRANSPORT_IDS, type TransportId } from '../../protocol';
import { MAX_FAULT_MS, type FaultInjector } from '../faults/fault-injector';
import type { ServerTransport } from '../transports/server-transport';

/** What the admin API may touch, and how it is guarded. */
export interface AdminRoutesOptions extends AdminGuardOptions {
  transports: Record<TransportId, ServerTransport>;
  faults: FaultInjector;
}

/** The reason clients see when the admin restarts the transports (ws close reason, SockJS close frame). */
export const RESTART_REASON = 'transports restarting';

/** Answers admin requests; returns true when it took the request. */
export function createAdminRoutes(options: AdminRoutesOptions) {
  const { transports, faults } = options;
  return (req: IncomingMessage, res: ServerResponse): boolean => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    if (!url.pathname.startsWith('/api/admin/')) return false;
    const send = (status: number, body: unknown) => sendJson(res, status, body);
    const bad = (message: string) => send(400, errorEvent('bad_request', { message }));
    req.resume();
    if (refuseAdmin(req, res, options)) return true;
    const route = `${req.method} ${url.pathname}`;
    const named = url.searchParams.get('transport');
    const transport = isTransportId(named) ? named : undefined;
    const noTransport = () => {
      bad('"transport" must be one of polling, ws, sockjs, socketio.');
      return true;
    };
    switch (route) {
      case 'POST /api/admin/drop':
        if (!transport) return noTransport();
        transports[transport].dropAll('dropped by admin');
        send(200, { dropped: transport });
        return true;
      case 'POST /api/admin/stall': {
        const ms = readMs(url, 'ms', 1);
        if (!transport) return noTransport();
        if (ms === undefined) {
          bad(`"ms" must be an integer from 1 to ${MAX_FAULT_MS}.`);
          return true;
        }
        faults.stall(transport, ms);
        send(200, faults.snapshot());
        return true;
      }
      case 'POST /api/admin/latency': {
        const ms = readMs(url, 'ms', 0);
        const jitter = url.searchParams.has('jitter') ? readMs(url, 'jitter', 0) : 0;
        if (!transport) return noTransport();
        if (ms === undefined || jitter === undefined) {
          bad(`"ms" and "jitter" must be integers from 0 to ${MAX_FAULT_MS}.`);
          return true;
        }
        faults.setLatency(transport, ms, jitter);
        send(200, faults.snapshot());
        return true;
      }
      case 'POST /api/admin/restart':
        // A real restart would rebuild the four transport objects while the dispatcher holds them;
        // closing every connection gives clients the same experience (they reconnect) with no new state.
        for (const id of TRANSPORT_IDS) transports[id].dropAll(RESTART_REASON);
        send(200, { restarted: TRANSPORT_IDS });
        return true;
      case 'GET /api/admin/faults':
        send(200, faults.snapshot());
        return true;
      case 'DELETE /api/admin/faults':
        if (named !== null && !transport) return noTransport();
        faults.clear(transport);
        send(200, faults.snapshot());
        return true;
      default:
        send(404, errorEvent('bad_request', { message: `No ${route}.` }));
        return true;
    }
  };
}

/** An integer query parameter in [min, MAX_FAULT_MS], or undefined when missing or out of range. */
function readMs(url: URL, name: string, min: number): number | undefined {
  const raw = url.searchParams.get(name);
  if (raw === null || !/^\d{1,6}$/.test(raw)) return undefined;
  const value = Number(raw);
  return value >= min && value <= MAX_FAULT_MS ? value : undefined;
}
